/* 案件 — the caseload: search, filters, the virtualised table, and 新建案件 always in reach. */
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuthor } from '../../app/data-provider';
import { paths } from '../../app/routes';
import { Icon } from '../../ui/icons';
import { Page } from '../../ui/Page';
import { CaseloadToolbar } from './CaseloadToolbar';
import { CaseTable } from './CaseTable';
import { GroupedCaseTable } from './GroupedCaseTable';
import { useEnrollment } from '../enroll/use-enrollment';
import { emptyFilters, useCaseload, useCaseloadQuery, type CaseloadFilters } from './use-caseload';
import './caseload.css';

export function CaseloadPage() {
  const { t } = useTranslation();
  const author = useAuthor();
  const myUserId = author.data?.userId ?? null;
  const [filters, setFilters] = useState<CaseloadFilters>(emptyFilters);
  // A supervisor sees every case of the organisation after sync and may group them by handler (#9).
  const enrollment = useEnrollment().data ?? null;
  const supervisor = enrollment?.roles.includes('supervisor') ?? false;
  const [grouped, setGrouped] = useState(false);
  const nameOf = (assigneeId: string): string =>
    assigneeId === ''
      ? t('caseload.groups.unassigned')
      : assigneeId === enrollment?.userId
        ? t('caseload.groups.me', { name: enrollment.userName })
        : t('caseload.groups.user', { id: assigneeId.slice(-8) });
  const query = useCaseloadQuery(filters, myUserId);
  // Page 0 shows at once; the table shares it (same query key) and reads further pages on scroll.
  const { total, rows, loading } = useCaseload(query);
  const filtered =
    filters.search.trim() !== '' ||
    filters.deadline !== 'all' ||
    filters.status !== '' ||
    filters.category !== '' ||
    filters.mine ||
    filters.unsynced;
  const newCase = (
    <Link to={paths.newCase} className="btn btn-primary" data-testid="new-case">
      <Icon name="plus" />
      <span>{t('caseload.newCase')}</span>
    </Link>
  );
  return (
    <Page title={t('caseload.title')} actions={newCase} testId="page-caseload">
      <CaseloadToolbar filters={filters} onChange={setFilters} count={total} canMine={myUserId !== null} />
      {supervisor ? (
        <div className="caseload-groupbar">
          <button
            type="button"
            className="chip"
            aria-pressed={grouped}
            data-testid="group-by-handler"
            onClick={() => {
              setGrouped(!grouped);
            }}
          >
            {t('caseload.groups.toggle')}
          </button>
        </div>
      ) : null}
      {supervisor && grouped ? (
        <GroupedCaseTable query={query} myUserId={myUserId} nameOf={nameOf} />
      ) : (
        <CaseTable query={query} rows={rows} loading={loading} filtered={filtered} myUserId={myUserId} />
      )}
    </Page>
  );
}
