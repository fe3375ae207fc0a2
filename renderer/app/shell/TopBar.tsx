/*
 * The top bar: who is working (placeholders until enrollment exists), the network and save states, and
 * the lock button.
 */
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { NetworkIndicator } from '../../ui/NetworkIndicator';
import { SaveStateIndicator } from '../../ui/SaveStateIndicator';
import { lockScreen } from '../../stores/lock';

export function TopBar() {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <dl className="topbar-identity">
        <div>
          <dt>{t('topbar.organisationLabel')}</dt>
          <dd data-testid="organisation">{t('topbar.organisationPlaceholder')}</dd>
        </div>
        <div>
          <dt>{t('topbar.userLabel')}</dt>
          <dd data-testid="user">{t('topbar.userPlaceholder')}</dd>
        </div>
      </dl>
      <div className="topbar-status">
        <NetworkIndicator />
        <SaveStateIndicator />
        <button
          type="button"
          className="btn"
          onClick={lockScreen}
          title={t('topbar.lockHint')}
          data-testid="lock"
        >
          <Icon name="lock" />
          <span>{t('topbar.lock')}</span>
        </button>
      </div>
    </header>
  );
}
