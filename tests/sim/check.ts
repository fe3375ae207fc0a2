// The checker, run after the final sync of everyone. It reads the hub's storage directly and each laptop's
// store, and names every difference:
//  - nothing queued, nothing quarantined; only events the hub refuses for good are set aside, each with
//    its reason, and none of them is on the hub;
//  - every event a laptop saw acknowledged is on the hub exactly once, with the hash the laptop sent;
//  - the hub holds each event once and each device's chain on the hub is gapless;
//  - each laptop holds exactly the cases the hub lets its user see, with the same events, and its reduced
//    state (shared/case reduceCase) equals the hub's; its stored projection equals the reduction of what
//    it holds; the caseload row says 冲突 exactly when the state has an open conflict;
//  - every conflict the hub's events make is detected (two closures of one case always conflict) and
//    present, identically, on every laptop that sees the case.
import { reduceCase } from '#shared/case/reduce';
import type { CaseState } from '#shared/case/state';
import type { CaseEvent } from '#shared/events/envelope';
import { parseCaseEvent } from '#shared/events/parse';
import { SET_ASIDE_REASONS } from '../../renderer/sync/push';
import type { Laptop, SimHub } from './world';

export type Expectations = {
  /** Ids of events written that the hub must refuse for good (set aside on the laptop). */
  forbiddenWrites: Set<string>;
};

export type CheckReport = { violations: string[]; conflicts: number; setAside: number };

/** JSON with sorted keys, so two states compare by content only. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x === null || typeof x !== 'object' || Array.isArray(x)) return x;
    const o = x as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    );
  });
}

/** The first path where two JSON values differ (for a readable message). */
function firstDiff(a: unknown, b: unknown, path = 'state'): string {
  if (stableJson(a) === stableJson(b)) return '';
  return diffPath(a, b, path);
}

function diffPath(a: unknown, b: unknown, path: string): string {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
      const d = firstDiff(ao[k], bo[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  const show = (x: unknown): string => (x === undefined ? 'undefined' : stableJson(x)).slice(0, 160);
  return `${path}: ${show(a)} ≠ ${show(b)}`;
}

async function hubCaseEvents(hub: SimHub, caseId: string, violations: string[]): Promise<CaseEvent[]> {
  const rows = await hub.storage.q.caseEvents(caseId);
  const out: CaseEvent[] = [];
  for (const r of rows) {
    const p = parseCaseEvent(JSON.parse(r.body));
    if (!p.ok) violations.push(`hub: stored event ${r.id} does not parse`);
    else out.push(p.value);
  }
  return out;
}

export async function checkWorld(
  hub: SimHub,
  laptops: readonly Laptop[],
  expect: Expectations,
): Promise<CheckReport> {
  const violations: string[] = [];
  let setAsideCount = 0;

  // Every case any laptop holds or the organisation's supervisors see, with the hub's events.
  const sup = laptops[0]?.user;
  const caseIds = new Set<string>();
  if (sup)
    for (const c of await hub.storage.q.visibleCases({ userId: sup.id, orgId: sup.orgId, supervisor: true }))
      caseIds.add(c.caseId);
  for (const l of laptops)
    for (const s of await l.app.store.allCaseStates()) if (s.caseId) caseIds.add(s.caseId);
  const hubEvents = new Map<string, CaseEvent[]>();
  const hubStates = new Map<string, CaseState>();
  const hubJson = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const caseId of [...caseIds].sort()) {
    const events = await hubCaseEvents(hub, caseId, violations);
    hubEvents.set(caseId, events);
    const state = reduceCase(events);
    hubStates.set(caseId, state);
    hubJson.set(caseId, stableJson(state));
    for (const e of events) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
  }
  for (const [id, n] of seen) if (n > 1) violations.push(`hub: event ${id} stored ${String(n)} times`);

  // Conflicts: two closures of a case always make a closure conflict (every closure after the first,
  // in HLC order and before any resolution, is named by one, and the case is in conflict).
  let conflicts = 0;
  for (const [caseId, events] of hubEvents) {
    const state = hubStates.get(caseId);
    if (!state) continue;
    conflicts += state.conflicts.length;
    const closures = events
      .filter((e) => e.type === 'case.closed')
      .sort((a, b) => (a.at.hlc < b.at.hlc ? -1 : a.at.hlc > b.at.hlc ? 1 : a.id < b.id ? -1 : 1));
    // Before anyone resolves anything (a resolution keeping no closure lets a later one stand alone).
    const resolvedAt = events
      .filter((e) => e.type === 'conflict.resolved')
      .reduce<string | null>((min, e) => (min === null || e.at.hlc < min ? e.at.hlc : min), null);
    const unresolved = closures.filter((e) => resolvedAt === null || e.at.hlc < resolvedAt);
    for (const e of unresolved.slice(1))
      if (!state.conflicts.some((c) => c.kind === 'closure' && c.eventIds.includes(e.id)))
        violations.push(`hub case ${caseId}: closure ${e.id} after another closure raised no conflict`);
    if (resolvedAt === null && closures.length > 1 && !state.inConflict)
      violations.push(
        `hub case ${caseId}: ${String(closures.length)} closures and nobody resolved them, yet not in conflict`,
      );
  }

  for (const l of laptops) {
    const who = l.name;
    const local = l.app.local;
    if ((await local.pendingCount()) > 0)
      violations.push(
        `${who}: ${String(await local.pendingCount())} events still queued after the final sync`,
      );
    const q = await local.quarantined();
    for (const x of q) violations.push(`${who}: event ${x.id} quarantined (${x.why}: ${x.detail})`);

    const aside = await local.setAsideList();
    setAsideCount += aside.length;
    const asideIds = new Set(aside.map((p) => p.event.id));
    for (const p of aside) {
      const reason = p.lastError?.split(':')[0] ?? '';
      if (!SET_ASIDE_REASONS.includes(reason))
        violations.push(
          `${who}: event ${p.event.id} set aside without a lasting reason (${p.lastError ?? 'none'})`,
        );
      if (!expect.forbiddenWrites.has(p.event.id))
        violations.push(
          `${who}: acceptable event ${p.event.id} (${p.event.type}) was set aside: ${p.lastError ?? ''}`,
        );
      if (await hub.storage.q.findEvent(p.event.id))
        violations.push(`${who}: set-aside event ${p.event.id} is on the hub`);
    }

    // Acknowledged means on the hub, once, as sent.
    for (const [id, hash] of l.acked) {
      const stored = await hub.storage.q.findEvent(id);
      if (!stored) violations.push(`${who}: acknowledged event ${id} is not on the hub`);
      else if (stored.hash !== hash)
        violations.push(`${who}: acknowledged event ${id} is on the hub with other content`);
      if ((seen.get(id) ?? 0) > 1)
        violations.push(`${who}: acknowledged event ${id} is on the hub ${String(seen.get(id))} times`);
    }

    // This device's chain on the hub: 1..lastSeq, each once.
    const device = await hub.storage.q.getDevice(l.deviceId);
    const mine = [...hubEvents.values()]
      .flat()
      .filter((e) => e.actor.deviceId === l.deviceId)
      .map((e) => e.deviceSeq)
      .sort((a, b) => a - b);
    if (!device) violations.push(`${who}: device unknown to the hub`);
    else if (device.revokedAt !== null) violations.push(`${who}: device was revoked`);
    else if (mine.length !== device.lastSeq || mine.some((s, i) => s !== i + 1))
      violations.push(`${who}: chain on the hub is not 1..${String(device.lastSeq)}: [${mine.join(',')}]`);

    // Same cases as the hub lets this user see, same events, same state.
    const visible = new Set(
      (
        await hub.storage.q.visibleCases({ userId: l.user.id, orgId: l.user.orgId, supervisor: l.supervisor })
      ).map((c) => c.caseId),
    );
    const held = new Set((await l.app.store.allCaseStates()).flatMap((s) => (s.caseId ? [s.caseId] : [])));
    for (const id of visible)
      if (!held.has(id)) violations.push(`${who}: misses case ${id} its user may see`);
    for (const id of held)
      if (!visible.has(id)) violations.push(`${who}: holds case ${id} the hub does not show its user`);

    for (const caseId of [...held].sort()) {
      const read = await l.app.store.caseEvents(caseId);
      if (!read.ok) {
        violations.push(`${who}: cannot read case ${caseId}: ${read.error.message}`);
        continue;
      }
      const all = read.value;
      const kept = all.filter((e) => !asideIds.has(e.id));
      const theirs = hubEvents.get(caseId) ?? [];
      const mineIds = new Map(kept.map((e) => [e.id, e.hash]));
      const hubIds = new Map(theirs.map((e) => [e.id, e.hash]));
      for (const [id, h] of hubIds)
        if (!mineIds.has(id)) violations.push(`${who}: case ${caseId} misses hub event ${id}`);
        else if (mineIds.get(id) !== h)
          violations.push(`${who}: case ${caseId} holds event ${id} with other content than the hub`);
      for (const id of mineIds.keys())
        if (!hubIds.has(id))
          violations.push(`${who}: case ${caseId} holds event ${id} the hub does not have`);

      const expected = hubStates.get(caseId) ?? reduceCase(theirs);
      const mineState = reduceCase(kept);
      if (stableJson(mineState) !== (hubJson.get(caseId) ?? stableJson(expected)))
        violations.push(
          `${who}: case ${caseId} state differs from the hub's: ${firstDiff(mineState, expected)}`,
        );
      for (const c of expected.conflicts)
        if (!mineState.conflicts.some((x) => x.id === c.id && x.open === c.open))
          violations.push(`${who}: case ${caseId} does not show conflict ${c.id} (${c.kind})`);

      const stored = await l.app.store.caseState(caseId);
      const projected = kept.length === all.length ? mineState : reduceCase(all);
      if (stableJson(stored) !== stableJson(projected))
        violations.push(
          `${who}: case ${caseId} stored projection differs from its events: ${firstDiff(JSON.parse(stableJson(stored)), JSON.parse(stableJson(projected)))}`,
        );
      const [row] = await l.app.store.summaries([caseId]);
      if (!row) violations.push(`${who}: case ${caseId} has no caseload row`);
      else if (row.inConflict !== projected.inConflict)
        violations.push(
          `${who}: case ${caseId} caseload row inConflict=${String(row.inConflict)} but the state says ${String(projected.inConflict)}`,
        );
    }
  }
  return { violations, conflicts, setAside: setAsideCount };
}
