/* 关于: the version and runtime. Until the platform bridge lands, the version is the one built in. */
import { useTranslation } from 'react-i18next';

export function AppInfo() {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div>
        <dt>{t('settings.version')}</dt>
        <dd data-testid="app-version">{t('settings.unknown')}</dd>
      </div>
    </dl>
  );
}
