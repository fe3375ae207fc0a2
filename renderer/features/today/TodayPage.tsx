/* 今日 — today's sessions and the deadlines due soon. Empty until cases and hearings exist. */
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page';
import { EmptyLine, Panel } from '../../ui/Panel';

export function TodayPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('today.title')} testId="page-today">
      <div className="panel-grid">
        <Panel title={t('today.sessions')}>
          <EmptyLine>{t('today.sessionsEmpty')}</EmptyLine>
        </Panel>
        <Panel title={t('today.deadlines')}>
          <EmptyLine>{t('today.deadlinesEmpty')}</EmptyLine>
        </Panel>
      </div>
    </Page>
  );
}
