/*
 * A file an event names that is not on this laptop: 下载中 n% / 未下载 / 校验不符 (hash mismatch) /
 * not on the hub yet, with a 立即下载 button (44 px) unless a download is running.
 */
import { useTranslation } from 'react-i18next';
import type { BlobTransfer } from '../../sync/download';

export function useTransferText(): (transfer: BlobTransfer | undefined) => string {
  const { t } = useTranslation();
  return (transfer) => {
    if (transfer === undefined || transfer.state === 'done') return t('evidence.blob.missing');
    if (transfer.state === 'downloading')
      return t('evidence.blob.downloading', {
        percent: transfer.size > 0 ? Math.floor((transfer.received / transfer.size) * 100) : 0,
      });
    if (transfer.code === 'hash_mismatch') return t('evidence.blob.mismatch');
    if (transfer.code === 'not_on_hub') return t('evidence.blob.notOnHub');
    return t('evidence.blob.failed', { message: transfer.message });
  };
}

type Props = {
  transfer: BlobTransfer | undefined;
  onFetch: () => void;
  className?: string;
  testId?: string;
};

export function BlobState({ transfer, onFetch, className, testId = 'blob-state' }: Props) {
  const { t } = useTranslation();
  const text = useTransferText();
  const state =
    transfer?.state === 'downloading' ? 'downloading' : transfer?.state === 'failed' ? 'failed' : 'missing';
  return (
    <span className={className} data-testid={testId} data-state={state} role="status">
      <span>{text(transfer)}</span>
      {state !== 'downloading' && (
        <button type="button" className="btn no-print" onClick={onFetch}>
          {t('evidence.blob.download')}
        </button>
      )}
    </span>
  );
}
