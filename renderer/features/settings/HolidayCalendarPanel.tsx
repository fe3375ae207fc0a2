/*
 * 节假日日历 in Settings (#3/#4): the years the deadlines can use — bundled ones (随软件发布) and those an
 * administrator typed from the State Council notice (管理员录入) — and the form that adds a year. A year
 * is checked like the bundled file (source cited, dates real and inside the year, make-up days on
 * weekends); every refusal is shown beside its field and nothing typed is cleared. Only an enrolled user
 * with the admin role may add; a device not yet enrolled may add too (its years stay on this device).
 */
import { useState, useSyncExternalStore, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { parseHolidayLines, parseWorkdayLines, type MergedCalendar } from '#shared/law/calendar-overlay';
import type { LawMessage } from '#shared/law/messages';
import { useStore } from '../../app/data-provider';
import type { HolidayYearData } from '#shared/law/calendar';
import {
  addHolidayYear,
  addedHolidayYears,
  holidayConflicts,
  holidayPublishRefusal,
  holidayYearStatus,
  holidayYearsPortInUse,
  hubHolidayYear,
  mergedHolidayCalendar,
  removeHolidayYear,
  resolveHolidayConflict,
  subscribeHolidayCalendar,
  type HolidayConflict,
} from '../../app/holiday-calendar';
import { reprojectUndatedCases, type HolidayYearsPort } from '../../data/holiday-years';
import { Panel } from '../../ui/Panel';
import { useEnrollment } from '../enroll/use-enrollment';
import { useSyncNow } from '../sync/use-sync';

/** Who may add: an admin, a device not yet enrolled (local only), or nobody (an enrolled non-admin). */
export type HolidayAccess = 'admin' | 'not_enrolled' | 'not_admin';

type Field = 'year' | 'source' | 'holidays' | 'workdays' | 'form';
type Errors = Partial<Record<Field, string[]>>;

/** The panel as mounted in Settings: access from the enrollment, saving through the app's port. */
export function HolidayCalendarPanel() {
  const store = useStore();
  const enrollment = useEnrollment();
  const client = useQueryClient();
  const syncNow = useSyncNow();
  if (enrollment.isPending) return null;
  const e = enrollment.data ?? null;
  const access: HolidayAccess =
    e === null ? 'not_enrolled' : e.roles.includes('admin') ? 'admin' : 'not_admin';
  return (
    <HolidayCalendarView
      port={holidayYearsPortInUse()}
      access={access}
      onChanged={async () => {
        // Rows whose next deadline could not be computed before are recomputed with the new year.
        await reprojectUndatedCases(store.ctx);
        await client.invalidateQueries();
        // An enrolled administrator's year goes to the hub now (holiday-sync.ts), not only at the next sync.
        if (access === 'admin') void syncNow();
      }}
    />
  );
}

function routeMessage(m: LawMessage): Field {
  if (['calendar_year_range', 'calendar_year_bundled', 'calendar_year_exists'].includes(m.code))
    return 'year';
  if (m.code === 'calendar_schema' && m.zh.includes('source')) return 'source';
  if (m.code === 'calendar_workday_weekday' || m.code === 'calendar_conflict') return 'workdays';
  if (m.zh.startsWith('调休上班日')) return 'workdays';
  if (m.code === 'calendar_save_failed') return 'form';
  return 'holidays';
}

export function HolidayCalendarView({
  port,
  access,
  onChanged,
}: {
  port: HolidayYearsPort | null;
  access: HolidayAccess;
  onChanged?: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const merged = useSyncExternalStore(subscribeHolidayCalendar, mergedHolidayCalendar);
  const text = (m: LawMessage) => (i18n.language.startsWith('en') ? m.en : m.zh);
  const canAdd = access !== 'not_admin' && port !== null;
  return (
    <Panel title={t('holidays.title')}>
      <div data-testid="holiday-calendar">
        <p className="muted">{t('holidays.intro')}</p>
        <YearList merged={merged} text={text} port={canAdd ? port : null} onChanged={onChanged} />
        {port !== null && (
          <ConflictList port={port} canReplace={access === 'admin'} text={text} onChanged={onChanged} />
        )}
        {access === 'not_admin' && (
          <p className="muted" data-testid="holiday-not-admin">
            {t('holidays.notAdmin')}
          </p>
        )}
        {access !== 'not_admin' && port === null && <p className="muted">{t('holidays.unavailable')}</p>}
        {canAdd && (
          <>
            <p className="muted" data-testid="holiday-access-note">
              {access === 'not_enrolled' ? t('holidays.notEnrolled') : t('holidays.enrolledNote')}
            </p>
            <AddYearForm port={port} text={text} onChanged={onChanged} />
          </>
        )}
      </div>
    </Panel>
  );
}

function YearList({
  merged,
  text,
  port,
  onChanged,
}: {
  merged: MergedCalendar;
  text: (m: LawMessage) => string;
  port: HolidayYearsPort | null;
  onChanged: (() => Promise<void>) | undefined;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const years = [...merged.calendar.years.entries()].sort(([a], [b]) => a - b);
  // Only years typed here can be removed here; a year published on the hub stays (replace it instead).
  const local = addedHolidayYears();
  return (
    <>
      <ul className="holiday-years" data-testid="holiday-years">
        {years.map(([year, y]) => {
          const origin = merged.origins.get(year) ?? 'bundled';
          const status = holidayYearStatus(year);
          const hub = hubHolidayYear(year);
          const refusal = holidayPublishRefusal(year);
          return (
            <li
              key={year}
              data-testid={`holiday-year-${String(year)}`}
              data-origin={origin}
              data-status={status}
            >
              <strong>{year}</strong>{' '}
              <span className="holiday-origin">
                {origin === 'bundled'
                  ? t('holidays.bundled')
                  : status === 'published' && !local[String(year)]
                    ? t('holidays.hub')
                    : t('holidays.admin')}
              </span>
              {status !== 'bundled' && (
                <div className="muted" data-testid={`holiday-status-${String(year)}`}>
                  {status === 'published' && hub
                    ? t('holidays.status.published', {
                        version: hub.version,
                        org: hub.publishedBy.orgName,
                        user: hub.publishedBy.userName,
                        at: hub.publishedAt.slice(0, 10),
                      })
                    : t(`holidays.status.${status}`)}
                </div>
              )}
              {refusal !== null && (
                <div className="field-error" data-testid={`holiday-refused-${String(year)}`}>
                  {t('holidays.refused', { year, message: refusal })}
                </div>
              )}
              <div className="muted">{t('holidays.sourceLine', { source: y.data.source })}</div>
              <div className="muted">
                {t('holidays.holidayCount', { days: y.holidays.size, workdays: y.workdays.size })}
              </div>
              {local[String(year)] !== undefined && status !== 'conflict' && port !== null && (
                <button
                  type="button"
                  className="btn"
                  data-testid={`holiday-remove-${String(year)}`}
                  onClick={() => {
                    void removeHolidayYear(port, year).then(async (r) => {
                      setNote(r.ok ? t('holidays.removed', { year }) : r.error.map(text).join('；'));
                      if (r.ok) await onChanged?.();
                    });
                  }}
                >
                  {t('holidays.remove', { year })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {note && <p className="settings-ok">{note}</p>}
      {merged.problems.length > 0 && (
        <div className="settings-error" data-testid="holiday-skipped">
          {t('holidays.skipped')}
          <ul>
            {merged.problems.map((p, i) => (
              <li key={i}>{text(p)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function YearVersion({ data, title, testId }: { data: HolidayYearData; title: string; testId: string }) {
  const { t } = useTranslation();
  const days = Object.entries(data.holidays)
    .map(([name, dates]) => `${name} ${dates.join('、')}`)
    .join('；');
  return (
    <div className="holiday-version" data-testid={testId}>
      <h4>{title}</h4>
      <div className="muted">{t('holidays.sourceLine', { source: data.source })}</div>
      <div>{t('holidays.daysLine', { days })}</div>
      <div>
        {t('holidays.workdaysLine', {
          days: data.workdays.length > 0 ? data.workdays.join('、') : t('holidays.none'),
        })}
      </div>
    </div>
  );
}

/** Years typed here that differ from the hub's: both versions and the administrator's two choices. */
function ConflictList({
  port,
  canReplace,
  text,
  onChanged,
}: {
  port: HolidayYearsPort;
  canReplace: boolean;
  text: (m: LawMessage) => string;
  onChanged: (() => Promise<void>) | undefined;
}) {
  const { t } = useTranslation();
  // Re-read on every calendar change (the list is derived from the module's state).
  useSyncExternalStore(subscribeHolidayCalendar, mergedHolidayCalendar);
  const conflicts = holidayConflicts();
  if (conflicts.length === 0) return null;
  return (
    <section className="settings-error" data-testid="holiday-conflicts" role="alert">
      <h3>{t('holidays.conflictsTitle')}</h3>
      <p>{t('holidays.conflictIntro')}</p>
      {conflicts.map((c) => (
        <ConflictItem
          key={c.year}
          c={c}
          port={port}
          canReplace={canReplace}
          text={text}
          onChanged={onChanged}
        />
      ))}
    </section>
  );
}

function ConflictItem({
  c,
  port,
  canReplace,
  text,
  onChanged,
}: {
  c: HolidayConflict;
  port: HolidayYearsPort;
  canReplace: boolean;
  text: (m: LawMessage) => string;
  onChanged: (() => Promise<void>) | undefined;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const y = String(c.year);
  const decide = async (choice: { keep: 'hub' } | { keep: 'local'; reason: string }) => {
    const r = await resolveHolidayConflict(port, c.year, choice);
    if (!r.ok) {
      setError(r.error.map(text).join('；'));
      return;
    }
    setError('');
    await onChanged?.();
  };
  return (
    <div className="holiday-conflict" data-testid={`holiday-conflict-${y}`}>
      <strong>{c.year}</strong>
      <div className="holiday-versions">
        <YearVersion data={c.local} title={t('holidays.localVersion')} testId={`holiday-local-${y}`} />
        <YearVersion
          data={c.hub.data}
          testId={`holiday-hub-${y}`}
          title={t('holidays.hubVersion', {
            version: c.hub.version,
            org: c.hub.publishedBy.orgName,
            user: c.hub.publishedBy.userName,
            at: c.hub.publishedAt.slice(0, 10),
          })}
        />
      </div>
      <button
        type="button"
        className="btn"
        data-testid={`holiday-keep-hub-${y}`}
        onClick={() => void decide({ keep: 'hub' })}
      >
        {t('holidays.keepHub')}
      </button>
      {c.replaceReason !== null && (
        <p className="muted" data-testid={`holiday-replace-pending-${y}`}>
          {t('holidays.replacePending', { reason: c.replaceReason })}
        </p>
      )}
      {canReplace ? (
        c.replaceReason === null && (
          <>
            <label className="field">
              <span>{t('holidays.replaceReason')}</span>
              <input
                value={reason}
                onChange={(ev) => {
                  setReason(ev.target.value);
                }}
                data-testid={`holiday-replace-reason-${y}`}
              />
            </label>
            <button
              type="button"
              className="btn btn-primary"
              data-testid={`holiday-replace-${y}`}
              onClick={() => void decide({ keep: 'local', reason })}
            >
              {t('holidays.replace')}
            </button>
          </>
        )
      ) : (
        <p className="muted">{t('holidays.notAdminConflict')}</p>
      )}
      {error && (
        <span className="field-error" data-testid={`holiday-conflict-error-${y}`}>
          {error}
        </span>
      )}
    </div>
  );
}

function AddYearForm({
  port,
  text,
  onChanged,
}: {
  port: HolidayYearsPort;
  text: (m: LawMessage) => string;
  onChanged: (() => Promise<void>) | undefined;
}) {
  const { t } = useTranslation();
  const [year, setYear] = useState('');
  const [source, setSource] = useState('');
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    setSaved(null);
    const found: Errors = {};
    const add = (f: Field, m: string) => {
      (found[f] ??= []).push(m);
    };
    const y = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null;
    if (y === null) add('year', t('holidays.errors.yearRequired'));
    if (source.trim() === '') add('source', t('holidays.errors.sourceRequired'));
    const h = parseHolidayLines(holidays);
    if (!h.ok)
      h.error.forEach((p) => {
        add('holidays', text(p.message));
      });
    else if (Object.keys(h.value).length === 0) add('holidays', t('holidays.errors.holidaysRequired'));
    const w = parseWorkdayLines(workdays);
    if (!w.ok)
      w.error.forEach((p) => {
        add('workdays', text(p.message));
      });
    if (Object.keys(found).length > 0 || y === null || !h.ok || !w.ok) {
      setErrors(found);
      return;
    }
    setBusy(true);
    const r = await addHolidayYear(port, y, { source: source.trim(), holidays: h.value, workdays: w.value });
    setBusy(false);
    if (!r.ok) {
      r.error.forEach((m) => {
        add(routeMessage(m), text(m));
      });
      setErrors(found);
      return;
    }
    setErrors({});
    setYear('');
    setSource('');
    setHolidays('');
    setWorkdays('');
    setSaved(y);
    await onChanged?.();
  };

  const hasErrors = Object.keys(errors).length > 0;
  const fieldErrors = (f: Field) =>
    (errors[f] ?? []).map((m, i) => (
      <span key={i} className="field-error" data-testid={`holiday-error-${f}`}>
        {m}
      </span>
    ));

  return (
    <form className="holiday-form" onSubmit={(e) => void submit(e)} noValidate data-testid="holiday-form">
      <h3>{t('holidays.addTitle')}</h3>
      {hasErrors && (
        <p className="settings-error" role="alert" data-testid="holiday-error-summary">
          {t('holidays.errors.fixBelow')}
        </p>
      )}
      {fieldErrors('form')}
      <label className="field">
        <span>{t('holidays.year')}</span>
        <input
          inputMode="numeric"
          value={year}
          onChange={(ev) => {
            setYear(ev.target.value);
          }}
          aria-invalid={errors.year !== undefined}
          data-testid="holiday-year"
        />
        {fieldErrors('year')}
      </label>
      <label className="field">
        <span>{t('holidays.sourceLabel')}</span>
        <input
          value={source}
          onChange={(ev) => {
            setSource(ev.target.value);
          }}
          placeholder={t('holidays.sourceHint')}
          aria-invalid={errors.source !== undefined}
          data-testid="holiday-source"
        />
        {fieldErrors('source')}
      </label>
      <label className="field">
        <span>{t('holidays.holidays')}</span>
        <span className="muted">{t('holidays.holidaysHint')}</span>
        <textarea
          rows={6}
          value={holidays}
          onChange={(ev) => {
            setHolidays(ev.target.value);
          }}
          aria-invalid={errors.holidays !== undefined}
          data-testid="holiday-days"
        />
        {fieldErrors('holidays')}
      </label>
      <label className="field">
        <span>{t('holidays.workdays')}</span>
        <span className="muted">{t('holidays.workdaysHint')}</span>
        <textarea
          rows={3}
          value={workdays}
          onChange={(ev) => {
            setWorkdays(ev.target.value);
          }}
          aria-invalid={errors.workdays !== undefined}
          data-testid="holiday-workdays"
        />
        {fieldErrors('workdays')}
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="holiday-submit">
        {busy ? t('holidays.saving') : t('holidays.submit')}
      </button>
      {saved !== null && (
        <p className="settings-ok" role="status" data-testid="holiday-saved">
          {t('holidays.saved', { year: saved })}
        </p>
      )}
    </form>
  );
}
