// Issue #9 on the hub: the organisation directory (GET /v1/org/users) lists only the caller's own
// organisation; the export audit (POST/GET /v1/audit/exports) binds each record to the token's user and
// device, stores a retried record once, refuses bad input with a named field, and lets a supervisor read
// the whole organisation's exports while anyone else reads only their own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportAuditEntry, ExportAuditRecord, OrgUsersResponse } from '#shared/sync/wire-org';
import type { OrgRecord } from '../../../hub/src/storage/types';
import { BACKENDS } from './support/backends';
import { bearer, startHub, T0, type Harness } from './support/harness';

describe.each(BACKENDS)('organisation directory and export audit on $name', ({ config }) => {
  let h: Harness;
  let org: OrgRecord;
  let other: OrgRecord;
  beforeEach(async () => {
    h = await startHub(config());
    org = await h.org('荆门市劳动人事争议仲裁院');
    other = await h.org('荆门市总工会', '荆工调', 'union');
  });
  afterEach(async () => {
    await h.close();
  });

  const get = (token: string, url: string) => h.app.inject({ method: 'GET', url, headers: bearer(token) });
  const post = (token: string, payload: unknown) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/audit/exports',
      headers: bearer(token),
      payload: payload as object,
    });

  const entry = (over: Partial<ExportAuditEntry> = {}): ExportAuditEntry => ({
    id: h.ids(),
    at: new Date(T0).toISOString(),
    kind: 'caseload',
    format: 'csv',
    file: '统计-2026-案件清单.csv',
    rows: 1201,
    cases: 1200,
    period: { from: '2026-01-01', to: '2026-11-28' },
    caseId: null,
    disclosure: ['case_list', 'handler_names'],
    ...over,
  });

  it('lists the users of the caller organisation only, with names and roles', async () => {
    const sup = await h.user(org, '赵主任', ['supervisor', 'arbitrator']);
    await h.user(org, '李仲裁', ['arbitrator']);
    await h.user(other, '外单位调解员', ['mediator']);
    const dev = await h.enroll(sup);
    const res = await get(dev.token, '/v1/org/users');
    expect(res.statusCode).toBe(200);
    const body = res.json<OrgUsersResponse>();
    expect(body.org).toEqual({ id: org.id, name: org.name, kind: 'arbitration' });
    expect(body.users.map((u) => [u.name, u.roles])).toEqual([
      ['李仲裁', ['arbitrator']],
      ['赵主任', ['supervisor', 'arbitrator']],
    ]);
    expect(body.users.every((u) => Object.keys(u).sort().join() === 'id,name,roles')).toBe(true);
    const outsider = await h.enroll(await h.user(other, '工会主任', ['supervisor']));
    const theirs = (await get(outsider.token, '/v1/org/users')).json<OrgUsersResponse>();
    expect(theirs.users.map((u) => u.name)).toEqual(['外单位调解员', '工会主任']);
  });

  it('refuses the directory without a valid token, to a revoked device, and with query parameters', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/v1/org/users' })).statusCode).toBe(401);
    expect((await get('x'.repeat(40), '/v1/org/users')).statusCode).toBe(401);
    const dev = await h.enroll(await h.user(org, '李仲裁', ['arbitrator']));
    expect((await get(dev.token, '/v1/org/users?orgId=' + other.id)).statusCode).toBe(400);
    await h.storage.q.revokeDevice(dev.deviceId, T0);
    const revoked = await get(dev.token, '/v1/org/users');
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json<{ error: string }>().error).toBe('device_revoked');
  });

  it('stores export records bound to the token user and device, once per id', async () => {
    const sup = await h.user(org, '赵主任', ['supervisor']);
    const dev = await h.enroll(sup);
    const a = entry();
    const b = entry({
      kind: 'element_sheet',
      format: 'json',
      file: '要素表.json',
      rows: 10,
      cases: 1,
      period: null,
      caseId: 'case-1',
      disclosure: ['party_names', 'masked_id_numbers', 'employment_facts', 'claims'],
    });
    const first = await post(dev.token, { entries: [a, b] });
    expect(first.statusCode).toBe(200);
    expect(first.json<{ stored: string[] }>().stored).toEqual([a.id, b.id]);
    // A retry after a lost answer: confirmed, not stored twice.
    expect((await post(dev.token, { entries: [a] })).json<{ stored: string[] }>().stored).toEqual([a.id]);
    const list = (await get(dev.token, '/v1/audit/exports')).json<{ records: ExportAuditRecord[] }>().records;
    expect(list).toHaveLength(2);
    const got = list.find((r) => r.id === b.id);
    expect(got).toMatchObject({
      userId: sup.id,
      userName: '赵主任',
      deviceId: dev.deviceId,
      kind: 'element_sheet',
      format: 'json',
      caseId: 'case-1',
      period: null,
      disclosure: ['party_names', 'masked_id_numbers', 'employment_facts', 'claims'],
    });
    expect(list.find((r) => r.id === a.id)?.period).toEqual({ from: '2026-01-01', to: '2026-11-28' });
  });

  it("shows a supervisor the organisation's exports, others only their own, never another organisation's", async () => {
    const supDev = await h.enroll(await h.user(org, '赵主任', ['supervisor']));
    const arbDev = await h.enroll(await h.user(org, '李仲裁', ['arbitrator']));
    const outDev = await h.enroll(await h.user(other, '工会主任', ['supervisor']));
    const mine = entry({ file: '主任.csv' });
    const arbs = entry({ file: '仲裁员.csv' });
    const theirs = entry({ file: '工会.csv' });
    await post(supDev.token, { entries: [mine] });
    await post(arbDev.token, { entries: [arbs] });
    await post(outDev.token, { entries: [theirs] });
    const files = async (token: string) =>
      (await get(token, '/v1/audit/exports'))
        .json<{ records: ExportAuditRecord[] }>()
        .records.map((r) => r.file)
        .sort();
    expect(await files(supDev.token)).toEqual(['主任.csv', '仲裁员.csv'].sort());
    expect(await files(arbDev.token)).toEqual(['仲裁员.csv']);
    expect(await files(outDev.token)).toEqual(['工会.csv']);
    // Another user re-sending an id already stored is not confirmed and changes nothing.
    const replay = await post(outDev.token, { entries: [{ ...arbs, file: '伪造.csv' }] });
    expect(replay.json<{ stored: string[] }>().stored).toEqual([]);
    expect(await files(arbDev.token)).toEqual(['仲裁员.csv']);
  });

  it('refuses bad records with a named field and stores none of the batch', async () => {
    const dev = await h.enroll(await h.user(org, '赵主任', ['supervisor']));
    const cases: [unknown, string][] = [
      [{ entries: [] }, 'entries'],
      [{ entries: [entry({ period: { from: '2026-11-28', to: '2026-01-01' } })] }, 'entries.0.period'],
      [{ entries: [{ ...entry(), userId: 'someone-else' }] }, 'entries.0'],
      [{ entries: [entry(), { ...entry(), rows: -1 }] }, 'entries.1.rows'],
      [{ entries: [{ ...entry(), disclosure: ['caucus_notes'] }] }, 'entries.0.disclosure.0'],
      [{ entries: [{ ...entry(), disclosure: [] }] }, 'entries.0.disclosure'],
      [{ entries: [{ ...entry(), id: 'not-a-uuid' }] }, 'entries.0.id'],
      [{ entries: [{ ...entry(), format: 'docx' }] }, 'entries.0.format'],
    ];
    for (const [body, field] of cases) {
      const res = await post(dev.token, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json<{ error: string; field?: string }>(), field).toMatchObject({
        error: 'invalid_request',
        field,
      });
    }
    expect((await get(dev.token, '/v1/audit/exports')).json<{ records: unknown[] }>().records).toEqual([]);
    expect(
      (await h.app.inject({ method: 'POST', url: '/v1/audit/exports', payload: { entries: [entry()] } }))
        .statusCode,
    ).toBe(401);
  });
});
