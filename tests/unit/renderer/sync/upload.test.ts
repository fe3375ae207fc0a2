// Evidence upload after the hub accepted evidence.added: HEAD, then PATCH from the hub's offset, resuming
// after a cut without re-sending what the hub holds; batches packed within the contract's limits.
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { importEvidenceFile } from '../../../../renderer/data/blobs';
import type { PendingEvent } from '../../../../renderer/data/outbox';
import { MAX_PUSH_BYTES, packBatch } from '../../../../renderer/sync/push';
import { bearer } from '../../hub/support/harness';
import { injectFetch, openCase, world, type Laptop, type World } from './support';

const CASE_A = '01930000-0000-7000-8000-0000000000c1';
const SIZE = 3500;
const bytes = Uint8Array.from({ length: SIZE }, (_, i) => (i * 7 + 3) & 0xff);

let w: World;
afterEach(async () => {
  await w.close();
});

async function addEvidence(l: Laptop): Promise<string> {
  const imported = await importEvidenceFile(l.store.ctx, new Blob([bytes]), {
    mime: 'image/jpeg',
    chunkSize: 1000,
    estimate: () => Promise.resolve({ quota: 1e12, usage: 0 }),
  });
  if (!imported.ok) throw new Error(imported.error.message);
  const author = await l.store.author();
  if (!author) throw new Error('not enrolled');
  const r = await l.store.write(author, [
    {
      caseId: CASE_A,
      type: 'evidence.added',
      payload: { ...SAMPLE_PAYLOADS['evidence.added'], sha256: imported.value.sha256, size: SIZE },
    },
  ]);
  if (!r.ok) throw new Error(r.error.message);
  return imported.value.sha256;
}

describe('evidence upload', () => {
  it('uploads the original after its event is accepted; the hub holds the same bytes', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    await openCase(a, CASE_A);
    const sha = await addEvidence(a);
    const r = await a.engine.run();
    expect(r.ok && r.upload).toEqual({ completed: 1, failed: [], bytesSent: SIZE });
    expect(await a.local.blobQueue()).toEqual([]);
    const token = (await a.local.loadSession())?.token ?? '';
    const got = await w.hub.app.inject({ method: 'GET', url: `/v1/blobs/${sha}`, headers: bearer(token) });
    expect(new Uint8Array(got.rawPayload)).toEqual(bytes);
  });

  it('resumes from the hub offset after a cut, re-sending nothing the hub has', async () => {
    w = await world();
    let patches = 0;
    const cut = injectFetch(w.hub.app, {
      before: (path) => {
        if (!path.startsWith('/v1/blobs/')) return;
        // The third request (HEAD, PATCH 0, PATCH 1000) never arrives: the connection drops.
        if (++patches === 3) throw new TypeError('network changed');
      },
    });
    const a = await w.laptop('王调解', ['mediator'], cut);
    await openCase(a, CASE_A);
    await addEvidence(a);
    const r = await a.engine.run();
    expect(r.ok && r.upload.completed).toBe(1);
    expect(r.ok && r.upload.bytesSent).toBe(SIZE - 1000);
    expect(a.sleeps).toEqual([1000]);
    // PATCH 0, the dropped PATCH 1000, then 1000, 2000, 3000 after asking the hub where it stands.
    expect(cut.calls.filter((c) => c.startsWith('PATCH'))).toHaveLength(5);
  });

  it('keeps a file queued when its original is missing here', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    await openCase(a, CASE_A);
    await a.local.saveBlobQueue([{ sha256: 'b'.repeat(64), size: 10, caseId: CASE_A, fileName: 'x.jpg' }]);
    const r = await a.engine.run();
    expect(r.ok && r.upload.failed.map((f) => f.sha256)).toEqual(['b'.repeat(64)]);
    expect(await a.local.blobQueue()).toHaveLength(1);
  });
});

describe('packBatch', () => {
  const ev = (n: number, pad = 0) =>
    ({ event: { id: String(n), pad: 'x'.repeat(pad) }, attempts: 0 }) as unknown as PendingEvent;
  it('stops at 500 events', () => {
    expect(packBatch(Array.from({ length: 600 }, (_, i) => ev(i)))).toHaveLength(500);
  });
  it('stops before 1 MiB, in order, and always sends at least one', () => {
    const big = Array.from({ length: 5 }, (_, i) => ev(i, 300_000));
    const batch = packBatch(big);
    expect(batch.map((p) => p.event.id)).toEqual(['0', '1', '2']);
    expect(packBatch([ev(9, MAX_PUSH_BYTES * 2)])).toHaveLength(1);
  });
});
