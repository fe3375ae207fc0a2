// Downloading the files pulled events name, against the real hub in-process: a second laptop of the
// organisation receives an evidence original in Range requests, resumes after a cut without fetching
// again what it stored, refuses (and deletes) a download whose bytes do not hash to the signed SHA-256,
// makes the thumbnail after download, and fetches one file on demand.
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { blobInfo, chunkTable, importEvidenceFile, readBlobAsBlob } from '../../../../renderer/data/blobs';
import { readDerived } from '../../../../renderer/data/blobs-derived';
import { downloadProgress } from '../../../../renderer/data/blobs-download';
import { createTransferBoard, type DeriveCopies } from '../../../../renderer/sync/download';
import { createSyncEngine, type SyncEngine } from '../../../../renderer/sync/engine';
import type { FetchLike } from '../../../../renderer/sync/hub-client';
import { injectFetch, openCase, world, type Laptop, type World } from './support';

const CASE_A = '01930000-0000-7000-8000-0000000000d1';
const SIZE = 3500;
const bytes = Uint8Array.from({ length: SIZE }, (_, i) => (i * 13 + 5) & 0xff);

let w: World;
afterEach(async () => {
  await w.close();
});

async function addEvidence(l: Laptop): Promise<string> {
  const imported = await importEvidenceFile(l.store.ctx, new Blob([bytes]), {
    mime: 'image/jpeg',
    estimate: () => Promise.resolve({ quota: 1e12, usage: 0 }),
  });
  if (!imported.ok) throw new Error(imported.error.message);
  const author = await l.store.author();
  if (!author) throw new Error('not enrolled');
  const r = await l.store.write(author, [
    {
      caseId: CASE_A,
      type: 'evidence.added',
      payload: {
        ...SAMPLE_PAYLOADS['evidence.added'],
        sha256: imported.value.sha256,
        size: SIZE,
        mime: 'image/jpeg',
      },
    },
  ]);
  if (!r.ok) throw new Error(r.error.message);
  return imported.value.sha256;
}

/** Laptop A captures the evidence and syncs (the hub holds event and bytes). */
async function captured(): Promise<string> {
  const a = await w.laptop('王调解', ['mediator']);
  await openCase(a, CASE_A);
  const sha = await addEvidence(a);
  const r = await a.engine.run();
  if (!r.ok || r.upload.completed !== 1) throw new Error('upload failed');
  return sha;
}

/** The requests' Range headers; `mangle` may alter a blob answer's bytes, `cut` drop a request. */
function tappedFetch(o: {
  ranges: string[];
  mangle?: { on: boolean };
  cutNth?: number;
}): FetchLike & { calls: string[] } {
  const inner = injectFetch(w.hub.app);
  let blobGets = 0;
  const f: FetchLike = async (input, init = {}) => {
    const isBlobGet = input.includes('/v1/blobs/') && (init.method ?? 'GET') === 'GET';
    if (isBlobGet) {
      o.ranges.push(new Headers(init.headers).get('Range') ?? '');
      if (++blobGets === o.cutNth) throw new TypeError('network changed');
    }
    const res = await inner(input, init);
    if (!isBlobGet || !o.mangle?.on || res.status >= 300) return res;
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.length > 0) body[0] = (body[0] ?? 0) ^ 0xff;
    return new Response(body, { status: res.status, headers: res.headers });
  };
  return Object.assign(f, { calls: inner.calls });
}

function engineFor(l: Laptop, fetchFn: FetchLike, extra: { derive?: DeriveCopies } = {}) {
  const board = createTransferBoard();
  const sleeps: number[] = [];
  const engine: SyncEngine = createSyncEngine({
    local: l.local,
    fetch: fetchFn,
    now: () => w.hub.clock.now,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ownPublicKey: () => l.store.publicKeyJwk(),
    board,
    downloadRange: 1000,
    ...extra,
  });
  return { engine, board, sleeps };
}

async function storedBytes(l: Laptop, sha: string): Promise<Uint8Array> {
  const r = await readBlobAsBlob(l.store.ctx, sha);
  if (!r.ok) throw new Error(r.error.message);
  return new Uint8Array(await r.value.arrayBuffer());
}

describe('blob download', () => {
  it('a second laptop pulls the event, downloads the original in ranges and makes its thumbnail', async () => {
    w = await world();
    const sha = await captured();
    const ranges: string[] = [];
    const b = await w.laptop('李仲裁', ['supervisor'], tappedFetch({ ranges }));
    const derived: [number, string][] = [];
    const derive: DeriveCopies = (blob, mime) => {
      derived.push([blob.size, mime]);
      return Promise.resolve([{ kind: 'thumb', bytes: new Uint8Array([1, 2, 3]), mime: 'image/jpeg' }]);
    };
    const { engine, board } = engineFor(b, tappedFetch({ ranges }), { derive });
    const r = await engine.run();
    expect(r.ok && r.download).toEqual({ completed: 1, failed: [], bytesReceived: SIZE });
    expect(ranges).toEqual(['bytes=0-999', 'bytes=1000-1999', 'bytes=2000-2999', 'bytes=3000-3499']);
    expect(await storedBytes(b, sha)).toEqual(bytes);
    expect((await blobInfo(b.store.ctx, sha))?.mime).toBe('image/jpeg');
    expect(derived).toEqual([[SIZE, 'image/jpeg']]);
    expect(await readDerived(b.store.ctx, sha, 'thumb')).not.toBeNull();
    expect(board.get(sha)).toEqual({ state: 'done' });
    expect(await b.local.downloadQueue()).toEqual([]);
    // Nothing left to fetch: the next run asks for no bytes.
    const again = await engine.run();
    expect(again.ok && again.download).toEqual({ completed: 0, failed: [], bytesReceived: 0 });
    expect(ranges).toHaveLength(4);
  });

  it('resumes after a cut from the last stored range, fetching nothing twice', async () => {
    w = await world();
    const sha = await captured();
    const ranges: string[] = [];
    const b = await w.laptop('李仲裁', ['supervisor']);
    const { engine, sleeps } = engineFor(b, tappedFetch({ ranges, cutNth: 3 }));
    const r = await engine.run();
    expect(r.ok && r.download.completed).toBe(1);
    expect(sleeps).toEqual([1000]);
    // 0-999 and 1000-1999 stored; the third request dropped; the retry starts at 2000.
    expect(ranges).toEqual([
      'bytes=0-999',
      'bytes=1000-1999',
      'bytes=2000-2999',
      'bytes=2000-2999',
      'bytes=3000-3499',
    ]);
    expect(r.ok && r.download.bytesReceived).toBe(SIZE - 2000);
    expect(await storedBytes(b, sha)).toEqual(bytes);
    expect(await downloadProgress(b.store.ctx, sha)).toBeNull();
  });

  it('keeps the stored ranges of a download the network cut for good and resumes them in a later run', async () => {
    w = await world();
    const sha = await captured();
    const ranges: string[] = [];
    const b = await w.laptop('李仲裁', ['supervisor']);
    const dead = { on: false };
    const f = tappedFetch({ ranges });
    const flaky: FetchLike = (input, init) => {
      if (dead.on && input.includes('/v1/blobs/') && ranges.length >= 2)
        return Promise.reject(new TypeError('offline'));
      return f(input, init);
    };
    dead.on = true;
    const { engine, board } = engineFor(b, flaky);
    const first = await engine.run();
    expect(first.ok).toBe(false);
    expect(await downloadProgress(b.store.ctx, sha)).toEqual({ size: SIZE, received: 2000, chunkCount: 2 });
    expect(board.get(sha)).toEqual({ state: 'downloading', received: 2000, size: SIZE });
    expect(await blobInfo(b.store.ctx, sha)).toBeNull();
    dead.on = false;
    const second = await engine.run();
    expect(second.ok && second.download.completed).toBe(1);
    expect(ranges.slice(-2)).toEqual(['bytes=2000-2999', 'bytes=3000-3499']);
    expect(await storedBytes(b, sha)).toEqual(bytes);
  });

  it('refuses a download whose bytes do not hash to the signed SHA-256: nothing kept, retried later', async () => {
    w = await world();
    const sha = await captured();
    const ranges: string[] = [];
    const mangle = { on: true };
    const b = await w.laptop('李仲裁', ['supervisor']);
    const { engine, board } = engineFor(b, tappedFetch({ ranges, mangle }));
    const r = await engine.run();
    expect(r.ok && r.download).toEqual({
      completed: 0,
      failed: [{ sha256: sha, why: 'hash_mismatch' }],
      bytesReceived: 0,
    });
    expect(await blobInfo(b.store.ctx, sha)).toBeNull();
    expect(await downloadProgress(b.store.ctx, sha)).toBeNull();
    const key = `download:${sha}`;
    const left = chunkTable(b.store.ctx).where('[blobKey+index]').between([key, 0], [key, 1e9]);
    expect(await left.count()).toBe(0);
    const failed = board.get(sha);
    expect(failed?.state === 'failed' && failed.code).toBe('hash_mismatch');
    expect(failed?.state === 'failed' && failed.message).toContain('不符');
    expect((await b.local.downloadQueue()).map((q) => [q.sha256, q.attempts, q.lastError])).toEqual([
      [sha, 1, 'hash_mismatch'],
    ]);
    mangle.on = false;
    const retry = await engine.run();
    expect(retry.ok && retry.download.completed).toBe(1);
    expect(await storedBytes(b, sha)).toEqual(bytes);
    expect(board.get(sha)).toEqual({ state: 'done' });
  });

  it('fetches one file on demand (a viewer opened it) with its size from the hub', async () => {
    w = await world();
    const sha = await captured();
    const ranges: string[] = [];
    const b = await w.laptop('李仲裁', ['supervisor']);
    const { engine } = engineFor(b, tappedFetch({ ranges }));
    expect(await engine.fetchBlob(sha)).toBeNull();
    expect(await storedBytes(b, sha)).toEqual(bytes);
    expect(ranges).toHaveLength(4);
    // A file the hub does not hold (or this user may not see) is named, not thrown.
    const missing = await engine.fetchBlob('c'.repeat(64));
    expect(missing?.code).toBe('not_on_hub');
  });
});
