/* 新建案件 — placeholder for the intake form (screens.md "intake") until it is built. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/routes';
import { Icon } from '../../ui/icons';
import { Page } from '../../ui/Page';
import { EmptyLine } from '../../ui/Panel';

export function IntakePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('intake.title')} testId="page-intake">
      <EmptyLine>{t('intake.placeholder')}</EmptyLine>
      <Link to={paths.caseload} className="btn">
        <Icon name="back" />
        <span>{t('intake.back')}</span>
      </Link>
    </Page>
  );
}
