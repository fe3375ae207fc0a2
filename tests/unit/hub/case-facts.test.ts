// Issue #9 item 7 on the hub: the KPI report reads per-case facts kept up to date on push (migration 006)
// — the owner's view from every event, another organisation's from public events only. That the report
// equals shared/stats over the pulled, reduced cases is tested in demo-seed.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseFacts } from '#shared/stats/index';
import { BACKENDS } from './support/backends';
import { testDevice } from './support/devices';
import { bearer, startHub, type Harness } from './support/harness';

describe.each(BACKENDS)('stored case facts on $name', ({ config }) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHub(config());
  });
  afterEach(async () => {
    await h.close();
  });

  it('keeps owner and outside facts on push, and the report reads them', async () => {
    const org = await h.org('荆门市劳动人事争议仲裁院');
    const arbUser = await h.user(org, '李仲裁', ['arbitrator']);
    const supUser = await h.user(org, '赵主任', ['supervisor']);
    const arb = await testDevice(h, arbUser, 'arbitrator');
    const sup = await h.enroll(supUser);
    const c1 = h.ids();
    const results = await arb.push([
      await arb.emit(c1, 'case.opened'),
      await arb.emit(c1, 'note.recorded', {}, 'internal'),
      await arb.emit(c1, 'case.accepted'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const rows = await h.storage.q.visibleCaseFacts({ userId: supUser.id, orgId: org.id, supervisor: true });
    expect(rows.map((r) => [r.caseId, r.audience])).toEqual([[c1, 'owner']]);
    const owner = JSON.parse(rows[0]?.facts ?? 'null') as CaseFacts | null;
    expect(owner?.caseId).toBe(c1);
    expect(owner?.acceptedDay).not.toBeNull();
    const union = await h.org('荆门市总工会', '荆工调', 'union');
    const outsider = { userId: 'x', orgId: union.id, supervisor: true };
    await h.storage.q.grant(c1, 'org', union.id, 1);
    expect((await h.storage.q.visibleCaseFacts(outsider)).map((r) => r.audience)).toEqual(['outside']);

    const url = '/v1/reports/kpis?from=2026-01-01&to=2026-12-31';
    const report = (await h.app.inject({ method: 'GET', url, headers: bearer(sup.token) })).json<{
      caseCount: number;
    }>();
    expect(report.caseCount).toBe(1);
    // A wrong stored row would change the report: the stored facts are what it reads.
    await h.storage.q.putCaseFacts(c1, 'owner', 'null');
    const empty = (await h.app.inject({ method: 'GET', url, headers: bearer(sup.token) })).json<{
      caseCount: number;
    }>();
    expect(empty.caseCount).toBe(0);
  });

  it('a drill-down after a push pages the new cases too (no stale report is reused)', async () => {
    const org = await h.org('荆门市劳动人事争议仲裁院');
    const arbUser = await h.user(org, '李仲裁', ['arbitrator']);
    const supUser = await h.user(org, '赵主任', ['supervisor']);
    const arb = await testDevice(h, arbUser, 'arbitrator');
    const sup = await h.enroll(supUser);
    const drill = async (): Promise<{ total: number; caseIds: string[] }> => {
      const url = '/v1/reports/kpis/cases?from=2026-01-01&to=2026-12-31&key=accepted';
      const res = await h.app.inject({ method: 'GET', url, headers: bearer(sup.token) });
      expect(res.statusCode).toBe(200);
      return res.json<{ total: number; caseIds: string[] }>();
    };
    const c1 = h.ids();
    await arb.push([await arb.emit(c1, 'case.opened'), await arb.emit(c1, 'case.accepted')]);
    expect(await drill()).toMatchObject({ total: 1, caseIds: [c1] });
    expect(await drill()).toMatchObject({ total: 1, caseIds: [c1] });
    const c2 = h.ids();
    await arb.push([await arb.emit(c2, 'case.opened'), await arb.emit(c2, 'case.accepted')]);
    expect(await drill()).toMatchObject({ total: 2, caseIds: [c1, c2].sort() });
  });
});
