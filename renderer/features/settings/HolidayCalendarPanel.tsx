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
import {
  addHolidayYear,
  holidayYearsPortInUse,
  mergedHolidayCalendar,
  removeHolidayYear,
  subscribeHolidayCalendar,
} from '../../app/holiday-calendar';
import { reprojectUndatedCases, type HolidayYearsPort } from '../../data/holiday-years';
import { Panel } from '../../ui/Panel';
import { useEnrollment } from '../enroll/use-enrollment';

/** Who may add: an admin, a device not yet enrolled (local only), or nobody (an enrolled non-admin). */
export type HolidayAccess = 'admin' | 'not_enrolled' | 'not_admin';

type Field = 'year' | 'source' | 'holidays' | 'workdays' | 'form';
type Errors = Partial<Record<Field, string[]>>;

/** The panel as mounted in Settings: access from the enrollment, saving through the app's port. */
export function HolidayCalendarPanel() {
  const store = useStore();
  const enrollment = useEnrollment();
  const client = useQueryClient();
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
  return (
    <>
      <ul className="holiday-years" data-testid="holiday-years">
        {years.map(([year, y]) => {
          const origin = merged.origins.get(year) ?? 'bundled';
          return (
            <li key={year} data-testid={`holiday-year-${String(year)}`} data-origin={origin}>
              <strong>{year}</strong>{' '}
              <span className="holiday-origin">
                {origin === 'admin' ? t('holidays.admin') : t('holidays.bundled')}
              </span>
              <div className="muted">{t('holidays.sourceLine', { source: y.data.source })}</div>
              <div className="muted">
                {t('holidays.holidayCount', { days: y.holidays.size, workdays: y.workdays.size })}
              </div>
              {origin === 'admin' && port !== null && (
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
