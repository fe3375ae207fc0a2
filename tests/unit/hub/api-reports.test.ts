// Caseload v1: counts of visible cases by status/category within the caller's scope.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseloadResponse } from '#shared/sync/wire';
import { BACKENDS } from './support/backends';
import { bearer, startHub, T0, type Harness } from './support/harness';
import { seedCase } from './support/seed';

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
    expect((await get(sup.token, 'groupBy=user')).statusCode).toBe(400);
    expect((await get(sup.token, 'from=yesterday')).json()).toMatchObject({
      error: 'invalid_request',
      field: 'from',
    });
  });
});
