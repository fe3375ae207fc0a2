/* Storage health: persistent storage asked for once, and levels that warn well before a write fails. */
import { describe, expect, it } from 'vitest';
import { STORAGE_MARGIN } from '../../../../renderer/data/blobs-storage';
import {
  readStorageHealth,
  requestPersistentStorage,
  STORAGE_LOW,
  storageLevel,
  type StorageManagerLike,
} from '../../../../renderer/data/storage-health';

const GB = 1024 ** 3;

function fake(o: { quota?: number; usage?: number; persisted?: boolean; grant?: boolean }) {
  const calls: string[] = [];
  const sm: StorageManagerLike = {
    estimate: () =>
      Promise.resolve({
        ...(o.quota !== undefined ? { quota: o.quota } : {}),
        ...(o.usage !== undefined ? { usage: o.usage } : {}),
      }),
    persisted: () => {
      calls.push('persisted');
      return Promise.resolve(o.persisted ?? false);
    },
    persist: () => {
      calls.push('persist');
      return Promise.resolve(o.grant ?? false);
    },
  };
  return { sm, calls };
}

describe('storage health', () => {
  it('asks for persistent storage only when not already granted', async () => {
    const already = fake({ persisted: true });
    expect(await requestPersistentStorage(already.sm)).toBe(true);
    expect(already.calls).toEqual(['persisted']);
    const granted = fake({ persisted: false, grant: true });
    expect(await requestPersistentStorage(granted.sm)).toBe(true);
    expect(granted.calls).toEqual(['persisted', 'persist']);
    expect(await requestPersistentStorage(fake({ grant: false }).sm)).toBe(false);
    expect(await requestPersistentStorage({ estimate: () => Promise.resolve({}) })).toBeNull();
    expect(await requestPersistentStorage(undefined)).toBeNull();
  });

  it('levels: critical under the evidence margin, low under 1 GB or 10 % of the quota', () => {
    expect(storageLevel(STORAGE_MARGIN - 1, 100 * GB)).toBe('critical');
    expect(storageLevel(STORAGE_LOW - 1, 100 * GB)).toBe('low');
    expect(storageLevel(5 * GB, 100 * GB)).toBe('low');
    expect(storageLevel(20 * GB, 100 * GB)).toBe('ok');
    expect(storageLevel(null, null)).toBe('unknown');
  });

  it('reads used, free and persisted; no API or no estimate is unknown, never an error', async () => {
    expect(await readStorageHealth(fake({ quota: 10 * GB, usage: 9.5 * GB, persisted: true }).sm)).toEqual({
      persisted: true,
      usage: 9.5 * GB,
      quota: 10 * GB,
      free: 0.5 * GB,
      level: 'low',
    });
    expect(await readStorageHealth(fake({}).sm)).toMatchObject({
      free: null,
      level: 'unknown',
      persisted: false,
    });
    expect(await readStorageHealth({ estimate: () => Promise.reject(new Error('no')) })).toEqual({
      persisted: null,
      usage: null,
      quota: null,
      free: null,
      level: 'unknown',
    });
    expect((await readStorageHealth(undefined)).level).toBe('unknown');
  });
});
