// One seed of the simulation: an organisation with 3–5 laptops (a supervisor, one or two mediators, some
// users on two laptops), skewed clocks (one laptop, sometimes, beyond the hub's drift guard), random case
// work written offline and online, syncs in random order through the fault layer, kills and restarts,
// late copies of requests. Then the network heals and everyone syncs; the checker compares everything.
import type { Draft } from '../../renderer/data/writer';
import type { CaseState } from '#shared/case/state';
import { checkWorld, type Expectations } from './check';
import { DEFAULT_FAULTS, NO_FAULTS, faultWiring, type Broken, type FaultRates, type Net } from './faults';
import { mulberry32, type Rng } from './prng';
import { deliver, enrolLaptop, newOrg, newUser, restart, syncOnce, type Laptop, type SimHub } from './world';

/** How big a seed's world is: laptops and writes, each drawn uniformly from the range. */
export type SeedSize = { laptops: readonly [number, number]; writes: readonly [number, number] };
/** The CI default: small enough for 1,000 seeds in the unit run. */
export const SMALL: SeedSize = { laptops: [3, 5], writes: [8, 20] };
/** `SIM_SIZE=large`: longer offline stretches, more conflicts per seed. */
export const LARGE: SeedSize = { laptops: [3, 5], writes: [10, 40] };

export type SimOptions = { faults?: FaultRates; broken?: Broken; trace?: string[]; size?: SeedSize };

export type SeedStats = {
  laptops: number;
  writes: number;
  syncs: number;
  kills: number;
  restarts: number;
  droppedRequests: number;
  droppedAnswers: number;
  duplicated: number;
  late: number;
  conflicts: number;
  setAside: number;
  driftRefusals: number;
};

export type SeedResult = { seed: number; violations: string[]; stats: SeedStats };

const MINUTE = 60_000;
/** The hub refuses events whose claimed time is more than this ahead of its clock (hub DEFAULT_LIMITS). */
export const HUB_DRIFT_MS = 5 * MINUTE;

const NAMES = ['张三', '李四', '王五', '赵六', '某建筑公司', '某餐饮公司'];
const PHONES = ['13800000001', '13800000002', '13900000003', '13700000004'];

export async function runSeed(hub: SimHub, seed: number, opts: SimOptions = {}): Promise<SeedResult> {
  const rng = mulberry32(seed);
  const idRng = hub.reseed(rng.fork());
  const net: Net = {
    rates: opts.faults ?? DEFAULT_FAULTS,
    late: [],
    counters: { droppedRequests: 0, droppedAnswers: 0, duplicated: 0, late: 0, kills: 0, rejections: [] },
    ...(opts.trace ? { trace: opts.trace } : {}),
  };
  const faultRng = rng.fork();
  const work = rng.fork();
  const wiring = faultWiring(hub, faultRng, net, opts.broken ?? null);

  const org = await newOrg(hub, seed);
  const supervisor = await newUser(hub, org, '赵主任', ['supervisor']);
  const mediators = [await newUser(hub, org, '王调解', ['mediator'])];
  if (rng.chance(0.5)) mediators.push(await newUser(hub, org, '李调解', ['mediator']));
  const users = [supervisor, ...mediators];

  const size = opts.size ?? SMALL;
  const count = rng.int(size.laptops[0], size.laptops[1]);
  const drifted = rng.chance(0.35) ? rng.int(0, count - 1) : -1;
  const laptops: Laptop[] = [];
  for (let i = 0; i < count; i++) {
    const user = i === 0 ? supervisor : i === 1 ? (mediators[0] ?? supervisor) : rng.pick(users);
    const skewMs =
      i === drifted
        ? rng.int(HUB_DRIFT_MS + MINUTE, HUB_DRIFT_MS + 7 * MINUTE)
        : rng.int(-10 * MINUTE, 4 * MINUTE);
    laptops.push(
      await enrolLaptop(hub, {
        name: `laptop${String(i)}`,
        user,
        supervisor: user === supervisor,
        skewMs,
        rng: idRng,
        wiring,
      }),
    );
  }

  const violations: string[] = [];
  const stats: SeedStats = {
    laptops: count,
    writes: 0,
    syncs: 0,
    kills: 0,
    restarts: 0,
    droppedRequests: 0,
    droppedAnswers: 0,
    duplicated: 0,
    late: 0,
    conflicts: 0,
    setAside: 0,
    driftRefusals: 0,
  };
  const expect: Expectations = { forbiddenWrites: new Set() };

  const sync = async (l: Laptop): Promise<void> => {
    stats.syncs++;
    const outcome = await syncOnce(l);
    if (outcome === 'killed') {
      stats.kills++;
      await restart(hub, l, idRng);
      return;
    }
    if (outcome.ok) return;
    const f = outcome.failure;
    // A run may end on the network (offline, lost answers past the retries); nothing else is expected.
    if (f.kind !== 'network') violations.push(`${l.name}: sync failed unexpectedly: ${JSON.stringify(f)}`);
  };

  const target = work.int(size.writes[0], size.writes[1]);
  for (let step = 0; stats.writes < target && step < 400; step++) {
    hub.clock.now += work.int(0, 60_000);
    const roll = work.next();
    const l = work.pick(laptops);
    if (roll < 0.5) {
      await write(l, work, mediators, expect, violations);
      stats.writes++;
    } else if (roll < 0.8) {
      await sync(l);
    } else if (roll < 0.88) {
      l.offline = !l.offline;
    } else if (roll < 0.93) {
      stats.restarts++;
      await restart(hub, l, idRng);
    } else if (net.late.length > 0) {
      const i = work.int(0, net.late.length - 1);
      const [req] = net.late.splice(i, 1);
      if (req) await deliver(hub.app, req);
    }
  }

  // The network settles: every held-back copy arrives, every laptop comes online, no more faults.
  for (const req of net.late.splice(0)) await deliver(hub.app, req);
  net.rates = NO_FAULTS;
  for (const l of laptops) l.offline = false;
  // One calm sync each: every laptop within the drift guard must empty its outbox; the one beyond it
  // must keep its refused events, each with the reason shown (never dropped, never half-sent).
  for (const l of laptops) await sync(l);
  await checkDriftSurfaced(hub, laptops, violations);
  // Its clock is still ahead, but the hub's time catches up with the stamps it wrote: it pushes first,
  // then everyone pulls once. Nothing else is left to push (the calm sync emptied every other outbox), so
  // this must converge; the checker says whether it did.
  hub.clock.now += HUB_DRIFT_MS + 8 * MINUTE;
  const lagging = laptops[drifted];
  for (const l of lagging ? [lagging, ...laptops] : laptops) await sync(l);

  stats.droppedRequests = net.counters.droppedRequests;
  stats.droppedAnswers = net.counters.droppedAnswers;
  stats.duplicated = net.counters.duplicated;
  stats.late = net.counters.late;
  stats.driftRefusals = net.counters.rejections.filter((r) => r.reason.startsWith('clock_drift')).length;
  for (const r of net.counters.rejections)
    if (!r.reason.startsWith('clock_drift'))
      violations.push(`${r.laptop}: event ${r.id} refused for a passing cause: ${r.reason}`);
  const checked = await checkWorld(hub, laptops, expect);
  violations.push(...checked.violations);
  stats.conflicts = checked.conflicts;
  stats.setAside = checked.setAside;
  for (const l of laptops) l.app.store.close();
  return { seed, violations, stats };
}

/** After a calm sync: an outbox that is not empty must be the drifted laptop's, its head refused for clock_drift. */
async function checkDriftSurfaced(
  hub: SimHub,
  laptops: readonly Laptop[],
  violations: string[],
): Promise<void> {
  for (const l of laptops) {
    const pending = await l.app.local.pending(1000);
    const head = pending[0];
    if (!head) continue;
    const ahead = Date.parse(head.event.at.wall) - hub.clock.now;
    if (ahead <= HUB_DRIFT_MS) {
      violations.push(
        `${l.name}: ${String(pending.length)} events still queued after a calm sync (head ${head.event.id}: ${head.lastError ?? 'never refused'})`,
      );
      continue;
    }
    if (!head.lastError?.startsWith('clock_drift'))
      violations.push(
        `${l.name}: head ${head.event.id} is ${String(ahead)} ms ahead of the hub but shows no clock_drift reason (${head.lastError ?? 'none'})`,
      );
    for (const p of pending) {
      const onHub = await hub.storage.q.findEvent(p.event.id);
      if (onHub) violations.push(`${l.name}: refused event ${p.event.id} is on the hub`);
    }
  }
}

/** One random piece of case work on the laptop (it writes only to cases it holds, as the app does). */
async function write(
  l: Laptop,
  rng: Rng,
  mediators: readonly { id: string }[],
  expect: Expectations,
  violations: string[],
): Promise<void> {
  const store = l.app.store;
  const author = await store.author();
  if (!author) throw new Error(`${l.name} is not enrolled`);
  const cases = (await store.allCaseStates()).filter(
    (s): s is CaseState & { caseId: string } => s.caseId !== null,
  );
  const newId = store.newId;
  let draft: Draft;
  const c = cases.length > 0 && !rng.chance(0.15) ? rng.pick(cases) : null;
  if (c === null) {
    draft = {
      caseId: newId(),
      type: 'case.opened',
      payload: {
        kind: 'mediation',
        tempNumber: await store.nextTempNumber(author),
        channel: 'mobile',
        disputeCategories: ['wage_arrears'],
        caseCause: '追索劳动报酬',
        collective: false,
        receivedAt: new Date(store.ctx.now()).toISOString(),
      },
    };
  } else {
    const caseId = c.caseId;
    const open = c.conflicts.filter((x) => x.open);
    const options: (() => Draft | null)[] = [
      () => ({
        caseId,
        type: 'party.added',
        payload: {
          partyId: newId(),
          role: rng.chance(0.5) ? 'applicant' : 'respondent',
          kind: 'worker',
          name: rng.pick(NAMES),
        },
      }),
      () => ({
        caseId,
        type: 'claim.added',
        payload: { claimId: newId(), item: 'WAGE_ARREARS', amountClaimedFen: rng.int(1, 5000) * 100 },
      }),
      () => ({
        caseId,
        type: 'note.recorded',
        payload: {
          noteId: newId(),
          method: 'five_heart',
          stage: rng.int(1, 5),
          fields: { emotion: rng.int(1, 5) },
        },
      }),
      // Concurrent corrections of the same field on several laptops: the later HLC wins everywhere.
      () => {
        if (c.parties.length === 0) return null;
        const p = rng.pick(c.parties);
        return {
          caseId,
          type: 'party.corrected',
          payload: {
            corrects: p.eventId,
            partyId: p.partyId,
            changes: rng.chance(0.5) ? { phone: rng.pick(PHONES) } : { name: rng.pick(NAMES) },
            reason: '当事人更正',
          },
        };
      },
      () => {
        if (c.claims.length === 0) return null;
        const k = rng.pick(c.claims);
        return {
          caseId,
          type: 'claim.corrected',
          payload: {
            corrects: k.eventId,
            claimId: k.claimId,
            changes: { amountClaimedFen: rng.int(1, 5000) * 100 },
            reason: '核对工资表',
          },
        };
      },
      // Two laptops closing the same case while apart: a closure conflict, surfaced everywhere.
      () =>
        c.closure !== null
          ? null
          : {
              caseId,
              type: 'case.closed',
              payload: {
                closureType: 'mediated_performed',
                closedAt: new Date(store.ctx.now()).toISOString(),
                summary: '调解成功并已履行',
              },
            },
      () => {
        const x = open[0];
        if (!x) return null;
        return {
          caseId,
          type: 'conflict.resolved',
          payload: {
            conflictId: x.id,
            keep: rng.chance(0.2) ? null : rng.pick(x.eventIds),
            reason: '经核实保留一条',
          },
        };
      },
      () =>
        l.supervisor && mediators.length > 0
          ? {
              caseId,
              type: 'case.assigned',
              payload: { assigneeId: rng.pick(mediators).id, conflictCheckDone: true },
            }
          : null,
    ];
    const weights = [3, 3, 2, 3, 2, 2, 3, 2];
    let chosen: Draft | null = null;
    // Rarely an event the hub refuses for good (only the hub numbers cases): it must be set aside, shown,
    // and the laptop's later events re-linked and accepted.
    if (rng.chance(0.03)) {
      chosen = {
        caseId,
        type: 'case.numbered',
        payload: { caseNumber: '模仲字〔2026〕第1号', year: 2026, seq: 1 },
      };
    }
    for (let tries = 0; chosen === null && tries < 10; tries++) {
      const total = weights.reduce((a, b) => a + b, 0);
      let x = rng.next() * total;
      let pickIndex = 0;
      for (const [i, w] of weights.entries()) {
        x -= w;
        if (x < 0) {
          pickIndex = i;
          break;
        }
      }
      chosen = options[pickIndex]?.() ?? null;
    }
    draft = chosen ?? {
      caseId,
      type: 'note.recorded',
      payload: { noteId: newId(), method: 'five_heart', stage: 1, fields: {} },
    };
  }
  const r = await store.write(author, [draft]);
  if (!r.ok) {
    violations.push(`${l.name}: local write of ${draft.type} refused: ${r.error.message}`);
    return;
  }
  if (draft.type === 'case.numbered') for (const e of r.value) expect.forbiddenWrites.add(e.id);
}
