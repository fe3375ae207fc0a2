/* An intake form becomes one write: case.opened, the parties, the claims; stored whole and reduced. */
import { describe, expect, it } from 'vitest';
import { PAYLOADS_V1 } from '#shared/events/payloads';
import { defaultIntake, type IntakeForm } from '../../../../renderer/features/intake/intake-schema';
import { intakeDrafts, type DraftContext } from '../../../../renderer/features/intake/to-drafts';
import { ENROLLMENT, harness } from '../data/store-harness';
import { badCheckCreditCode, residentId } from './ids';

function ctx(newId: () => string, tempNumber = '临-0000D1-0001'): DraftContext {
  return {
    caseId: newId(),
    tempNumber,
    receivedAt: '2026-11-28T01:00:00.000Z',
    today: '2026-11-28',
    newId,
    placeZh: (p) => (p === 'site' ? '工地' : p),
    categoryZh: (c) => (c === 'wage_arrears' ? '拖欠工资' : c),
    chainZh: (r) => (r === 'crew_leader' ? '班组长/包工头' : r),
  };
}

function wageCase(workers: number): IntakeForm {
  const f = defaultIntake();
  f.placeDetail = '东宝区某项目工地';
  f.joinDate = '2026-03-01';
  f.leaveDate = '2026-10-31';
  f.knewDate = '2026-11-05';
  f.workers = Array.from({ length: workers }, (_, i) => ({
    name: `工人${String(i + 1)}`,
    idNumber: residentId(100 + i),
    phone: i === 0 ? '138 0013 8000' : '',
    amount: i < 3 ? '5000' : '',
  }));
  f.employer = {
    ...f.employer,
    name: '某劳务公司',
    creditCode: badCheckCreditCode(3),
    overrideReason: '营业执照原件已核对',
  };
  f.chain = [
    { chainRole: 'general_contractor', partyRole: 'respondent', name: '某建工集团', code: '', phone: '' },
    {
      chainRole: 'crew_leader',
      partyRole: 'third_party',
      name: '刘某',
      code: residentId(7),
      phone: '13900139000',
    },
  ];
  f.claims = [
    { item: 'WAGE_ARREARS', amount: '', description: '' },
    { item: 'ECON_COMP_N', amount: '¥3,000.50', description: '经济补偿' },
  ];
  return f;
}

describe('intakeDrafts', () => {
  it('produces payloads that pass the shared event schemas', () => {
    const { store } = harness();
    const drafts = intakeDrafts(wageCase(3), ctx(store.newId));
    for (const d of drafts) expect(PAYLOADS_V1[d.type].safeParse(d.payload).success, d.type).toBe(true);
    expect(drafts.map((d) => d.type)).toEqual([
      'case.opened',
      ...Array<string>(6).fill('party.added'),
      ...Array<string>(4).fill('claim.added'),
    ]);
    const opened = drafts[0]?.payload as { caseCause: string; collective: boolean; location: unknown };
    expect(opened.caseCause).toBe('拖欠工资纠纷');
    expect(opened.collective).toBe(false);
    expect(opened.location).toEqual({ description: '工地：东宝区某项目工地' });
    expect(drafts[0]?.payload).toMatchObject({
      employmentEndDate: '2026-10-31',
      knewOrShouldHaveKnownDate: '2026-11-05',
    });
    expect(drafts[1]?.payload).toMatchObject({ joinDate: '2026-03-01', leaveDate: '2026-10-31' });
  });

  it('is stored in one write and reduces to the case the form described', async () => {
    const h = harness();
    await h.store.saveEnrollment(ENROLLMENT);
    const author = await h.store.author();
    if (!author) throw new Error('not enrolled');
    const c = ctx(h.store.newId, await h.store.nextTempNumber(author));
    const r = await h.store.write(author, intakeDrafts(wageCase(12), c));
    expect(r.ok).toBe(true);
    const state = await h.store.caseState(c.caseId);
    expect(state?.collective).toBe(true);
    expect(state?.parties.filter((p) => p.current.role === 'applicant')).toHaveLength(12);
    const first = state?.parties[0]?.current;
    expect(first).toMatchObject({ phone: '13800138000', idType: 'resident_id', sex: 'female' });
    const employer = state?.parties.find((p) => p.current.kind === 'employer')?.current;
    expect(employer?.details).toMatchObject({ creditCodeOverrideReason: '营业执照原件已核对' });
    const leader = state?.parties.find((p) => p.current.employerType === '班组长/包工头')?.current;
    expect(leader).toMatchObject({ role: 'third_party', idType: 'resident_id' });
    // 3 workers × 5000 + 3000.50 (the blank starter claim is not a claim).
    expect(state?.amountClaimedFen).toBe(3 * 500_000 + 300_050);
    const [summary] = await h.store.summaries([c.caseId]);
    expect(summary).toMatchObject({ number: '临-0000D1-0001', workerCount: 12, collective: true });
  });

  it('leaves the chain out when the case is not about wages', () => {
    const { store } = harness();
    const f = wageCase(1);
    f.categories = ['termination'];
    const drafts = intakeDrafts(f, ctx(store.newId));
    expect(drafts.filter((d) => d.type === 'party.added')).toHaveLength(2);
  });
});
