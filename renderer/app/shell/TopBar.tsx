/*
 * The top bar: who is working (the enrolled organisation and user; before enrollment a link to the
 * enroll page), automatic sync with its progress, the network and save states, the lock button.
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEnrollment } from '../../features/enroll/use-enrollment';
import { SyncAgent } from '../../features/sync/SyncAgent';
import { paths } from '../routes';
import { Icon } from '../../ui/icons';
import { NetworkIndicator } from '../../ui/NetworkIndicator';
import { SaveStateIndicator } from '../../ui/SaveStateIndicator';
import { lockScreen } from '../../stores/lock';

/** The enroll link is a control like any other: at least a touch target tall. */
const touchLink = { display: 'inline-flex', alignItems: 'center', minHeight: 'var(--touch)' } as const;

export function TopBar() {
  const { t } = useTranslation();
  const enrollment = useEnrollment().data;
  return (
    <header className="topbar">
      <dl className="topbar-identity">
        <div>
          <dt>{t('topbar.organisationLabel')}</dt>
          <dd data-testid="organisation">{enrollment?.orgName ?? t('topbar.organisationPlaceholder')}</dd>
        </div>
        <div>
          <dt>{t('topbar.userLabel')}</dt>
          <dd data-testid="user">
            {enrollment ? (
              enrollment.userName
            ) : (
              <Link to={paths.enroll} style={touchLink}>
                {t('topbar.userPlaceholder')}
              </Link>
            )}
          </dd>
        </div>
      </dl>
      <div className="topbar-status">
        <SyncAgent />
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
