/*
 * The case file's header: number, parties, status (with the moves the state machine allows), the next
 * deadline with its article and countdown, save/sync state, and the primary action for the stage.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextStatuses, type CaseState, type CaseStatus } from '#shared/case/index';
import type { CaseDeadline } from '#shared/case/index';
import { DeadlineText } from '../caseload/CaseRowCells';
import { deadlineCell } from '../caseload/rows';
import { useVocab } from '../../ui/vocab';
import type { CaseTab } from './tabs';
import { useRecord } from './use-case-file';

type Props = {
  state: CaseState;
  caseId: string;
  next: CaseDeadline | null;
  today: string;
  onTab: (tab: CaseTab) => void;
};

type PrimaryKey = 'mediation' | 'hearing' | 'agreement' | 'performance' | 'claims';

const MEDIATION_STAGE = new Set<string>([
  'registered',
  'consent_pending',
  'accepted',
  'assigned',
  'investigating',
  'in_session',
]);
const HEARING_STAGE = new Set<string>([
  'respondent_served',
  'answer_period',
  'tribunal_formed',
  'evidence_period',
  'hearing_scheduled',
  'postponed',
]);
const PERFORMANCE_STAGE = new Set<string>([
  'agreement_signed',
  'performing',
  'defaulted',
  'jc_confirmed',
  'ar_doc_issued',
]);

/** The stage's primary action (screens.md: 开始调解, 安排开庭, 起草协议, 记录履行) and the tab it opens. */
export function primaryAction(status: CaseStatus | null): { tab: CaseTab; key: PrimaryKey } {
  const s = status ?? '';
  if (s === 'in_session') return { tab: 'agreement', key: 'agreement' };
  if (MEDIATION_STAGE.has(s)) return { tab: 'mediation', key: 'mediation' };
  if (HEARING_STAGE.has(s)) return { tab: 'hearing', key: 'hearing' };
  if (PERFORMANCE_STAGE.has(s)) return { tab: 'agreement', key: 'performance' };
  return { tab: 'claims', key: 'claims' };
}

export function CaseHeader({ state, caseId, next, today, onTab }: Props) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const names = (role: string) =>
    state.parties
      .filter((p) => p.current.role === role)
      .map((p) => p.current.name)
      .slice(0, 3)
      .join('、');
  const applicants = state.parties.filter((p) => p.current.role === 'applicant');
  const applicantText =
    applicants.length > 3
      ? t('caseload.applicantsMore', { first: applicants[0]?.current.name ?? '', count: applicants.length })
      : names('applicant');
  const number = state.numbers.official?.number ?? state.numbers.temporary ?? '';
  const sync = state.inConflict
    ? t('caseFile.header.conflict')
    : state.numbers.official
      ? t('caseFile.header.synced')
      : t('caseFile.header.unsynced');
  const action = primaryAction(state.status);
  return (
    <header className="case-header" data-testid="case-header">
      <div className="case-header__main">
        <p className="case-number" data-testid="case-number">
          {number}
          {state.numbers.official ? null : <span className="badge">{t('caseFile.header.temporary')}</span>}
        </p>
        <p className="case-parties">
          {t('caseFile.header.parties', { applicants: applicantText, respondents: names('respondent') })}
        </p>
        <p className="case-meta">
          <span className="status-tag" data-testid="case-status">
            {state.status ? vocab('status', state.status) : ''}
          </span>
          <span className={state.inConflict ? 'tone--danger' : 'muted'}>{sync}</span>
        </p>
      </div>
      <div className="case-header__deadline" data-testid="case-next-deadline">
        <span className="muted">{t('caseFile.header.nextDeadline')}</span>
        {next ? (
          <>
            <DeadlineText cell={deadlineCell(next, today)} />
            <small className="muted">
              {next.due ?? ''} · {next.basis}
            </small>
          </>
        ) : (
          <span className="muted">{t('caseFile.header.noDeadline')}</span>
        )}
      </div>
      <div className="case-header__actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            onTab(action.tab);
          }}
          data-testid="primary-action"
        >
          {t(`caseFile.primary.${action.key}`)}
        </button>
        <StatusMenu state={state} caseId={caseId} />
      </div>
    </header>
  );
}

function StatusMenu({ state, caseId }: { state: CaseState; caseId: string }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const { record, pending } = useRecord();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const moves = state.kind && state.status ? nextStatuses(state.kind, state.status) : [];
  const apply = async () => {
    const target = moves.find((m) => m === to);
    if (!target) return;
    const err = await record([
      {
        caseId,
        type: 'stage.advanced',
        payload: { to: target, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      },
    ]);
    setError(err);
    if (!err) {
      setOpen(false);
      setTo('');
      setReason('');
    }
  };
  return (
    <div className="status-menu">
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        onClick={() => {
          setOpen((o) => !o);
        }}
        data-testid="status-menu"
      >
        {t('caseFile.header.statusMenu')}
      </button>
      {open ? (
        <div className="status-menu__panel" role="dialog" aria-label={t('caseFile.header.statusMenu')}>
          {moves.length === 0 ? (
            <p className="muted">{t('caseFile.header.noMoves')}</p>
          ) : (
            <>
              <div className="checks" role="radiogroup">
                {moves.map((m) => (
                  <label key={m} className="check">
                    <input
                      type="radio"
                      name="status-to"
                      value={m}
                      checked={to === m}
                      onChange={() => {
                        setTo(m);
                      }}
                    />
                    {vocab('status', m)}
                  </label>
                ))}
              </div>
              <label className="field">
                <span>{t('caseFile.header.statusReason')}</span>
                <input
                  className="input"
                  value={reason}
                  onChange={(e) => {
                    setReason(e.target.value);
                  }}
                />
              </label>
              {error ? (
                <p className="field-error" role="alert">
                  {t('caseFile.saveFailed', { message: error })}
                </p>
              ) : null}
              <button
                type="button"
                className="btn btn-primary"
                disabled={to === '' || pending}
                onClick={() => void apply()}
              >
                {t('caseFile.header.statusApply')}
              </button>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
