/* The progress of a running sync: a bar for uploads (records, then file bytes) and a line of words. */
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../sync/engine';
import { formatBytes } from './sync-text';

export function SyncProgressBar({ state }: { state: SyncState }) {
  const { t } = useTranslation();
  if (!state.running) return null;
  const p = state.progress;
  const [value, max, text] =
    p.phase === 'pushing'
      ? [p.pushed, Math.max(p.toPush, 1), t('sync.progress.pushing', { done: p.pushed, total: p.toPush })]
      : p.phase === 'uploading'
        ? [
            p.bytesSent,
            Math.max(p.bytesTotal, 1),
            t('sync.progress.uploading', {
              sent: formatBytes(p.bytesSent),
              total: formatBytes(p.bytesTotal),
            }),
          ]
        : p.phase === 'downloading'
          ? [
              p.bytesReceived ?? 0,
              Math.max(p.bytesToReceive ?? 0, 1),
              t('sync.progress.downloading', {
                received: formatBytes(p.bytesReceived ?? 0),
                total: formatBytes(p.bytesToReceive ?? 0),
              }),
            ]
          : p.phase === 'pulling'
            ? [undefined, 1, t('sync.progress.pulling', { count: p.pulled })]
            : p.phase === 'retrying'
              ? [undefined, 1, t('sync.progress.retrying')]
              : [undefined, 1, ''];
  return (
    <div className="sync-progress" data-testid="sync-progress">
      <progress aria-label={t('sync.progress.label')} value={value} max={max} />
      <span role="status">{text}</span>
    </div>
  );
}
