// Regression found by the simulation (seed 61): a laptop whose clock runs more than the drift bound behind
// the opener's did not adopt the opening's HLC stamp when it pulled the case, so its closure sorted BEFORE
// the case was opened: a `not_opened` problem on every replica instead of the closure conflict it makes
// with the opener's own closure. The laptop now measures drift from the hub's time given with the page.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/reduce';
import { parseCaseEvent } from '#shared/events/parse';
import type { CaseEvent } from '#shared/events/envelope';
import { NO_FAULTS, faultWiring, type Net } from './faults';
import { mulberry32 } from './prng';
import { enrolLaptop, newOrg, newUser, startSimHub, syncOnce, type Laptop, type SimHub } from './world';

const MINUTE = 60_000;
let hub: SimHub;
beforeAll(async () => {
  hub = await startSimHub();
});
afterAll(async () => {
  await hub.close();
});

async function write(l: Laptop, caseId: string, type: 'case.opened' | 'case.closed'): Promise<void> {
  const author = await l.app.store.author();
  if (!author) throw new Error('not enrolled');
  const at = new Date(l.app.store.ctx.now()).toISOString();
  const r = await l.app.store.write(author, [
    type === 'case.opened'
      ? {
          caseId,
          type,
          payload: {
            kind: 'mediation',
            tempNumber: await l.app.store.nextTempNumber(author),
            channel: 'mobile',
            disputeCategories: ['wage_arrears'],
            caseCause: '追索劳动报酬',
            collective: false,
            receivedAt: at,
          },
        }
      : {
          caseId,
          type,
          payload: { closureType: 'mediated_performed', closedAt: at, summary: '调解成功并已履行' },
        },
  ]);
  if (!r.ok) throw new Error(r.error.message);
}

async function synced(l: Laptop): Promise<void> {
  const r = await syncOnce(l);
  if (r === 'killed' || !r.ok) throw new Error(`sync failed: ${JSON.stringify(r)}`);
}

it(
  'a laptop 10 min behind still writes after what it pulled: two closures conflict on every replica',
  { timeout: 120_000 },
  async () => {
    const rng = mulberry32(61);
    const ids = hub.reseed(rng);
    const net: Net = {
      rates: NO_FAULTS,
      late: [],
      counters: { droppedRequests: 0, droppedAnswers: 0, duplicated: 0, late: 0, kills: 0, rejections: [] },
    };
    const wiring = faultWiring(hub, rng, net, null);
    const org = await newOrg(hub, 61);
    const sup = await newUser(hub, org, '赵主任', ['supervisor']);
    const med = await newUser(hub, org, '王调解', ['mediator']);
    const ahead = await enrolLaptop(hub, {
      name: 'ahead',
      user: med,
      supervisor: false,
      skewMs: 4 * MINUTE,
      rng: ids,
      wiring,
    });
    const behind = await enrolLaptop(hub, {
      name: 'behind',
      user: sup,
      supervisor: true,
      skewMs: -10 * MINUTE,
      rng: ids,
      wiring,
    });

    const caseId = ahead.app.store.newId();
    await write(ahead, caseId, 'case.opened');
    hub.clock.now += MINUTE;
    await synced(ahead);
    await synced(behind);
    hub.clock.now += MINUTE;
    await write(behind, caseId, 'case.closed');
    await write(ahead, caseId, 'case.closed');
    for (const l of [behind, ahead, behind]) await synced(l);

    const rows = await hub.storage.q.caseEvents(caseId);
    const events: CaseEvent[] = rows.map((r) => {
      const p = parseCaseEvent(JSON.parse(r.body));
      if (!p.ok) throw new Error('stored event does not parse');
      return p.value;
    });
    expect(events.map((e) => e.type).sort()).toEqual(['case.closed', 'case.closed', 'case.opened']);
    const opened = events.find((e) => e.type === 'case.opened');
    const behindClosure = events.find(
      (e) => e.type === 'case.closed' && e.actor.deviceId === behind.deviceId,
    );
    // What the lagging laptop wrote after pulling the case sorts after the opening.
    expect(opened && behindClosure && behindClosure.at.hlc > opened.at.hlc).toBe(true);
    const state = reduceCase(events);
    expect(state.problems).toEqual([]);
    expect(state.inConflict).toBe(true);
    expect(state.conflicts.map((c) => [c.kind, c.eventIds.length])).toEqual([['closure', 2]]);
    for (const l of [ahead, behind]) {
      const mine = await l.app.store.caseState(caseId);
      expect(mine?.conflicts.map((c) => c.id)).toEqual(state.conflicts.map((c) => c.id));
      expect((await l.app.local.status()).driftFlags).toEqual([]);
    }
  },
);
