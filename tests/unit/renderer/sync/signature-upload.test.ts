// The signed agreement's signature and seal images go to the hub like evidence originals (#6): queued
// once the hub accepts agreement.signed, uploaded, and readable by a colleague of the organisation on
// another laptop; before the hub accepted an event naming them, nobody can fetch them.
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { importEvidenceFile } from '../../../../renderer/data/blobs';
import { bearer } from '../../hub/support/harness';
import { openCase, world, type Laptop, type World } from './support';

const CASE_A = '01930000-0000-7000-8000-0000000000c2';
const SVG = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0L${String(n)} 9"/></svg>`;

let w: World;
afterEach(async () => {
  await w.close();
});

async function store(l: Laptop, text: string, mime: string): Promise<string> {
  const r = await importEvidenceFile(l.store.ctx, new Blob([text]), {
    mime,
    estimate: () => Promise.resolve({ quota: 1e12, usage: 0 }),
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.sha256;
}

async function sign(l: Laptop, images: string[], seal: string): Promise<void> {
  const author = await l.store.author();
  if (!author) throw new Error('not enrolled');
  const r = await l.store.write(author, [
    { caseId: CASE_A, type: 'agreement.drafted', payload: SAMPLE_PAYLOADS['agreement.drafted'] },
    {
      caseId: CASE_A,
      type: 'agreement.signed',
      payload: {
        ...SAMPLE_PAYLOADS['agreement.signed'],
        signatures: [
          { signer: '张三', mark: 'signature', imageSha256: images[0] },
          { signer: '荆门某建筑有限公司', mark: 'signature', imageSha256: images[1] },
          { signer: '王调解', mark: 'signature', imageSha256: images[2] },
        ],
        sealImageSha256: seal,
      },
    },
  ]);
  if (!r.ok) throw new Error(r.error.message);
}

const get = (w: World, l: Laptop, sha: string) =>
  l.local
    .loadSession()
    .then((s) =>
      w.hub.app.inject({ method: 'GET', url: `/v1/blobs/${sha}`, headers: bearer(s?.token ?? '') }),
    );

describe('signature images sync', () => {
  it('uploads every signature and the seal after agreement.signed is accepted; a colleague reads them', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    const b = await w.laptop('赵主任', ['supervisor']);
    await openCase(a, CASE_A);
    const images = [await store(a, SVG(1), 'image/svg+xml'), await store(a, SVG(2), 'image/svg+xml')];
    images.push(images[0] ?? '');
    const seal = await store(a, 'PNG-seal-bytes', 'image/png');
    await sign(a, images, seal);

    expect((await get(w, a, seal)).statusCode).toBe(404);
    const r = await a.engine.run();
    expect(r.ok && r.upload.completed).toBe(3);
    expect(await a.local.blobQueue()).toEqual([]);

    const first = await get(w, b, images[0] ?? '');
    expect([first.statusCode, first.payload]).toEqual([200, SVG(1)]);
    const sealed = await get(w, b, seal);
    expect([sealed.statusCode, sealed.payload]).toEqual([200, 'PNG-seal-bytes']);
  });
});
