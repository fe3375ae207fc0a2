/* 关于: the version and the runtime, as the platform reports them. */
import { useTranslation } from 'react-i18next';
import type { AppInfo as AppInfoData } from '#shared/ipc/contract';

export function AppInfo({ info }: { info: AppInfoData | null }) {
  const { t } = useTranslation();
  const unknown = t('settings.unknown');
  return (
    <dl className="facts">
      <div>
        <dt>{t('settings.version')}</dt>
        <dd data-testid="app-version">{info?.version ?? unknown}</dd>
      </div>
      <div>
        <dt>{t('settings.runtime')}</dt>
        <dd data-testid="app-runtime">
          {info ? `${info.isElectron ? 'Electron' : t('settings.browser')} · ${info.platform}` : unknown}
        </dd>
      </div>
    </dl>
  );
}
