/*
 * What the hub refused, each with the reason in words. Refused for good (set aside): kept on this laptop
 * and out of this device's chain, the later records re-linked and sent. Refused for a passing or
 * device-wide cause: it blocks this device's chain on the hub, and the page says how many records wait
 * behind it. Nothing here is deleted.
 */
import { useTranslation } from 'react-i18next';
import type { PendingEvent } from '../../data/outbox';
import { EmptyLine } from '../../ui/Panel';
import { rejectionText } from './sync-text';

export function RejectedList({
  pending,
  setAside = [],
}: {
  pending: readonly PendingEvent[];
  setAside?: readonly PendingEvent[];
}) {
  const { t } = useTranslation();
  const firstRejected = pending.findIndex((p) => p.lastError !== undefined);
  const rejected = pending.filter((p) => p.lastError !== undefined);
  if (rejected.length === 0 && setAside.length === 0) return <EmptyLine>{t('sync.rejectedEmpty')}</EmptyLine>;
  const behind = firstRejected < 0 ? 0 : pending.length - firstRejected - 1;
  const row = (p: PendingEvent, kind: 'blocking' | 'set-aside') => {
    const r = rejectionText(t, p.lastError ?? '');
    return (
      <li key={p.event.id} data-reason={r.reason} data-kind={kind}>
        <strong>{t('sync.rejectedRow', { type: p.event.type, caseId: p.event.caseId.slice(-8) })}</strong>
        <span>{r.text}</span>
        {r.detail ? <code>{r.detail}</code> : null}
      </li>
    );
  };
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
          <p className="sync-warning" role="status">
            {t('sync.setAside', { count: setAside.length })}
          </p>
          <ul className="sync-rejected">{setAside.map((p) => row(p, 'set-aside'))}</ul>
        </>
      ) : null}
    </div>
  );
}
