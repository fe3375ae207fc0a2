// Issue #9 on the hub: the supervisor's review acts are refused on push by the same rules the review
// screen applies (shared/case/review-rules.ts) — supervisor role, the extension cap, no closure approval
// while conflicts are open, assignees of the supervisor's own organisation — and a refused event stores
// nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrgRecord, UserRecord } from '../../../hub/src/storage/types';
import { BACKENDS } from './support/backends';
import { testDevice, type TestDevice } from './support/devices';
import { startHub, type Harness } from './support/harness';

describe.each(BACKENDS)('review rules on push on $name', ({ config }) => {
  let h: Harness;
  let org: OrgRecord;
  let arbUser: UserRecord;
  let arb: TestDevice;
  let sup: TestDevice;
  let c1: string;
  beforeEach(async () => {
    h = await startHub(config());
    org = await h.org('荆门市劳动人事争议仲裁院');
    arbUser = await h.user(org, '李仲裁', ['arbitrator']);
    const supUser = await h.user(org, '赵主任', ['supervisor']);
    arb = await testDevice(h, arbUser, 'arbitrator');
    sup = await testDevice(h, supUser, 'supervisor');
    c1 = h.ids();
    const opened = await arb.push([await arb.emit(c1, 'case.opened')]);
    expect(opened[0]?.status).toBe('accepted');
  });
  afterEach(async () => {
    await h.close();
  });

  /** Pushes one event; a refused one rewinds the device's chain so the next event takes its place. */
  async function pushOne(d: TestDevice, e: Awaited<ReturnType<TestDevice['emit']>>) {
    const before = { seq: e.deviceSeq - 1, hash: e.prev };
    const [r] = await d.push([e]);
    if (r?.status !== 'accepted') d.setHead(before.seq, before.hash);
    return r;
  }

  it('takes an extension within 15 days once, and refuses a second one or one beyond the cap', async () => {
    const stored = await h.storage.q.lastHubSeq();
    const tooLong = await pushOne(sup, await sup.emit(c1, 'deadline.extended', { days: 16 }));
    expect(tooLong).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect(tooLong?.detail).toContain('extension_too_long');
    expect(await h.storage.q.lastHubSeq()).toBe(stored);
    const ok = await pushOne(
      sup,
      await sup.emit(c1, 'deadline.extended', { days: 10, requestId: undefined }),
    );
    expect(ok?.status).toBe('accepted');
    const again = await pushOne(
      sup,
      await sup.emit(c1, 'deadline.extended', { days: 5, requestId: undefined }),
    );
    expect(again?.detail).toContain('extension_count');
    const otherRule = await pushOne(
      sup,
      await sup.emit(c1, 'deadline.extended', { ruleId: 'mediationPeriod', days: 3, requestId: undefined }),
    );
    expect(otherRule?.detail).toContain('extension_not_allowed');
  });

  it('lets only a supervisor approve, extend, suspend or send back', async () => {
    const stored = await h.storage.q.lastHubSeq();
    for (const type of [
      'deadline.extended',
      'case.suspended',
      'closure.approved',
      'case.returned',
    ] as const) {
      const r = await pushOne(arb, await arb.emit(c1, type));
      expect(r, type).toMatchObject({ status: 'rejected', reason: 'forbidden' });
      // Machine-readable code first, then the Chinese message.
      expect(r?.detail, type).toMatch(/^supervisor_required: .*须由主管/);
    }
    expect(await h.storage.q.lastHubSeq()).toBe(stored);
    const back = await pushOne(sup, await sup.emit(c1, 'case.returned', { reason: '补充考勤记录' }));
    expect(back?.status).toBe('accepted');
  });

  it('takes a suspension (中止) only as the supervisor approves it, and the handler may then resume', async () => {
    const payload = {
      ground: 'awaiting_appraisal',
      from: '2026-11-28',
      reason: '等待劳动能力鉴定结论',
    } as const;
    const byHandler = await pushOne(arb, await arb.emit(c1, 'case.suspended', payload));
    expect(byHandler?.detail).toMatch(/^supervisor_required: 中止审理须由主管/);
    const approved = await pushOne(sup, await sup.emit(c1, 'case.suspended', payload));
    expect(approved?.status).toBe('accepted');
    const resumed = await pushOne(arb, await arb.emit(c1, 'case.resumed', { on: '2026-12-10' }));
    expect(resumed?.status).toBe('accepted');
  });

  it('approves a pending closure request, but not one of a case with an open conflict', async () => {
    const requestId = h.ids();
    expect((await pushOne(arb, await arb.emit(c1, 'closure.requested', { requestId })))?.status).toBe(
      'accepted',
    );
    const unknown = await pushOne(sup, await sup.emit(c1, 'closure.approved', { requestId: h.ids() }));
    expect(unknown?.detail).toContain('closure_unknown_request');

    // Two different closures of one case: a conflict until someone resolves it.
    const c2 = h.ids();
    expect((await pushOne(arb, await arb.emit(c2, 'case.opened')))?.status).toBe('accepted');
    const r2 = h.ids();
    await pushOne(arb, await arb.emit(c2, 'closure.requested', { requestId: r2 }));
    await pushOne(arb, await arb.emit(c2, 'case.closed', { summary: '第一次结案' }));
    await pushOne(
      arb,
      await arb.emit(c2, 'case.closed', { closureType: 'withdrawn', summary: '第二次结案' }),
    );
    const inConflict = await pushOne(sup, await sup.emit(c2, 'closure.approved', { requestId: r2 }));
    expect(inConflict?.detail).toContain('closure_in_conflict');

    expect((await pushOne(sup, await sup.emit(c1, 'closure.approved', { requestId })))?.status).toBe(
      'accepted',
    );
    const twice = await pushOne(sup, await sup.emit(c1, 'closure.approved', { requestId }));
    expect(twice?.detail).toContain('closure_not_pending');
  });

  it('refuses a reassignment to a user of another organisation or to an unknown user', async () => {
    const union = await h.org('荆门市总工会', '荆工调', 'union');
    const stranger = await h.user(union, '外单位调解员', ['mediator']);
    const other = await pushOne(
      sup,
      await sup.emit(c1, 'case.reassigned', { assigneeId: stranger.id, reason: '改派' }),
    );
    expect(other).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect(other?.detail).toBe('assignee_other_org: 只能指派给本机构的仲裁员或调解员');
    const unknown = await pushOne(
      sup,
      await sup.emit(c1, 'case.reassigned', { assigneeId: h.ids(), reason: '改派' }),
    );
    expect(unknown).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect(unknown?.detail).toMatch(/^assignee_unknown: /);
    const colleague = await h.user(org, '孙调解', ['mediator']);
    const fine = await pushOne(
      sup,
      await sup.emit(c1, 'case.reassigned', { assigneeId: colleague.id, reason: '案多人少，改派' }),
    );
    expect(fine?.status).toBe('accepted');
  });
});
