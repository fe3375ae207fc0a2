/* The early warning on every screen when free space runs low (icon + words, never colour alone). */
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../data/blobs-storage';
import type { StorageManagerLike } from '../../data/storage-health';
import { Icon } from '../../ui/icons';
import { useStorageHealth } from './use-storage-health';

export function StorageWarning({ storage }: { storage?: StorageManagerLike }) {
  const { t } = useTranslation();
  const health = useStorageHealth(storage).data;
  if (!health || (health.level !== 'low' && health.level !== 'critical') || health.free === null) return null;
  const critical = health.level === 'critical';
  return (
    <p
      className={`notice storage-warning${critical ? ' notice--danger' : ''}`}
      role={critical ? 'alert' : 'status'}
      data-testid="storage-warning"
      data-level={health.level}
    >
      <Icon name="syncFailed" size={18} />
      <span>{t(critical ? 'storage.critical' : 'storage.low', { free: formatBytes(health.free) })}</span>
    </p>
  );
}
