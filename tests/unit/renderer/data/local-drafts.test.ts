/* Local drafts (work not yet an event): sealed through the codec seam, read back, cleared; never plain in the meta table. */
import { describe, expect, it } from 'vitest';
import type { Codec, Sealed } from '../../../../renderer/data/codec';
import { LOCAL_DRAFT_PREFIX } from '../../../../renderer/data/local-drafts';
import { harness, T0 } from './store-harness';

/** A codec that really transforms what it seals (base64 of the JSON under its own alg), as the encrypting one will. */
const encodingCodec: Codec = {
  name: 'reversing',
  seal: (_ctx, value) =>
    Promise.resolve({
      v: 1,
      alg: 'test-base64',
      data: Buffer.from(JSON.stringify(value)).toString('base64'),
    }),
  open: (_ctx, sealed: Sealed) => {
    if (sealed.alg !== 'test-base64' || typeof sealed.data !== 'string')
      return Promise.reject(new Error(`cannot open ${sealed.alg}`));
    return Promise.resolve(JSON.parse(Buffer.from(sealed.data, 'base64').toString('utf8')) as unknown);
  },
  sealBytes: (_ctx, b) => Promise.resolve(b),
  openBytes: (_ctx, b) => Promise.resolve(b),
  index: (t) => Promise.resolve(t),
};

const TEXT = '张三：公司欠我一万八千六百元';

describe('local drafts', () => {
  it('saves through the codec (the stored row does not hold the text) and reads it back after a reopen', async () => {
    const h = harness(encodingCodec);
    const saved = await h.store.drafts.save('transcript:c1', { lines: [TEXT] });
    expect(saved.savedAt).toBeGreaterThanOrEqual(T0);
    const row = await h.store.ctx.db.meta.get(`${LOCAL_DRAFT_PREFIX}transcript:c1`);
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(TEXT);
    expect(JSON.stringify(row)).toContain('test-base64');

    const reopened = h.reopen();
    expect(await reopened.drafts.load('transcript:c1')).toEqual({
      savedAt: saved.savedAt,
      value: { lines: [TEXT] },
    });
    reopened.close();
  });

  it('keeps one draft per key, replaces it on save and removes it on clear', async () => {
    const h = harness();
    await h.store.drafts.save('transcript:a', { n: 1 });
    await h.store.drafts.save('transcript:a', { n: 2 });
    await h.store.drafts.save('transcript:b', { n: 3 });
    expect((await h.store.drafts.load('transcript:a'))?.value).toEqual({ n: 2 });
    await h.store.drafts.clear('transcript:a');
    expect(await h.store.drafts.load('transcript:a')).toBeNull();
    expect((await h.store.drafts.load('transcript:b'))?.value).toEqual({ n: 3 });
    expect(await h.store.drafts.load('never')).toBeNull();
    h.store.close();
  });

  it('a meta row that is not a sealed value under a draft key is no draft (never returned unopened)', async () => {
    const h = harness();
    await h.store.ctx.db.meta.put({ key: `${LOCAL_DRAFT_PREFIX}transcript:x`, value: 'plain text' });
    expect(await h.store.drafts.load('transcript:x')).toBeNull();
    h.store.close();
  });
});
