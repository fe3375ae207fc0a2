/*
 * What the hub refused, oldest first, each with the reason in words. The first refusal blocks this
 * device's chain on the hub; the page says how many records wait behind it. Nothing here is deleted.
 */
import { useTranslation } from 'react-i18next';
import type { PendingEvent } from '../../data/outbox';
import { EmptyLine } from '../../ui/Panel';
import { rejectionText } from './sync-text';

export function RejectedList({ pending }: { pending: readonly PendingEvent[] }) {
  const { t } = useTranslation();
  const firstRejected = pending.findIndex((p) => p.lastError !== undefined);
  const rejected = pending.filter((p) => p.lastError !== undefined);
  if (rejected.length === 0) return <EmptyLine>{t('sync.rejectedEmpty')}</EmptyLine>;
  const behind = firstRejected < 0 ? 0 : pending.length - firstRejected - 1;
  return (
    <div data-testid="sync-rejected">
      {rejected.length > 0 ? (
        <p className="sync-warning" role="alert">
          {t('sync.blocked', { count: behind })}
        </p>
      ) : null}
      <ul className="sync-rejected">
        {rejected.map((p) => {
          const r = rejectionText(t, p.lastError ?? '');
          return (
            <li key={p.event.id} data-reason={r.reason}>
              <strong>
                {t('sync.rejectedRow', { type: p.event.type, caseId: p.event.caseId.slice(-8) })}
              </strong>
              <span>{r.text}</span>
              {r.detail ? <code>{r.detail}</code> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
