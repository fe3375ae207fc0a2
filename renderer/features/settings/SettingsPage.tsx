/* 设置 — language, the hub this device syncs with, and what is running. */
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page';
import { Panel } from '../../ui/Panel';
import { AppInfo } from './AppInfo';
import { LanguageSwitch } from './LanguageSwitch';
import './settings.css';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('settings.title')} testId="page-settings">
      <div className="settings-stack">
        <Panel title={t('settings.language')}>
          <LanguageSwitch />
        </Panel>
        <Panel title={t('settings.hub')}>
          <p data-testid="hub-address">{t('settings.hubNotSet')}</p>
        </Panel>
        <Panel title={t('settings.about')}>
          <AppInfo />
        </Panel>
      </div>
    </Page>
  );
}
