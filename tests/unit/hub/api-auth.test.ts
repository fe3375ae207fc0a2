// Enrollment, token refresh with rotation and reuse detection, health, error bodies and bad input —
// on SQLite and (when HUB_TEST_PG_URL is set) PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, newPublicJwk, startHub, type Harness } from './support/harness';
import { BACKENDS } from './support/backends';

describe.each(BACKENDS)('hub auth API on $name', ({ name, config }) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHub(config());
  });
  afterEach(async () => {
    await h.close();
  });

  it('health answers without auth and names the storage', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', storage: name, hubTime: '2026-11-28T09:00:00.000Z' });
  });

  it('enrolls with a valid code and returns user, org and tokens', async () => {
    const org = await h.org('荆门市劳动人事争议仲裁院');
    const u = await h.user(org, '王调解', ['mediator']);
    const e = await h.enroll(u);
    expect(e.user).toEqual({ id: u.id, name: '王调解', orgId: org.id, roles: ['mediator'] });
    expect(e.org.caseNumberPrefix).toBe('荆劳人仲字');
    expect(e.tokenExpiresAt).toBe('2026-11-28T09:15:00.000Z');
    const res = await h.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: bearer(e.token) });
    expect(res.statusCode).toBe(200);
  });

  it('refuses unknown, used and expired codes with 401 unauthenticated', async () => {
    const org = await h.org('仲裁院');
    const u = await h.user(org, '李', ['clerk']);
    const publicKey = await newPublicJwk();
    const enroll = (code: string) =>
      h.app.inject({
        method: 'POST',
        url: '/v1/devices/enroll',
        payload: { code, deviceName: 'pc', publicKey },
      });
    expect((await enroll('NOPE-NOPE-NOPE-NOPE')).json()).toMatchObject({ error: 'unauthenticated' });
    const code = await h.code(u);
    expect((await enroll(code)).statusCode).toBe(201);
    const again = await enroll(code);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ error: 'unauthenticated', message: '未登录或凭据无效。' });
    const short = await h.code(u, 1000);
    h.clock.now += 1000;
    expect((await enroll(short)).statusCode).toBe(401);
  });

  it('refuses a private key or a non-key as the device key', async () => {
    const org = await h.org('仲裁院');
    const u = await h.user(org, '李', ['clerk']);
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/devices/enroll',
      payload: {
        code: await h.code(u),
        deviceName: 'pc',
        publicKey: { kty: 'EC', crv: 'P-256', x: 'a', y: 'b' },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request', field: 'publicKey' });
  });

  it('rotates refresh tokens; the old access token expires; reuse revokes the device', async () => {
    const org = await h.org('仲裁院');
    const e = await h.enroll(await h.user(org, '赵', ['arbitrator']));
    const refresh = (t: string) =>
      h.app.inject({ method: 'POST', url: '/v1/devices/token', payload: { refreshToken: t } });
    const r1 = await refresh(e.refreshToken);
    expect(r1.statusCode).toBe(200);
    const p1 = r1.json<{ token: string; refreshToken: string }>();
    h.clock.now += 16 * 60_000;
    const expired = await h.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: bearer(e.token) });
    expect(expired.json()).toMatchObject({ error: 'token_expired' });
    const r2 = await refresh(p1.refreshToken);
    expect(r2.statusCode).toBe(200);
    const p2 = r2.json<{ token: string }>();
    const reused = await refresh(e.refreshToken);
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ error: 'token_reused' });
    const after = await h.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: bearer(p2.token) });
    expect(after.json()).toMatchObject({ error: 'device_revoked' });
  });

  it('accepts a retry of a lost refresh answer within the grace window', async () => {
    const org = await h.org('仲裁院');
    const e = await h.enroll(await h.user(org, '钱', ['clerk']));
    const refresh = (t: string) =>
      h.app.inject({ method: 'POST', url: '/v1/devices/token', payload: { refreshToken: t } });
    const lost = await refresh(e.refreshToken);
    expect(lost.statusCode).toBe(200);
    h.clock.now += 3000;
    const retry = await refresh(e.refreshToken);
    expect(retry.statusCode).toBe(200);
    const fresh = retry.json<{ token: string; refreshToken: string }>();
    expect((await refresh(lost.json<{ refreshToken: string }>().refreshToken)).statusCode).toBe(401);
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/sync/pull', headers: bearer(fresh.token) })).statusCode,
    ).toBe(401);
  });

  it('answers bad input with 4xx error bodies, English on request', async () => {
    const bad = await h.app.inject({
      method: 'POST',
      url: '/v1/devices/enroll',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-US,en;q=0.9' },
      payload: '{"code": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'invalid_json', message: 'The request body is not valid JSON.' });
    const proto = await h.app.inject({
      method: 'POST',
      url: '/v1/devices/token',
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__": {"x": 1}, "refreshToken": "aaaaaaaaaaaaaaaaaaaa"}',
    });
    expect(proto.statusCode).toBe(400);
    const type = await h.app.inject({
      method: 'POST',
      url: '/v1/devices/token',
      headers: { 'content-type': 'text/xml' },
      payload: '<x/>',
    });
    expect(type.statusCode).toBe(400);
    expect(type.json()).toMatchObject({ error: 'invalid_request' });
    const big = await h.app.inject({
      method: 'POST',
      url: '/v1/devices/token',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ refreshToken: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: 'payload_too_large' });
    const extra = await h.app.inject({
      method: 'POST',
      url: '/v1/devices/token',
      payload: { refreshToken: 'a'.repeat(20), x: 1 },
    });
    expect(extra.json()).toMatchObject({ error: 'invalid_request' });
    const noAuth = await h.app.inject({ method: 'GET', url: '/v1/sync/pull' });
    expect(noAuth.statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/v1/nowhere' })).json()).toMatchObject({
      error: 'not_found',
    });
  });

  it('answers CORS preflights for configured origins only', async () => {
    const ok = await h.app.inject({
      method: 'OPTIONS',
      url: '/v1/sync/pull',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-headers': 'authorization' },
    });
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    expect(String(ok.headers['access-control-allow-headers'])).toContain('Authorization');
    const other = await h.app.inject({
      method: 'OPTIONS',
      url: '/v1/sync/pull',
      headers: { origin: 'http://evil.test' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After beyond the per-minute budget, and recovers after the window', async () => {
    const sqlite = BACKENDS[0];
    if (!sqlite) throw new Error('sqlite backend missing');
    const h = await startHub(sqlite.config(), { authPerMinute: 3 });
    try {
      const call = () =>
        h.app.inject({ method: 'POST', url: '/v1/devices/token', payload: { refreshToken: 'a'.repeat(20) } });
      for (let i = 0; i < 3; i++) expect((await call()).statusCode).toBe(401);
      const limited = await call();
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('60');
      expect(limited.json()).toMatchObject({ error: 'rate_limited' });
      h.clock.now += 60_000;
      expect((await call()).statusCode).toBe(401);
    } finally {
      await h.close();
    }
  });
});
