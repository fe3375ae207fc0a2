/* 登记本设备 — enrolling this laptop with the hub (the sync feature fills this page in). */
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page';

export function EnrollPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('enroll.title')} testId="page-enroll">
      {null}
    </Page>
  );
}
