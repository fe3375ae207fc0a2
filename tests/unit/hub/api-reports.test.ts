// Caseload v1: counts of visible cases by status/category/user within the caller's scope.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseloadResponse } from '#shared/sync/wire';
import { BACKENDS } from './support/backends';
import { bearer, startHub, T0, type Harness } from './support/harness';
import { seedCase } from './support/seed';
import { testDevice } from './support/devices';

describe.each(BACKENDS)('caseload report on $name', ({ config }) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHub(config());
  });
  afterEach(async () => {
    await h.close();
  });

  it('counts only cases in scope, grouped and filtered by opening day', async () => {
    const org = await h.org('仲裁院');
    const other = await h.org('工会', '荆工调', 'union');
    const sup = await h.enroll(await h.user(org, '院长', ['supervisor']));
    const med = await h.user(org, '王', ['mediator']);
    const medDev = await h.enroll(med);
    const outsider = await h.enroll(await h.user(other, '李', ['supervisor']));
    for (const [i, status] of ['open', 'open', 'closed'].entries()) {
      const caseId = `case-${String(i)}`;
      await seedCase(h.storage, {
        caseId,
        orgId: org.id,
        userId: med.id,
        deviceId: medDev.deviceId,
        eventId: `e${String(i)}`,
      });
      await h.storage.tx((q) => q.updateCase(caseId, { status, category: i === 0 ? 'wage' : 'injury' }));
    }
    const get = (token: string, qs: string) =>
      h.app.inject({ method: 'GET', url: `/v1/reports/caseload?${qs}`, headers: bearer(token) });
    const byStatus = (await get(sup.token, 'groupBy=status&withCases=true')).json<CaseloadResponse>();
    expect(byStatus.total).toBe(3);
    expect(byStatus.groups).toEqual([
      { key: 'closed', count: 1, caseIds: ['case-2'] },
      { key: 'open', count: 2, caseIds: ['case-0', 'case-1'] },
    ]);
    const byCat = (await get(sup.token, 'groupBy=category')).json<CaseloadResponse>();
    expect(byCat.groups).toEqual([
      { key: 'injury', count: 2 },
      { key: 'wage', count: 1 },
    ]);
    expect((await get(outsider.token, '')).json<CaseloadResponse>().total).toBe(0);
    const day = new Date(T0).toISOString().slice(0, 10);
    expect((await get(sup.token, `from=${day}&to=${day}`)).json<CaseloadResponse>().total).toBe(0);
    expect((await get(sup.token, 'from=1970-01-01&to=1970-01-02')).json<CaseloadResponse>().total).toBe(3);
    expect((await get(sup.token, 'from=yesterday')).json()).toMatchObject({
      error: 'invalid_request',
      field: 'from',
    });
  });

  it('groups by the current handler: the latest assignment by HLC, even when it arrives first', async () => {
    const org = await h.org('仲裁院');
    const court = await h.org('法院', '荆法', 'court');
    const med = await h.user(org, '王调解', ['mediator']);
    const med2 = await h.user(org, '李调解', ['mediator']);
    const a = await testDevice(h, med, 'mediator');
    const s1 = await testDevice(h, await h.user(org, '院长', ['supervisor']), 'supervisor');
    const s2 = await testDevice(h, await h.user(org, '副院长', ['supervisor']), 'supervisor');
    const courtSup = await testDevice(h, await h.user(court, '庭长', ['supervisor']), 'supervisor');
    const [c0, c1, c2] = [h.ids(), h.ids(), h.ids()];
    for (const c of [c0, c1, c2]) await a.push([await a.emit(c, 'case.opened')]);
    await s1.push([await s1.emit(c0, 'case.assigned', { assigneeId: med.id })]);
    const early = await s1.emit(c1, 'case.assigned', { assigneeId: med2.id });
    h.clock.now += 60_000;
    const late = await s2.emit(c1, 'case.reassigned', { assigneeId: med.id, reason: '回避' });
    expect((await s2.push([late]))[0]?.status).toBe('accepted');
    expect((await s1.push([early]))[0]?.status).toBe('accepted');
    await a.push([await a.emit(c2, 'case.referred', { toOrgId: court.id })]);
    const judge = await h.user(court, '赵法官', ['clerk']);
    const byCourt = await courtSup.emit(c2, 'case.assigned', { assigneeId: judge.id });
    expect((await courtSup.push([byCourt]))[0]?.status).toBe('accepted');

    const get = async (token: string) =>
      (
        await h.app.inject({
          method: 'GET',
          url: '/v1/reports/caseload?groupBy=user&withCases=true',
          headers: bearer(token),
        })
      ).json<CaseloadResponse>();
    const mine = await get(s1.enrolled.token);
    expect(mine.groupBy).toBe('user');
    expect(mine.definition).toContain('current handler');
    expect(mine.groups).toEqual(
      [
        { key: med.id, label: '王调解', count: 2, caseIds: [c0, c1] },
        { key: 'unassigned', count: 1, caseIds: [c2] },
      ].sort((x, y) => x.key.localeCompare(y.key)),
    );
    expect((await get(courtSup.enrolled.token)).groups).toEqual([
      { key: judge.id, label: '赵法官', count: 1, caseIds: [c2] },
    ]);
    expect((await get(a.enrolled.token)).total).toBe(3);
  });
});
