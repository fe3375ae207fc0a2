/*
 * What the hub refused, each with the reason in words. Refused for good (set aside): kept on this laptop
 * and out of this device's chain, the later records re-linked and sent. Each set-aside record waits for a
 * person's decision: send it again once its cause is corrected (only for causes outside the record — a
 * permission granted on the hub, a newer schema), or discard it with a written reason, recorded with the
 * user's name and the time. Refused for a passing or device-wide cause: it blocks this device's chain on
 * the hub, and the page says how many records wait behind it. Nothing here is deleted.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingEvent, SetAsideDecision } from '../../data/outbox';
import { EmptyLine } from '../../ui/Panel';
import { formatTime, rejectionText } from './sync-text';

/** Causes a correction outside the record can remove; the others need a new, corrected record. */
export const RESENDABLE_REASONS: readonly string[] = ['forbidden', 'schema_invalid'];

export type SetAsideActions = {
  resend: (id: string, note: string) => Promise<string | null>;
  discard: (id: string, note: string) => Promise<string | null>;
};

export function RejectedList({
  pending,
  setAside = [],
  actions,
}: {
  pending: readonly PendingEvent[];
  setAside?: readonly PendingEvent[];
  /** Absent: the list only shows (no enrolled user to record a decision). */
  actions?: SetAsideActions | undefined;
}) {
  const { t } = useTranslation();
  const firstRejected = pending.findIndex((p) => p.lastError !== undefined);
  const rejected = pending.filter((p) => p.lastError !== undefined);
  if (rejected.length === 0 && setAside.length === 0) return <EmptyLine>{t('sync.rejectedEmpty')}</EmptyLine>;
  const behind = firstRejected < 0 ? 0 : pending.length - firstRejected - 1;
  const row = (p: PendingEvent, kind: 'blocking' | 'set-aside') => {
    const r = rejectionText(t, p.lastError ?? '');
    return (
      <li key={p.event.id} data-reason={r.reason} data-kind={kind} data-testid={`rejected-${p.event.id}`}>
        <strong>{t('sync.rejectedRow', { type: p.event.type, caseId: p.event.caseId.slice(-8) })}</strong>
        <span>{r.text}</span>
        {r.detail ? <code>{r.detail}</code> : null}
        {p.decision ? <DecisionLine decision={p.decision} /> : null}
        {kind === 'set-aside' && actions && p.decision?.kind !== 'discarded' ? (
          <DecideForm id={p.event.id} reason={r.reason} actions={actions} />
        ) : null}
      </li>
    );
  };
  const open = setAside.filter((p) => p.decision?.kind !== 'discarded');
  return (
    <div data-testid="sync-rejected">
      {rejected.length > 0 ? (
        <>
          <p className="sync-warning" role="alert">
            {t('sync.blocked', { count: behind })}
          </p>
          <ul className="sync-rejected">{rejected.map((p) => row(p, 'blocking'))}</ul>
        </>
      ) : null}
      {setAside.length > 0 ? (
        <>
          {open.length > 0 ? (
            <p className="sync-warning" role="status">
              {t('sync.setAside', { count: open.length })}
            </p>
          ) : null}
          <ul className="sync-rejected">{setAside.map((p) => row(p, 'set-aside'))}</ul>
        </>
      ) : null}
    </div>
  );
}

function DecisionLine({ decision }: { decision: SetAsideDecision }) {
  const { t, i18n } = useTranslation();
  const vars = { time: formatTime(decision.at, i18n.language), by: decision.by, note: decision.note };
  return (
    <span className="sync-decision" data-testid="sync-decision" data-decision={decision.kind}>
      {decision.kind === 'resent' ? t('sync.decide.resent', vars) : t('sync.decide.discarded', vars)}
    </span>
  );
}

function DecideForm({ id, reason, actions }: { id: string; reason: string; actions: SetAsideActions }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canResend = RESENDABLE_REASONS.includes(reason);
  const noteId = `decide-note-${id}`;
  const act = async (kind: 'resend' | 'discard'): Promise<void> => {
    const text = note.trim();
    if (kind === 'discard' && text === '') {
      setError(t('sync.decide.noteRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    const failed = await actions[kind](id, text);
    setBusy(false);
    if (failed !== null) setError(t('sync.decide.failed', { message: failed }));
  };
  return (
    <div className="sync-decide">
      <p className="muted">{canResend ? t('sync.decide.resendHint') : t('sync.decide.cannotResend')}</p>
      <label className="field field--wide" htmlFor={noteId}>
        {t('sync.decide.note')}
        <textarea
          id={noteId}
          rows={2}
          value={note}
          data-testid="decide-note"
          {...(error ? { 'aria-invalid': true, 'aria-describedby': `${noteId}-error` } : {})}
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
      </label>
      {error ? (
        <p className="field-error" id={`${noteId}-error`} role="alert" data-testid="decide-error">
          {error}
        </p>
      ) : null}
      <div className="sync-decide-actions">
        {canResend ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            data-testid="decide-resend"
            onClick={() => void act('resend')}
          >
            {t('sync.decide.resend')}
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn-danger"
          disabled={busy}
          data-testid="decide-discard"
          onClick={() => void act('discard')}
        >
          {t('sync.decide.discard')}
        </button>
      </div>
    </div>
  );
}
