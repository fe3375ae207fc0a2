/*
 * #5 item 4 with #4's storage check: importing through importOne (the evidence tab's path), the space
 * check runs before a single chunk is sealed or stored; a file the disk has no room for (a 2 GiB video
 * of a JPEG's size, faked by its `size`) is refused with a message naming both sizes, and nothing of it
 * stays — no blob row, no chunk, no evidence.added, no thumbnail work.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { blobTable, chunkTable } from '../../../../renderer/data/blobs';
import { STORAGE_MARGIN } from '../../../../renderer/data/blobs-storage';
import { plainCodec, type Codec } from '../../../../renderer/data/codec';
import type { Author } from '../../../../renderer/data/store';
import type { DerivedResult } from '../../../../renderer/features/evidence/derive-core';
import {
  importOne,
  knownHashes,
  type ImportDeps,
} from '../../../../renderer/features/evidence/import-evidence';
import { FAKE_JPEG } from '../../../tools/jpeg-exif';
import { ENROLLMENT, harness } from '../data/store-harness';

const GiB = 1024 ** 3;

async function setup(free: number) {
  const log: string[] = [];
  const codec: Codec = {
    ...plainCodec,
    sealBytes: (ctx, bytes) => {
      log.push('seal');
      return plainCodec.sealBytes(ctx, bytes);
    },
  };
  const h = harness(codec);
  await h.store.saveEnrollment(ENROLLMENT);
  const author = (await h.store.author()) as Author;
  const caseId = h.store.newId();
  const opened = await h.store.write(author, [
    { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
  ]);
  if (!opened.ok) throw new Error(opened.error.message);
  const deps: ImportDeps = {
    ctx: h.store.ctx,
    caseId,
    newId: h.store.newId,
    write: (drafts) => {
      log.push('write');
      return h.store.write(author, drafts);
    },
    derive: (): Promise<DerivedResult> => {
      log.push('derive');
      return Promise.resolve({ ok: true, width: 1, height: 1, copies: [] });
    },
    estimate: () => {
      log.push('estimate');
      return Promise.resolve({ quota: free, usage: 0 });
    },
  };
  return { store: h.store, caseId, deps, log };
}

describe('the storage check before a large evidence import', () => {
  it('runs before any chunk is sealed or stored', async () => {
    const { deps, log } = await setup(10 * GiB);
    const r = await importOne(
      deps,
      new File([FAKE_JPEG], '照片.jpg'),
      { caption: '', claimIds: [] },
      knownHashes(null),
    );
    expect(r.ok).toBe(true);
    expect(log[0]).toBe('estimate');
    expect(log.filter((x) => x === 'estimate')).toHaveLength(1);
    expect(log).toContain('seal');
    expect(log.at(-1)).toBe('write');
  });

  it('refuses a 2 GiB file with 1 GiB free, naming both sizes, and stores nothing of it', async () => {
    const { store, caseId, deps, log } = await setup(GiB);
    const file = new File([FAKE_JPEG], '监控录像截图.jpg');
    Object.defineProperty(file, 'size', { value: 2 * GiB });
    const r = await importOne(deps, file, { caption: '', claimIds: [] }, knownHashes(null));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fileName).toBe('监控录像截图.jpg');
    const message = r.ok ? '' : r.message;
    expect(message).toContain('本机存储空间不足');
    expect(message).toContain('2.0 GB');
    expect(message).toContain('1.0 GB');
    expect(message).toContain('200 MB');
    expect(log).toEqual(['estimate']);
    expect(await blobTable(store.ctx).count()).toBe(0);
    expect(await chunkTable(store.ctx).count()).toBe(0);
    expect((await store.caseState(caseId))?.evidence ?? []).toHaveLength(0);
  });

  it('keeps the margin: a file that fits the disk but not the margin is refused too', async () => {
    const size = 512 * 1024 * 1024;
    const { store, deps, log } = await setup(size + STORAGE_MARGIN - 1);
    const file = new File([FAKE_JPEG], '大图.jpg');
    Object.defineProperty(file, 'size', { value: size });
    const r = await importOne(deps, file, { caption: '', claimIds: [] }, knownHashes(null));
    expect(!r.ok && r.message).toContain('需另留 200 MB');
    expect(log).toEqual(['estimate']);
    expect(await blobTable(store.ctx).count()).toBe(0);
  });
});
