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
import { emptyFilters, useCaseload, useCaseloadQuery, type CaseloadFilters } from './use-caseload';
import './caseload.css';

export function CaseloadPage() {
  const { t } = useTranslation();
  const author = useAuthor();
  const myUserId = author.data?.userId ?? null;
  const [filters, setFilters] = useState<CaseloadFilters>(emptyFilters);
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
      <CaseTable query={query} rows={rows} loading={loading} filtered={filtered} myUserId={myUserId} />
    </Page>
  );
}
