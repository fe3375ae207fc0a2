/* 设置 › 本机存储: space used and free, and whether the browser promised to keep the data. */
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../data/blobs-storage';
import type { StorageManagerLike } from '../../data/storage-health';
import { Panel } from '../../ui/Panel';
import { useStorageHealth } from './use-storage-health';

export function StoragePanel({ storage }: { storage?: StorageManagerLike }) {
  const { t } = useTranslation();
  const h = useStorageHealth(storage).data;
  const bytes = (n: number | null | undefined) =>
    n === null || n === undefined ? t('storage.unknown') : formatBytes(n);
  const persisted =
    h?.persisted === true
      ? t('storage.persistedYes')
      : h?.persisted === false
        ? t('storage.persistedNo')
        : t('storage.unknown');
  return (
    <Panel title={t('storage.title')}>
      <dl className="facts" data-testid="storage-facts">
        <div>
          <dt>{t('storage.used')}</dt>
          <dd data-testid="storage-used">{bytes(h?.usage)}</dd>
        </div>
        <div>
          <dt>{t('storage.free')}</dt>
          <dd data-testid="storage-free">{bytes(h?.free)}</dd>
        </div>
        <div>
          <dt>{t('storage.persisted')}</dt>
          <dd data-testid="storage-persisted">{persisted}</dd>
        </div>
      </dl>
    </Panel>
  );
}
