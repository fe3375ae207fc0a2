// Resumable blob upload and download: offsets, 409 on a wrong offset (nothing changes), 422 and discard
// on a hash mismatch, Range reads, and 404 for anyone who may not see a case naming the blob.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#shared/sync/wire';
import { BACKENDS } from './support/backends';
import { bearer, startHub, type Harness } from './support/harness';
import { seedCase, seedEvent } from './support/seed';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const CHUNK = 'application/offset+octet-stream';

describe.each(BACKENDS)('blobs on $name', ({ config }) => {
  let h: Harness;
  let owner: EnrollResponse;
  let stranger: EnrollResponse;
  const data = Buffer.from('劳动合同扫描件 '.repeat(500));
  const hash = sha(data);

  beforeEach(async () => {
    h = await startHub(config());
    const org = await h.org('仲裁院');
    const other = await h.org('法院', '荆法', 'court');
    const u = await h.user(org, '王', ['mediator']);
    owner = await h.enroll(u);
    stranger = await h.enroll(await h.user(other, '李', ['supervisor']));
    await seedCase(h.storage, {
      caseId: 'case-1',
      orgId: org.id,
      userId: u.id,
      deviceId: owner.deviceId,
      eventId: 'e1',
    });
    await seedEvent(h.storage, {
      id: 'e2',
      caseId: 'case-1',
      deviceId: owner.deviceId,
      type: 'evidence.added',
    });
    await h.storage.q.addBlobRef({ sha256: hash, eventId: 'e2', caseId: 'case-1', conf: 'public' });
  });
  afterEach(async () => {
    await h.close();
  });

  const patch = (
    token: string,
    offset: number,
    body: Buffer,
    extra: Record<string, string> = {},
    target = hash,
  ) =>
    h.app.inject({
      method: 'PATCH',
      url: `/v1/blobs/${target}`,
      headers: { ...bearer(token), 'content-type': CHUNK, 'upload-offset': String(offset), ...extra },
      payload: body,
    });

  it('uploads in chunks, resumes from HEAD, rejects a wrong offset, then serves Range reads', async () => {
    const head0 = await h.app.inject({
      method: 'HEAD',
      url: `/v1/blobs/${hash}`,
      headers: bearer(owner.token),
    });
    expect(head0.statusCode).toBe(404);
    const first = await patch(owner.token, 0, data.subarray(0, 1000), {
      'upload-length': String(data.length),
    });
    expect(first.statusCode).toBe(204);
    expect(first.headers['upload-offset']).toBe('1000');
    const wrong = await patch(owner.token, 500, data.subarray(500, 1500));
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({ error: 'offset_mismatch' });
    const head = await h.app.inject({
      method: 'HEAD',
      url: `/v1/blobs/${hash}`,
      headers: bearer(owner.token),
    });
    expect(head.headers['upload-offset']).toBe('1000');
    expect(head.headers['blob-complete']).toBe('false');
    expect(head.headers['upload-length']).toBe(String(data.length));
    const rest = await patch(owner.token, 1000, data.subarray(1000));
    expect(rest.statusCode).toBe(204);
    const full = await h.app.inject({
      method: 'GET',
      url: `/v1/blobs/${hash}`,
      headers: bearer(owner.token),
    });
    expect(full.statusCode).toBe(200);
    expect(Buffer.compare(full.rawPayload, data)).toBe(0);
    const part = await h.app.inject({
      method: 'GET',
      url: `/v1/blobs/${hash}`,
      headers: { ...bearer(owner.token), range: 'bytes=10-19' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${String(data.length)}`);
    expect(Buffer.compare(part.rawPayload, data.subarray(10, 20))).toBe(0);
    expect((await patch(owner.token, data.length, Buffer.from('x'))).statusCode).toBe(409);
  });

  it('discards a blob whose bytes do not hash to its name (422) and lets the upload restart', async () => {
    const bad = Buffer.from(data);
    bad[5] = 0;
    const res = await patch(owner.token, 0, bad, { 'upload-length': String(bad.length) });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'hash_mismatch' });
    expect(
      (await h.app.inject({ method: 'HEAD', url: `/v1/blobs/${hash}`, headers: bearer(owner.token) }))
        .statusCode,
    ).toBe(404);
    expect((await patch(owner.token, 0, data, { 'upload-length': String(data.length) })).statusCode).toBe(
      204,
    );
  });

  it('hides blobs from callers outside the case and refuses hashes no event names', async () => {
    await patch(owner.token, 0, data, { 'upload-length': String(data.length) });
    const get = await h.app.inject({
      method: 'GET',
      url: `/v1/blobs/${hash}`,
      headers: bearer(stranger.token),
    });
    expect(get.statusCode).toBe(404);
    const other = sha(Buffer.from('x'));
    expect((await patch(owner.token, 0, Buffer.from('x'), { 'upload-length': '1' }, other)).statusCode).toBe(
      404,
    );
    expect((await patch(stranger.token, 0, data, { 'upload-length': String(data.length) })).statusCode).toBe(
      404,
    );
  });

  it('refuses bad headers, wrong content type and oversize chunks with 4xx', async () => {
    expect((await patch(owner.token, 0, data)).json()).toMatchObject({
      error: 'invalid_request',
      field: 'Upload-Length',
    });
    const json = await h.app.inject({
      method: 'PATCH',
      url: `/v1/blobs/${hash}`,
      headers: { ...bearer(owner.token), 'content-type': 'application/json', 'upload-offset': '0' },
      payload: '{}',
    });
    expect(json.statusCode).toBe(400);
    const small = await startHub(config(), { maxChunkBytes: 100 });
    try {
      const org = await small.org('x');
      const e = await small.enroll(await small.user(org, 'y', ['clerk']));
      const res = await small.app.inject({
        method: 'PATCH',
        url: `/v1/blobs/${hash}`,
        headers: { ...bearer(e.token), 'content-type': CHUNK, 'upload-offset': '0', 'upload-length': '1000' },
        payload: Buffer.alloc(1000),
      });
      expect(res.statusCode).toBe(413);
    } finally {
      await small.close();
    }
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/blobs/xyz', headers: bearer(owner.token) })).statusCode,
    ).toBe(400);
  });
});
