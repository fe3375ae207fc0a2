// Two hub processes on one PostgreSQL database serve devices at once (issue #7): four devices push
// concurrently, each batch to either hub and some batches to both at the same moment (a retry that
// went to the other process). Every event is stored exactly once, every device chain is intact and
// verifies with the keys pull gives, and official case numbers are distinct and gapless. Each hub has
// its own connection pool and id stream; the database's advisory lock is the only thing they share.
// PostgreSQL only (HUB_TEST_PG_URL, as CI sets it): two SQLite writers in one Node process would block
// each other's synchronous driver, and the embedded SQLite hub is documented as one process. Defined
// here and called from api-push.test.ts, so a run without PostgreSQL still has a test file with tests.
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
import { importPublicKeyJwk } from '#shared/events/signing';
import { verifyEventLog } from '#shared/events/verify';
import type { Jwk } from '#shared/sync/wire';
import { BACKENDS } from './backends';
import { testDevice, type TestDevice } from './devices';
import { bearer, startHub, type Harness } from './harness';

type Answer = { id: string; status: string; reason?: string };

async function push(h: Harness, d: TestDevice, events: CaseEvent[]): Promise<Answer[]> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/v1/sync/push',
    headers: bearer(d.enrolled.token),
    payload: { events },
  });
  if (res.statusCode !== 200) throw new Error(`push ${String(res.statusCode)} ${res.body}`);
  return res.json<{ results: Answer[] }>().results;
}

async function pullAll(
  h: Harness,
  d: TestDevice,
): Promise<{ events: CaseEvent[]; keys: Record<string, Jwk> }> {
  const events: CaseEvent[] = [];
  const keys: Record<string, Jwk> = {};
  let after = '';
  for (;;) {
    const res = await h.app.inject({
      method: 'GET',
      url: `/v1/sync/pull?after=${after}&limit=50`,
      headers: bearer(d.enrolled.token),
    });
    const page = res.json<{
      events: CaseEvent[];
      keys: Record<string, Jwk>;
      cursor: string;
      hasMore: boolean;
    }>();
    events.push(...page.events);
    Object.assign(keys, page.keys);
    after = page.cursor;
    if (!page.hasMore) return { events, keys };
  }
}

export const describeTwoHubs = (): void => {
  describe.each(BACKENDS.filter((b) => b.name === 'postgres'))(
    'two hubs on one $name database',
    ({ config }) => {
      it('serve four devices at once: nothing lost or doubled, chains intact, numbers gapless', async () => {
        const shared = config();
        const h1 = await startHub(shared);
        const h2 = await startHub(shared, {}, 8);
        try {
          const org = await h1.org('荆门市劳动人事争议仲裁院');
          const users = await Promise.all(
            ['甲', '乙', '丙', '丁'].map((n) => h1.user(org, `${n}仲裁`, ['arbitrator'])),
          );
          const devices: TestDevice[] = [];
          for (const [i, u] of users.entries())
            devices.push(await testDevice(i % 2 === 0 ? h1 : h2, u, 'arbitrator'));
          const supervisor = await testDevice(h2, await h2.user(org, '赵主任', ['supervisor']), 'supervisor');

          // Each device: 3 cases, each opened, accepted and noted; pushed in batches of 2.
          const batches: CaseEvent[][][] = [];
          for (const d of devices) {
            const mine: CaseEvent[] = [];
            for (let c = 0; c < 3; c++) {
              const caseId = h1.ids();
              mine.push(await d.emit(caseId, 'case.opened'));
              mine.push(await d.emit(caseId, 'case.accepted', {}));
              mine.push(await d.emit(caseId, 'note.recorded', { stage: 1 }));
            }
            const chunks: CaseEvent[][] = [];
            for (let i = 0; i < mine.length; i += 2) chunks.push(mine.slice(i, i + 2));
            batches.push(chunks);
          }
          const sent = batches.flat(2);

          const answers = await Promise.all(
            devices.map(async (d, di) => {
              const out: Answer[] = [];
              for (const [bi, batch] of (batches[di] ?? []).entries()) {
                const hub = (di + bi) % 2 === 0 ? h1 : h2;
                if (bi % 3 === 1) {
                  // The same batch to both processes at once: one stores it, the other says duplicate.
                  const [x, y] = await Promise.all([push(h1, d, batch), push(h2, d, batch)]);
                  for (const [i, a] of x.entries()) {
                    const b = y[i];
                    expect([a.status, b?.status].sort()).toEqual(['accepted', 'duplicate']);
                  }
                  out.push(...x);
                } else {
                  out.push(...(await push(hub, d, batch)));
                }
              }
              return out;
            }),
          );
          expect(answers.flat().filter((a) => a.status === 'rejected')).toEqual([]);

          const { events, keys } = await pullAll(h1, supervisor);
          const ids = events.map((e) => e.id);
          expect(new Set(ids).size).toBe(ids.length);
          const numbered = events.filter((e) => e.type === 'case.numbered');
          const own = events.filter((e) => e.type !== 'case.numbered');
          expect(own.map((e) => e.id).sort()).toEqual(sent.map((e) => e.id).sort());
          expect(numbered.map((e) => (e.payload as { seq: number }).seq).sort((a, b) => a - b)).toEqual(
            Array.from({ length: 12 }, (_, i) => i + 1),
          );
          expect(await h1.storage.q.lastHubSeq()).toBe(events.length);

          const crypto = new Map<string, CryptoKey>();
          for (const [id, jwk] of Object.entries(keys)) {
            const k = await importPublicKeyJwk(jwk);
            if (k) crypto.set(id, k);
          }
          // Device chains are complete here (every event of the devices is visible to the supervisor).
          const report = await verifyEventLog(own, crypto);
          expect(report.issues).toEqual([]);
          // The hub's own chain (case numbers from both processes) links too.
          expect((await verifyEventLog(numbered, crypto)).issues).toEqual([]);
          const again = await pullAll(h2, supervisor);
          expect(again.events.map((e) => e.id)).toEqual(ids);
        } finally {
          await h1.close();
          await h2.close();
        }
      });
    },
  );
};
