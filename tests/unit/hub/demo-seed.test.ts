// seed-demo: a small demo world pushed through the hub's real enrollment and push paths. The supervisor
// pulls it like a laptop would; reduced cases are plausible, and the hub's report and shared/stats agree.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reduceCase, type CaseState } from '#shared/case/index';
import type { CaseEvent } from '#shared/events/envelope';
import { parseCaseEvent } from '#shared/events/parse';
import { exportPublicKeyJwk, generateDeviceKeyPair } from '#shared/events/signing';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { validateCreditCode, validateResidentId } from '#shared/law/identifiers';
import { computeStats, drillCases, summarizeReport, type DrillPage } from '#shared/stats/index';
import type { CaseloadResponse, EnrollResponse } from '#shared/sync/wire';
import { createUuidV7 } from '#shared/util/ids';
import { buildHub } from '../../../hub/src/app';
import { seedDemo, type SeedResult } from '../../../hub/src/demo/seed';
import { openStorage } from '../../../hub/src/storage/open';
import type { Storage } from '../../../hub/src/storage/types';

const NOW = Date.UTC(2026, 10, 28, 2);
let storage: Storage;
let app: FastifyInstance;
let seeded: SeedResult;

const pulled = new Map<string, Promise<{ token: string; events: CaseEvent[] }>>();
/** Codes are single-use: each one is enrolled once and its pull remembered. */
function enrollAndPull(code: string): Promise<{ token: string; events: CaseEvent[] }> {
  const known = pulled.get(code) ?? enrollAndPullOnce(code);
  pulled.set(code, known);
  return known;
}

async function enrollAndPullOnce(code: string): Promise<{ token: string; events: CaseEvent[] }> {
  const keys = await generateDeviceKeyPair();
  const res = await app.inject({
    method: 'POST',
    url: '/v1/devices/enroll',
    payload: { code, deviceName: '测试', publicKey: await exportPublicKeyJwk(keys.publicKey) },
  });
  expect(res.statusCode).toBe(201);
  const { token } = res.json<EnrollResponse>();
  const events: CaseEvent[] = [];
  let after = '';
  for (;;) {
    const page = await app.inject({
      method: 'GET',
      url: `/v1/sync/pull?after=${after}&limit=1000`,
      headers: { authorization: `Bearer ${token}` },
    });
    const body = page.json<{ events: unknown[]; cursor: string; hasMore: boolean }>();
    for (const raw of body.events) {
      const p = parseCaseEvent(raw);
      if (!p.ok) throw new Error(JSON.stringify(p.error));
      events.push(p.value);
    }
    after = body.cursor;
    if (!body.hasMore) break;
  }
  return { token, events };
}

const reduceAll = (events: readonly CaseEvent[]): CaseState[] => {
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  return [...byCase.values()].map((es) => reduceCase(es));
};

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-seed-'));
  storage = await openStorage({ kind: 'sqlite', file: join(dir, 'hub.sqlite') });
  seeded = await seedDemo({ storage, blobDir: join(dir, 'blobs'), cases: 60, seed: 42, now: NOW });
  app = await buildHub({
    storage,
    blobDir: join(dir, 'blobs'),
    clock: () => NOW,
    ids: createUuidV7(() => NOW),
  });
}, 60_000);

afterAll(async () => {
  await app.close();
  await storage.close();
});

describe('seed-demo', () => {
  it('creates the three organisations, staff with their roles, and browser enrollment codes', () => {
    expect(Object.keys(seeded.orgs)).toEqual(['arbitration', 'union', 'court']);
    expect(seeded.users.map((u) => u.key)).toEqual([
      'supArb',
      'arb0',
      'arb1',
      'arb2',
      'supUnion',
      'med0',
      'med1',
      'med2',
      'court',
    ]);
    for (const u of seeded.users) expect(u.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
    expect(Object.keys(seeded.enrollCodes).sort()).toEqual(['arb0', 'court', 'med0', 'supArb', 'supUnion']);
    expect(seeded.caseIds).toHaveLength(60);
  });

  it('is deterministic: the same seed plans the same caseload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-seed2-'));
    const other = await openStorage({ kind: 'sqlite', file: join(dir, 'hub.sqlite') });
    const again = await seedDemo({ storage: other, blobDir: join(dir, 'b'), cases: 60, seed: 42, now: NOW });
    await other.close();
    expect(again.caseIds).toEqual(seeded.caseIds);
    expect(again.events).toBe(seeded.events);
  }, 60_000);

  it('the supervisors pull plausible, problem-free cases with valid identifiers and hub case numbers', async () => {
    const arb = reduceAll((await enrollAndPull(seeded.enrollCodes.supArb ?? '')).events);
    const union = reduceAll((await enrollAndPull(seeded.enrollCodes.supUnion ?? '')).events);
    // Failed mediations referred on to arbitration are visible to the commission too.
    const referredOn = arb.filter((s) => s.kind === 'mediation');
    for (const s of referredOn) expect(s.referrals.some((r) => r.target === 'arbitration')).toBe(true);
    expect(union.every((s) => s.kind === 'mediation')).toBe(true);
    const all = [...arb.filter((s) => s.kind === 'arbitration'), ...union];
    expect(new Set(all.map((s) => s.caseId)).size).toBe(60);
    for (const s of all) expect(s.problems).toEqual([]);
    const closureTypes = new Set(all.map((s) => s.closure?.closureType ?? 'open'));
    expect(closureTypes.size).toBeGreaterThanOrEqual(5);
    expect(all.some((s) => s.payments.length > 0)).toBe(true);
    expect(all.some((s) => s.sessions.some((x) => x.mobile))).toBe(true);
    for (const s of arb.filter((x) => x.kind === 'arbitration' && x.acceptedAt !== null))
      expect(s.numbers.official?.number).toMatch(/^荆劳人仲案字〔20\d\d〕第\d+号$/);
    for (const p of all.flatMap((s) => s.parties)) {
      const id = p.current.idNumber ?? '';
      const check =
        p.current.kind === 'worker'
          ? validateResidentId(id, { today: '2026-11-28' })
          : validateCreditCode(id);
      expect(check.status).toBe('valid');
    }
  });

  it('records approvals (suspensions, extensions) as the supervisor: no seeded event is one the hub refuses', async () => {
    const { events } = await enrollAndPull(seeded.enrollCodes.supArb ?? '');
    const approvals = events.filter((e) => e.type === 'case.suspended' || e.type === 'deadline.extended');
    expect(approvals.some((e) => e.type === 'case.suspended')).toBe(true);
    for (const e of approvals) expect(e.actor.role, e.type).toBe('supervisor');
  });

  it('the court sees the cases referred to it for judicial confirmation, with its answers', async () => {
    const court = reduceAll((await enrollAndPull(seeded.enrollCodes.court ?? '')).events);
    expect(court.length).toBeGreaterThan(0);
    for (const s of court) expect(s.referrals.some((r) => r.target === 'court_confirmation')).toBe(true);
  });

  it("the hub's caseload report and shared/stats over the same reduced cases give the same numbers", async () => {
    const { token, events } = await enrollAndPull(seeded.enrollCodes.supArb ?? '');
    const states = reduceAll(events);
    const cal = bundledHolidayCalendar();
    if (!cal.ok) throw new Error('calendar');
    const period = { from: '2025-11-01', to: '2026-11-28' };
    const stats = computeStats(states, {
      period,
      today: '2026-11-28',
      calendar: cal.value,
      groupBy: 'channel',
    });
    if (!stats.ok) throw new Error(stats.error.zh);
    for (const by of ['channel', 'category'] as const) {
      const res = await app.inject({
        method: 'GET',
        url: `/v1/reports/caseload?groupBy=${by}&withCases=true`,
        headers: { authorization: `Bearer ${token}` },
      });
      const hub = res.json<CaseloadResponse>();
      expect(hub.total).toBe(states.length);
      const local = new Map<string, string[]>();
      for (const s of states) {
        const key = (by === 'channel' ? s.channel : s.disputeCategories[0]) ?? 'unknown';
        local.set(key, [...(local.get(key) ?? []), s.caseId ?? ''].sort());
      }
      expect(new Map(hub.groups.map((g) => [g.key, [...(g.caseIds ?? [])].sort()]))).toEqual(local);
    }
    // shared/stats' own channel groups partition the same cases the hub grouped.
    expect(stats.value.groups.reduce((n, g) => n + g.caseIds.length, 0)).toBe(states.length);
    const k = stats.value.totals.kpis;
    expect(k.accepted.value).toBeGreaterThan(0);
    expect(k.closed.value).toBeGreaterThan(0);
    expect(k.amountRecoveredFen.value).toBeGreaterThan(0);
  });

  it('GET /v1/reports/kpis equals shared/stats over the pulled, reduced cases, KPI by KPI and group by group', async () => {
    const { token, events } = await enrollAndPull(seeded.enrollCodes.supArb ?? '');
    const cal = bundledHolidayCalendar();
    if (!cal.ok) throw new Error('calendar');
    const local = computeStats(reduceAll(events), {
      period: { from: '2026-01-01', to: '2026-11-28' },
      today: '2026-11-28',
      calendar: cal.value,
      groupBy: 'assignee',
      options: { closureRateFormula: 'cohort' },
    });
    if (!local.ok) throw new Error(local.error.zh);
    const res = await app.inject({
      method: 'GET',
      url: '/v1/reports/kpis?from=2026-01-01&to=2026-11-28&groupBy=assignee&formula=cohort',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    const { hubTime, ...hub } = res.json<Record<string, unknown>>();
    expect(hubTime).toBe(new Date(NOW).toISOString());
    // Counts only: the same numbers, every case-id list replaced by its length.
    expect(hub).toEqual(JSON.parse(JSON.stringify(summarizeReport(local.value))));
    expect(res.body).not.toContain('"caseIds"');
    expect(local.value.totals.kpis.closed.value).toBeGreaterThan(0);
    expect(local.value.groups.length).toBeGreaterThan(1);
  });

  it('GET /v1/reports/kpis/cases pages the cases behind every number exactly as the local drill-down', async () => {
    const { token, events } = await enrollAndPull(seeded.enrollCodes.supArb ?? '');
    const cal = bundledHolidayCalendar();
    if (!cal.ok) throw new Error('calendar');
    const local = computeStats(reduceAll(events), {
      period: { from: '2026-01-01', to: '2026-11-28' },
      today: '2026-11-28',
      calendar: cal.value,
      groupBy: 'assignee',
    });
    if (!local.ok) throw new Error(local.error.zh);
    const base = 'from=2026-01-01&to=2026-11-28&groupBy=assignee';
    /** Every case id of one number, fetched from the hub three at a time. */
    const fetchAll = async (q: string): Promise<string[]> => {
      const ids: string[] = [];
      for (let offset = 0; ; offset += 3) {
        const res = await app.inject({
          method: 'GET',
          url: `/v1/reports/kpis/cases?${base}&${q}&offset=${String(offset)}&limit=3`,
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.statusCode).toBe(200);
        const page = res.json<DrillPage>();
        ids.push(...page.caseIds);
        if (offset + 3 >= page.total) {
          expect(ids.length).toBe(page.total);
          return ids;
        }
      }
    };
    const t = local.value.totals;
    const drilled = [
      ['key=closed', t.kpis.closed.caseIds],
      ['key=amountRecoveredFen', t.kpis.amountRecoveredFen.caseIds],
      ['key=mediationSuccessRate&side=denominator', t.kpis.mediationSuccessRate.denominatorCaseIds ?? []],
      ...t.breakdowns.closedByType.map(
        (b) => [`key=${encodeURIComponent(b.kpi.key)}`, b.kpi.caseIds] as const,
      ),
    ] as const;
    for (const [q, expected] of drilled) expect(await fetchAll(q)).toEqual(expected);
    const group = local.value.groups[0];
    if (!group) throw new Error('no group');
    const g = `group=${encodeURIComponent(group.key)}`;
    expect(await fetchAll(`${g}&key=cases`)).toEqual(group.caseIds);
    expect(await fetchAll(`${g}&key=accepted`)).toEqual(group.set.kpis.accepted.caseIds);
    // The same page from the shared function the dashboard calls.
    const page = drillCases(local.value, { key: 'closed', offset: 0, limit: 3 });
    expect(page.ok && page.value.caseIds).toEqual(t.kpis.closed.caseIds.slice(0, 3));
    for (const [q, field] of [
      ['key=nope', 'key'],
      ['key=closed&side=denominator', 'side'],
      ['key=closed&group=nobody', 'group'],
    ] as const) {
      const bad = await app.inject({
        method: 'GET',
        url: `/v1/reports/kpis/cases?${base}&${q}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ field: string }>().field).toBe(field);
    }
    const tooMany = await app.inject({
      method: 'GET',
      url: `/v1/reports/kpis/cases?${base}&key=closed&limit=5000`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('GET /v1/reports/kpis refuses a period that ends before it begins, in Chinese', async () => {
    const { token } = await enrollAndPull(seeded.enrollCodes.supArb ?? '');
    const res = await app.inject({
      method: 'GET',
      url: '/v1/reports/kpis?from=2026-03-01&to=2026-02-01',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ field: string; message: string }>()).toMatchObject({ field: 'to' });
    expect(res.json<{ message: string }>().message).toContain('统计期间的结束日期早于开始日期');
  });
});
