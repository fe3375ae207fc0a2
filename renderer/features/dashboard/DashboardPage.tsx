/* 统计 — the supervisors' dashboard. Placeholder until caseload reports come from the hub. */
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page';
import { EmptyLine } from '../../ui/Panel';

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('dashboard.title')} testId="page-dashboard">
      <EmptyLine>{t('dashboard.placeholder')}</EmptyLine>
    </Page>
  );
}
