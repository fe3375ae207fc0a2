/* 同步 — what waits to go, what the hub rejected, conflicts, and the last sync. Empty until sync exists. */
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page';
import { EmptyLine, Panel } from '../../ui/Panel';

export function SyncPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('sync.title')} testId="page-sync">
      <dl className="facts">
        <div>
          <dt>{t('sync.lastSync')}</dt>
          <dd data-testid="last-sync">{t('sync.never')}</dd>
        </div>
      </dl>
      <div className="panel-grid">
        <Panel title={t('sync.waiting')}>
          <EmptyLine>{t('sync.waitingEmpty')}</EmptyLine>
        </Panel>
        <Panel title={t('sync.rejected')}>
          <EmptyLine>{t('sync.rejectedEmpty')}</EmptyLine>
        </Panel>
        <Panel title={t('sync.conflicts')}>
          <EmptyLine>{t('sync.conflictsEmpty')}</EmptyLine>
        </Panel>
      </div>
    </Page>
  );
}
