/* 案件详情 — placeholder for the case file at /cases/:caseId until the case projection exists. */
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/routes';
import { Icon } from '../../ui/icons';
import { Page } from '../../ui/Page';
import { EmptyLine } from '../../ui/Panel';

export function CasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  return (
    <Page title={t('caseFile.title')} testId="page-case">
      <p className="muted" data-testid="case-id">
        {t('caseFile.caseId', { id: caseId })}
      </p>
      <EmptyLine>{t('caseFile.placeholder')}</EmptyLine>
      <Link to={paths.caseload} className="btn">
        <Icon name="back" />
        <span>{t('caseFile.back')}</span>
      </Link>
    </Page>
  );
}
