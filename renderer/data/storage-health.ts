/*
 * Storage health (issue #4 part 5): ask the browser to keep this origin's data (persistent storage, so
 * Chromium never evicts the case records under disk pressure), and say how much is used and free, with
 * a level the screens turn into a warning well before a write would fail. A failed write itself is
 * reported by the writer (never shown as saved); this is the early warning.
 */
import { STORAGE_MARGIN } from './blobs-storage';

/** The part of navigator.storage used here (tests pass a fake). */
export type StorageManagerLike = {
  estimate(): Promise<{ quota?: number; usage?: number }>;
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
};

export type StorageLevel = 'ok' | 'low' | 'critical' | 'unknown';

export type StorageHealth = {
  /** Whether the browser promised not to evict this origin's data (null: cannot tell). */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
  free: number | null;
  level: StorageLevel;
};

/** Below this free space the app warns: a day of photos and scans on site is a few hundred MB. */
export const STORAGE_LOW = 1024 * 1024 * 1024;

export const browserStorage = (): StorageManagerLike | undefined =>
  typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : undefined;

/** critical: less than the margin kept for the event log (evidence imports are refused); low: < 1 GB or < 10 %. */
export function storageLevel(free: number | null, quota: number | null): StorageLevel {
  if (free === null || quota === null) return 'unknown';
  if (free < STORAGE_MARGIN) return 'critical';
  if (free < STORAGE_LOW || free < quota / 10) return 'low';
  return 'ok';
}

/** Asks once at start for persistent storage; true when granted (or already), null without the API. */
export async function requestPersistentStorage(
  sm: StorageManagerLike | undefined = browserStorage(),
): Promise<boolean | null> {
  if (!sm?.persist) return null;
  try {
    if (sm.persisted && (await sm.persisted())) return true;
    return await sm.persist();
  } catch {
    return null;
  }
}

export async function readStorageHealth(
  sm: StorageManagerLike | undefined = browserStorage(),
): Promise<StorageHealth> {
  if (!sm) return { persisted: null, usage: null, quota: null, free: null, level: 'unknown' };
  let persisted: boolean | null;
  let usage: number | null = null;
  let quota: number | null = null;
  try {
    const e = await sm.estimate();
    usage = e.usage ?? null;
    quota = e.quota ?? null;
  } catch {
    // No estimate: the level stays unknown, the app still works.
  }
  try {
    persisted = sm.persisted ? await sm.persisted() : null;
  } catch {
    persisted = null;
  }
  const free = usage !== null && quota !== null ? Math.max(0, quota - usage) : null;
  return { persisted, usage, quota, free, level: storageLevel(free, quota) };
}
