/* 在线 / 离线 in the top bar. */
import { useTranslation } from 'react-i18next';
import { useNetworkStatus } from '../hooks/use-network-status';
import { StatusPill } from './StatusPill';

export function NetworkIndicator() {
  const { t } = useTranslation();
  const status = useNetworkStatus();
  const online = status === 'online';
  return (
    <StatusPill
      testId="network-status"
      label={t('network.label')}
      icon={online ? 'online' : 'offline'}
      text={online ? t('network.online') : t('network.offline')}
      tone={online ? 'ok' : 'neutral'}
    />
  );
}
