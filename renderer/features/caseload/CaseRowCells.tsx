/* The cells of one caseload row; the case number is the link (keyboard), the whole row opens it too. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { assertNever } from '#shared/util/assert-never';
import { paths } from '../../app/routes';
import { Icon } from '../../ui/icons';
import { describeSaveState } from '../../ui/SaveStateIndicator';
import { useVocab } from '../../ui/vocab';
import type { SaveState } from '../../stores/save-state';
import type { UnreadableReason } from '../../data/projections';
import type { CaseRowView, DeadlineCell, SyncCell } from './rows';

export function DeadlineText({ cell }: { cell: DeadlineCell }) {
  const { t } = useTranslation();
  switch (cell.kind) {
    case 'none':
      return <span className="muted">{t('caseload.noDeadline')}</span>;
    case 'unknown':
      return <span className="tone tone--warn">{cell.name}</span>;
    case 'days': {
      const text =
        cell.days < 0
          ? t('caseload.overdueBy', { count: -cell.days })
          : cell.days === 0
            ? t('caseload.dueToday')
            : t('caseload.daysLeft', { count: cell.days });
      return (
        <span className={`tone tone--${cell.tone}`} title={`${cell.name} ${cell.due}`}>
          <strong>{text}</strong>
          <small>{cell.name}</small>
        </span>
      );
    }
    default:
      return assertNever(cell);
  }
}

/** The sync cell as the top bar says it: the same icon and words, never colour alone. */
function syncLook(s: SyncCell): SaveState {
  switch (s) {
    case 'conflict':
      return 'conflict';
    case 'refused':
      return 'sync-failed';
    case 'pending':
      return 'saved-local';
    case 'synced':
      return 'synced';
    default:
      return assertNever(s);
  }
}

function SyncText({ sync }: { sync: SyncCell }) {
  const { t } = useTranslation();
  const look = describeSaveState(syncLook(sync), t);
  return (
    <span className="sync-cell" data-testid="case-sync" data-sync={sync}>
      <Icon name={look.icon} size={16} />
      <span>{look.text}</span>
    </span>
  );
}

export function CaseRowCells({ row }: { row: CaseRowView }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const applicants =
    row.applicants.count > 1
      ? t('caseload.applicantsMore', { first: row.applicants.first, count: row.applicants.count })
      : row.applicants.first;
  const assignee =
    row.assignee.kind === 'none'
      ? t('caseload.unassigned')
      : row.assignee.kind === 'me'
        ? t('caseload.me')
        : row.assignee.id.slice(-6);
  return (
    <>
      <div role="cell">
        <Link to={paths.caseFile(row.caseId)} className="case-link" data-testid="case-link">
          {row.number}
        </Link>
      </div>
      <div role="cell" title={applicants}>
        {applicants}
      </div>
      <div role="cell" title={row.respondent}>
        {row.respondent}
      </div>
      <div role="cell" title={row.cause}>
        {row.cause}
      </div>
      <div role="cell">{row.status ? vocab('status', row.status) : ''}</div>
      <div role="cell">
        <DeadlineText cell={row.deadline} />
      </div>
      <div role="cell">{assignee}</div>
      <div role="cell" className={`sync sync--${row.sync}`}>
        <SyncText sync={row.sync} />
      </div>
    </>
  );
}

/**
 * A row whose stored summary did not open (#8: tampered, another key, damaged): named with its case id,
 * nothing of it shown; the link opens the case file, which says what to do. The other rows are unaffected.
 */
export function SealedCaseRowCells({ caseId, reason }: { caseId: string; reason: UnreadableReason }) {
  const { t } = useTranslation();
  return (
    <div role="cell" className="case-row-sealed" data-testid="case-row-sealed" data-code={reason}>
      <Link to={paths.caseFile(caseId)} className="case-link">
        <strong className="tone tone--danger">{t('security.sealed.row.label')}</strong>
      </Link>
      <span>{t('security.sealed.row.case', { id: caseId })}</span>
      <span>{t(`security.sealed.row.${reason}`)}</span>
      <small className="muted">{t('security.sealed.row.hint')}</small>
    </div>
  );
}
