/*
 * Records pulled from the hub that failed verification on this laptop (bad hash or signature, unknown
 * signer, a fork or broken link in the signer's chain): kept as received, never applied to a case, each
 * with what was wrong. Nothing here is deleted; a clerk takes the list to the hub's administrator.
 */
import { useTranslation } from 'react-i18next';
import type { QuarantinedEvent } from '../../data/outbox';
import { EmptyLine } from '../../ui/Panel';
import { quarantineText } from './sync-text';

export function QuarantineList({ entries }: { entries: readonly QuarantinedEvent[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <EmptyLine>{t('sync.quarantine.empty')}</EmptyLine>;
  return (
    <div data-testid="sync-quarantine">
      <p className="sync-warning" role="alert">
        {t('sync.quarantine.summary', { count: entries.length })}
      </p>
      <ul className="sync-rejected">
        {entries.map((q) => (
          <li key={`${q.id} ${q.why}`} data-reason={q.why}>
            <strong>
              {t('sync.quarantine.row', {
                type: q.type ?? '?',
                caseId: (q.caseId ?? '?').slice(-8),
                device: (q.deviceId ?? '?').slice(-8),
              })}
            </strong>
            <span>{quarantineText(t, q.why)}</span>
            {q.detail ? <code>{q.detail}</code> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
