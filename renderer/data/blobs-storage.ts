/*
 * The storage check before evidence is stored (reliability.md R10): Chromium can reset IndexedDB when the
 * disk fills, so an import that would leave less than a safety margin is refused up front with a plain
 * Chinese message, before a single byte is written.
 */
import { err, ok, type Result } from '#shared/util/result';

export type StorageEstimate = { quota?: number; usage?: number };

/** Room kept free after any import (the event log and the journal must always be writable). */
export const STORAGE_MARGIN = 200 * 1024 * 1024;

const browserEstimate = (): Promise<StorageEstimate> =>
  typeof navigator !== 'undefined' && 'storage' in navigator
    ? navigator.storage.estimate()
    : Promise.resolve({});

export function formatBytes(n: number): string {
  if (n < 1024) return `${String(n)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u] ?? 'TB'}`;
}

/** ok when `bytes` fit with the margin to spare; unknown quota (no API) is allowed. */
export async function checkStorage(
  bytes: number,
  estimate: () => Promise<StorageEstimate> = browserEstimate,
): Promise<Result<{ free: number | null }, { code: 'storage_low'; message: string }>> {
  let e: StorageEstimate;
  try {
    e = await estimate();
  } catch {
    return ok({ free: null });
  }
  if (e.quota === undefined || e.usage === undefined) return ok({ free: null });
  const free = Math.max(0, e.quota - e.usage);
  if (free - bytes < STORAGE_MARGIN)
    return err({
      code: 'storage_low',
      message: `本机存储空间不足：这份证据有 ${formatBytes(bytes)}，可用空间只剩 ${formatBytes(free)}（需另留 ${formatBytes(STORAGE_MARGIN)} 保证案件记录能继续保存）。请先同步并清理已上传的证据，或释放磁盘空间后再导入。`,
    });
  return ok({ free });
}
