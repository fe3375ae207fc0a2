// Push and pull refuse malformed requests with 4xx bodies and store nothing; a schema-invalid event gets
// its own rejected result without failing the request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#shared/sync/wire';
import { BACKENDS } from './support/backends';
import { bearer, startHub, type Harness } from './support/harness';

describe.each(BACKENDS)('sync input validation on $name', ({ config }) => {
  let h: Harness;
  let dev: EnrollResponse;
  beforeEach(async () => {
    h = await startHub(config(), { maxEventsPerPush: 3 });
    dev = await h.enroll(await h.user(await h.org('仲裁院'), '王', ['mediator']));
  });
  afterEach(async () => {
    await h.close();
  });

  const push = (payload: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { ...bearer(dev.token), 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('refuses bad bodies with the contract codes', async () => {
    expect((await push('{"events": [')).json()).toMatchObject({ error: 'invalid_json' });
    expect((await push({ events: [] })).json()).toMatchObject({ error: 'invalid_request', field: 'events' });
    expect((await push({ events: [{}], extra: 1 })).json()).toMatchObject({ error: 'invalid_request' });
    expect((await push({ events: [1, 2, 3, 4] })).statusCode).toBe(413);
    const huge = await push({ events: [{ pad: 'x'.repeat(1024 * 1024) }] });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: 'payload_too_large' });
    const noAuth = await h.app.inject({ method: 'POST', url: '/v1/sync/push', payload: { events: [{}] } });
    expect(noAuth.json()).toMatchObject({ error: 'unauthenticated' });
    expect(await h.storage.q.lastHubSeq()).toBe(0);
  });

  it('rejects schema-invalid events one by one, in request order', async () => {
    const res = await push({ events: [{ id: 'a' }, 'nonsense', { id: 'c', type: 'case.opened' }] });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ results: { id: string; status: string; reason: string }[] }>();
    expect(body.results.map((r) => [r.id, r.status, r.reason])).toEqual([
      ['a', 'rejected', 'schema_invalid'],
      ['', 'rejected', 'schema_invalid'],
      ['c', 'rejected', 'schema_invalid'],
    ]);
    expect(await h.storage.q.lastHubSeq()).toBe(0);
  });

  it('pull refuses a forged cursor and a limit out of range', async () => {
    const pull = (qs: string) =>
      h.app.inject({ method: 'GET', url: `/v1/sync/pull?${qs}`, headers: bearer(dev.token) });
    expect((await pull('after=bm9wZQ')).json()).toMatchObject({ error: 'invalid_request', field: 'after' });
    expect((await pull('limit=0')).json()).toMatchObject({ error: 'invalid_request', field: 'limit' });
    expect((await pull('limit=1001')).statusCode).toBe(400);
    expect((await pull('after=%24%24')).statusCode).toBe(400);
    const empty = await pull('');
    expect(empty.json()).toMatchObject({ events: [], hasMore: false });
  });
});
