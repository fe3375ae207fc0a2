/* 案件 — the caseload: search, filters, the table, and 新建案件 always in reach. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/routes';
import { Icon } from '../../ui/icons';
import { Page } from '../../ui/Page';
import { CaseloadToolbar } from './CaseloadToolbar';
import { CaseTable } from './CaseTable';
import './caseload.css';

export function CaseloadPage() {
  const { t } = useTranslation();
  const newCase = (
    <Link to={paths.newCase} className="btn btn-primary" data-testid="new-case">
      <Icon name="plus" />
      <span>{t('caseload.newCase')}</span>
    </Link>
  );
  return (
    <Page title={t('caseload.title')} actions={newCase} testId="page-caseload">
      <CaseloadToolbar />
      <CaseTable />
    </Page>
  );
}
