/* The sync page's per-case list: each case with its state in words (case-sync.ts decides which). */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/routes';
import { EmptyLine } from '../../ui/Panel';
import type { CaseSyncLine } from './case-sync';
import { formatTime } from './sync-text';

export function CaseSyncList({
  lines,
  progress,
  lastSyncAt,
}: {
  lines: readonly CaseSyncLine[];
  progress: { done: number; total: number };
  lastSyncAt: number | null;
}) {
  const { t, i18n } = useTranslation();
  if (lines.length === 0) return <EmptyLine>{t('sync.perCase.empty')}</EmptyLine>;
  const text = (l: CaseSyncLine): string => {
    switch (l.kind) {
      case 'conflict':
        return t('sync.perCase.conflict');
      case 'rejected':
        return t('sync.perCase.rejected', { count: l.refused });
      case 'syncing':
        return t('sync.perCase.syncing', progress);
      case 'saved-local':
        return t('sync.perCase.savedLocal', { count: l.waiting });
      case 'synced':
        return lastSyncAt === null
          ? t('sync.perCase.syncedNever')
          : t('sync.perCase.synced', { time: formatTime(lastSyncAt, i18n.language) });
    }
  };
  return (
    <ul className="sync-cases" data-testid="sync-cases">
      {lines.map((l) => (
        <li key={l.caseId} data-state={l.kind} data-testid={`sync-case-${l.caseId}`}>
          <Link to={paths.caseFile(l.caseId)}>{l.label}</Link>
          <span>{text(l)}</span>
        </li>
      ))}
    </ul>
  );
}
