// Enrollment against the in-process hub: success saves enrollment and sealed session; every failure is
// named (bad code, dead hub, garbled answer, bad address) and saves nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncLocal } from '../../../../renderer/data/outbox';
import { checkHubUrl, enrollDevice } from '../../../../renderer/sync/enroll';
import { createHubClient, type FetchLike } from '../../../../renderer/sync/hub-client';
import { harness } from '../data/store-harness';
import { HUB_URL, world, type World } from './support';

let w: World | null = null;
afterEach(async () => {
  await w?.close();
  w = null;
});

const fresh = () => {
  const { store } = harness();
  return { store, local: createSyncLocal(store) };
};

describe('enrollDevice', () => {
  it('saves the enrollment and a sealed session from a valid answer', async () => {
    w = await world();
    const user = await w.hub.user(w.org, '王调解', ['mediator', 'supervisor']);
    const { store, local } = fresh();
    const r = await enrollDevice(
      { local, publicKey: () => store.publicKeyJwk(), fetch: w.fetch },
      { hubUrl: `${HUB_URL}/`, code: ` ${await w.hub.code(user)} `, deviceName: '王调解的电脑' },
    );
    expect(r.ok).toBe(true);
    const e = await store.enrollment();
    expect(e).toMatchObject({
      userName: '王调解',
      orgName: w.org.name,
      roles: ['mediator', 'supervisor'],
      hubUrl: HUB_URL,
    });
    expect((await store.author())?.userId).toBe(user.id);
    const session = await local.loadSession();
    expect(session?.hubPublicKey).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    const again = await enrollDevice(
      { local, publicKey: () => store.publicKeyJwk(), fetch: w.fetch },
      { hubUrl: HUB_URL, code: 'ABCD-EFGH', deviceName: 'x' },
    );
    expect(!again.ok && again.error.code).toBe('already_enrolled');
  });

  it('names a used code as unauthenticated on the code field and saves nothing', async () => {
    w = await world();
    const user = await w.hub.user(w.org, '王调解', ['mediator']);
    const code = await w.hub.code(user);
    const first = fresh();
    await enrollDevice(
      { local: first.local, publicKey: () => first.store.publicKeyJwk(), fetch: w.fetch },
      { hubUrl: HUB_URL, code, deviceName: 'A' },
    );
    const { store, local } = fresh();
    const r = await enrollDevice(
      { local, publicKey: () => store.publicKeyJwk(), fetch: w.fetch },
      { hubUrl: HUB_URL, code, deviceName: 'B' },
    );
    expect(!r.ok && r.error).toMatchObject({ code: 'unauthenticated', field: 'code' });
    expect(await store.enrollment()).toBeUndefined();
    expect(await local.loadSession()).toBeNull();
  });

  it('names a dead hub, a garbled answer, a bad address and empty fields', async () => {
    const { store, local } = fresh();
    const deps = (fetch: FetchLike) => ({ local, publicKey: () => store.publicKeyJwk(), fetch });
    const input = { hubUrl: HUB_URL, code: 'ABCD-EFGH', deviceName: '电脑' };
    const dead: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    const garbled: FetchLike = () => Promise.resolve(new Response('{"deviceId":1}', { status: 201 }));
    expect(await enrollDevice(deps(dead), input)).toMatchObject({
      ok: false,
      error: { code: 'network', field: 'hubUrl' },
    });
    expect(await enrollDevice(deps(garbled), input)).toMatchObject({
      ok: false,
      error: { code: 'bad_response' },
    });
    expect(await enrollDevice(deps(dead), { ...input, hubUrl: 'ftp://hub' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_url' },
    });
    expect(await enrollDevice(deps(dead), { ...input, deviceName: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'deviceName' },
    });
    expect(await store.enrollment()).toBeUndefined();
  });

  it('checkHubUrl accepts http(s) origins and refuses credentials', () => {
    expect(checkHubUrl('https://hub.example.cn/')).toEqual({ ok: true, value: 'https://hub.example.cn' });
    expect(checkHubUrl('http://u:p@127.0.0.1:8787').ok).toBe(false);
    expect(checkHubUrl('not a url').ok).toBe(false);
  });
});

describe('hub client errors', () => {
  it('reads the error body, Retry-After, and a HEAD 404 as "no upload yet"', async () => {
    const limited: FetchLike = () =>
      Promise.resolve(
        new Response(JSON.stringify({ error: 'rate_limited', message: '请求过多' }), {
          status: 429,
          headers: { 'Retry-After': '7' },
        }),
      );
    const c = createHubClient(HUB_URL, limited);
    expect(await c.push('t', [{}])).toEqual({
      ok: false,
      error: { kind: 'hub', code: 'rate_limited', status: 429, message: '请求过多', retryAfterS: 7 },
    });
    const missing = createHubClient(HUB_URL, () => Promise.resolve(new Response(null, { status: 404 })));
    expect(await missing.blobHead('t', 'a'.repeat(64))).toEqual({ ok: true, value: null });
    const html = createHubClient(HUB_URL, () => Promise.resolve(new Response('<html>', { status: 502 })));
    expect(await html.pull('t', '', 10)).toMatchObject({
      ok: false,
      error: { kind: 'bad_response', status: 502 },
    });
  });
});

describe('retryDelay', () => {
  it('backs off on network errors, honours Retry-After, and never retries a refusal', async () => {
    const { retryDelay } = await import('../../../../renderer/sync/engine');
    const fail = (o: Parameters<typeof retryDelay>[0]) => o;
    expect(retryDelay(fail({ ok: false, at: 0, failure: { kind: 'network', message: '' } }), 2)).toBe(4000);
    expect(
      retryDelay(
        fail({
          ok: false,
          at: 0,
          failure: { kind: 'hub', code: 'rate_limited', message: '', retryAfterS: 7 },
        }),
        0,
      ),
    ).toBe(7000);
    expect(
      retryDelay(fail({ ok: false, at: 0, failure: { kind: 'hub', code: 'forbidden', message: '' } }), 0),
    ).toBeNull();
    expect(
      retryDelay(fail({ ok: false, at: 0, failure: { kind: 'revoked', code: 'device_revoked' } }), 0),
    ).toBeNull();
  });
});
