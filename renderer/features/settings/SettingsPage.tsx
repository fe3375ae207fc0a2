/* 设置 — language, the hub this device syncs with, and what is running. */
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page';
import { Panel } from '../../ui/Panel';
import { AppInfo } from './AppInfo';
import { HolidayCalendarPanel } from './HolidayCalendarPanel';
import { LanguageSwitch } from './LanguageSwitch';
import { StoragePanel } from '../storage/StoragePanel';
import { SecurityPanel } from './SecurityPanel';
import { useAppInfo } from './use-app-info';
import './settings.css';

export function SettingsPage() {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <Page title={t('settings.title')} testId="page-settings">
      <div className="settings-stack">
        <Panel title={t('settings.language')}>
          <LanguageSwitch />
        </Panel>
        <Panel title={t('settings.hub')}>
          <p data-testid="hub-address">{info?.hubOrigin || t('settings.hubNotSet')}</p>
        </Panel>
        <SecurityPanel />
        <HolidayCalendarPanel />
        <StoragePanel />
        <Panel title={t('settings.about')}>
          <AppInfo info={info} />
        </Panel>
      </div>
    </Page>
  );
}
