/* Any unknown route inside the app (e.g. a stale link): say so and offer the way back. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/routes';
import { Page } from '../../ui/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} testId="page-not-found">
      <Link to={paths.caseload} className="btn">
        {t('notFound.back')}
      </Link>
    </Page>
  );
}
