/* The cells of one caseload row; the case number is the link (keyboard), the whole row opens it too. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { assertNever } from '#shared/util/assert-never';
import { paths } from '../../app/routes';
import { useVocab } from '../../ui/vocab';
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

function syncText(s: SyncCell, t: TFunction): string {
  switch (s) {
    case 'conflict':
      return t('caseload.conflict');
    case 'pending':
      return t('caseload.pending');
    case 'synced':
      return t('caseload.synced');
    default:
      return assertNever(s);
  }
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
        {syncText(row.sync, t)}
      </div>
    </>
  );
}
