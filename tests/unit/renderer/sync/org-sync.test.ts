// Issue #9 on the laptop: after a sync run the organisation directory is cached (names and roles of the
// own organisation only, readable offline) and the export audit records the hub has not confirmed are
// sent and marked; a hub that cannot take them leaves them unsent for the next run without failing the
// sync, and a retry never stores a record twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportAuditRecord } from '#shared/sync/wire-org';
import type { NewExportRecord } from '../../../../renderer/data/store';
import { createSyncLocal } from '../../../../renderer/data/outbox';
import { createSyncEngine } from '../../../../renderer/sync/engine';
import { injectFetch, world, type Laptop, type World } from './support';
import { syncOrgAndAudit, type OrgSyncReport } from '../../../../renderer/sync/org-sync';
import { bearer } from '../../hub/support/harness';

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.close();
});

const record = (l: Laptop, id: string, over: Partial<NewExportRecord> = {}): NewExportRecord => ({
  id,
  at: new Date(w.hub.clock.now).toISOString(),
  userId: l.user.id,
  userName: l.user.name,
  kind: 'caseload',
  format: 'csv',
  file: '统计-案件清单.csv',
  rows: 120,
  cases: 120,
  period: { from: '2026-01-01', to: '2026-11-28' },
  caseId: null,
  disclosure: ['case_list', 'handler_names', 'aggregate_amounts'],
  ...over,
});

/** An engine like the app's: the org directory and the export audit after every successful run. */
function engineWithOrgSync(l: Laptop, fetchFn: ReturnType<typeof injectFetch>, reports: OrgSyncReport[]) {
  const local = createSyncLocal(l.store);
  return createSyncEngine({
    local,
    fetch: fetchFn,
    now: () => w.hub.clock.now,
    sleep: () => Promise.resolve(),
    retries: 0,
    ownPublicKey: () => l.store.publicKeyJwk(),
    afterSync: async ({ hubUrl, tokens }) => {
      reports.push(await syncOrgAndAudit({ hubUrl, tokens, fetch: fetchFn, local: l.store }));
    },
  });
}

describe('organisation directory and export audit after sync', () => {
  it('caches the own organisation directory and sends unsent export records once', async () => {
    const sup = await w.laptop('赵主任', ['supervisor', 'arbitrator']);
    await w.hub.user(w.org, '李仲裁', ['arbitrator']);
    const union = await w.hub.org('荆门市总工会', '荆工调', 'union');
    await w.hub.user(union, '外单位调解员', ['mediator']);
    expect(await sup.store.orgDirectory()).toBeNull();

    const a = sup.store.newId();
    const b = sup.store.newId();
    await sup.store.recordExport(record(sup, a));
    await sup.store.recordExport(
      record(sup, b, {
        kind: 'element_sheet',
        format: 'json',
        file: '要素表.json',
        rows: 10,
        cases: 1,
        period: null,
        caseId: 'case-1',
        disclosure: ['party_names', 'masked_id_numbers', 'employment_facts', 'claims'],
      }),
    );
    expect((await sup.store.unsentExports()).map((r) => r.id)).toEqual([a, b]);

    const reports: OrgSyncReport[] = [];
    const out = await engineWithOrgSync(sup, w.fetch, reports).run();
    expect(out.ok).toBe(true);
    expect(reports[0]).toEqual({ directory: { ok: true, value: 2 }, exports: { ok: true, value: 2 } });

    const dir = await sup.store.orgDirectory();
    expect(dir?.org).toEqual({ id: w.org.id, name: w.org.name, kind: 'arbitration' });
    expect(dir?.users.map((u) => [u.name, u.roles])).toEqual([
      ['李仲裁', ['arbitrator']],
      ['赵主任', ['supervisor', 'arbitrator']],
    ]);
    expect(await sup.store.unsentExports()).toEqual([]);
    const trail = await sup.store.exportAudit();
    expect(trail.map((r) => r.sentAt)).toEqual([
      new Date(w.hub.clock.now).toISOString(),
      new Date(w.hub.clock.now).toISOString(),
    ]);

    const token = (await createSyncLocal(sup.store).loadSession())?.token ?? '';
    const onHub = (
      await w.hub.app.inject({ method: 'GET', url: '/v1/audit/exports', headers: bearer(token) })
    ).json<{ records: ExportAuditRecord[] }>().records;
    expect(onHub.map((r) => [r.id, r.userId, r.userName, r.kind, r.format, r.caseId]).sort()).toEqual(
      [
        [a, sup.user.id, '赵主任', 'caseload', 'csv', null],
        [b, sup.user.id, '赵主任', 'element_sheet', 'json', 'case-1'],
      ].sort(),
    );

    // A second run sends nothing again.
    await engineWithOrgSync(sup, w.fetch, reports).run();
    expect(reports[1]?.exports).toEqual({ ok: true, value: 0 });
  });

  it('keeps records unsent when the hub cannot take them, without failing the sync, and sends them next time', async () => {
    const arb = await w.laptop('李仲裁', ['arbitrator']);
    let auditDown = true;
    const flaky = injectFetch(w.hub.app, {
      before: (path) => {
        if (auditDown && path.startsWith('/v1/audit/')) throw new Error('connection reset');
      },
    });
    const id = arb.store.newId();
    await arb.store.recordExport(record(arb, id));
    const reports: OrgSyncReport[] = [];
    const first = await engineWithOrgSync(arb, flaky, reports).run();
    expect(first.ok).toBe(true);
    expect(reports[0]?.directory).toEqual({ ok: true, value: 1 });
    expect(reports[0]?.exports.ok).toBe(false);
    expect((await arb.store.unsentExports()).map((r) => r.id)).toEqual([id]);

    auditDown = false;
    await engineWithOrgSync(arb, flaky, reports).run();
    expect(reports[1]?.exports).toEqual({ ok: true, value: 1 });
    expect(await arb.store.unsentExports()).toEqual([]);
    expect(await w.hub.storage.q.getExportAudit(id)).toMatchObject({
      userId: arb.user.id,
      file: '统计-案件清单.csv',
    });
  });
});
