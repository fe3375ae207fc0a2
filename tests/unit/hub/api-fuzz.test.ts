// R22: generated malformed and hostile bodies never get a 5xx and never store anything.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse } from '#shared/sync/wire';
import { BACKENDS } from './support/backends';
import { bearer, startHub, type Harness } from './support/harness';

const sqlite = BACKENDS[0];

describe('hub fuzz (sqlite)', () => {
  let h: Harness;
  let dev: EnrollResponse;
  beforeAll(async () => {
    if (!sqlite) throw new Error('no sqlite backend');
    h = await startHub(sqlite.config(), { syncPerMinute: 1_000_000, authPerMinute: 1_000_000 });
    dev = await h.enroll(await h.user(await h.org('仲裁院'), '王', ['mediator']));
  });
  afterAll(async () => {
    await h.close();
  });

  const routes = ['/v1/sync/push', '/v1/devices/enroll', '/v1/devices/token'];
  const hostile = fc.oneof(
    fc.json(),
    fc.string(),
    fc.jsonValue().map((v) => JSON.stringify({ events: [v] })),
    fc
      .jsonValue()
      .map((v) =>
        JSON.stringify({ events: [{ __proto__: v, id: 'x' }] }).replace('"id"', '"__proto__":{},"id"'),
      ),
    fc.nat(5000).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
    fc.constant('{"events":[1e309]}'),
  );

  it('answers every generated body with a 2xx or 4xx and stores no event', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), hostile, async (url, payload) => {
        const res = await h.app.inject({
          method: 'POST',
          url,
          headers: { ...bearer(dev.token), 'content-type': 'application/json' },
          payload,
        });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) expect(typeof res.json<{ error: string }>().error).toBe('string');
      }),
      { numRuns: 300, seed: 20261128 },
    );
    expect(await h.storage.q.lastHubSeq()).toBe(0);
  });
});
