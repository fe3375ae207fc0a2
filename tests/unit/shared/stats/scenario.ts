/*
 * A hand-built caseload whose every KPI for March 2026 is worked out by hand in kpis.test.ts:
 * A–I, each built from real signed events. Comments give the facts the expected numbers rest on.
 */
import { accept, at, close, createDesk, HASH, type Desk } from './desk';

export type Scenario = {
  desk: Desk;
  ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I', string>;
};

const worker = (d: Desk, caseId: string, name: string) => {
  const partyId = d.uuid();
  return d
    .emit(caseId, 'party.added', { partyId, role: 'applicant', kind: 'worker', name })
    .then(() => partyId);
};
const claim = (d: Desk, caseId: string, amountClaimedFen: number) =>
  d.emit(caseId, 'claim.added', { claimId: d.uuid(), item: 'WAGE_ARREARS', amountClaimedFen });
const session = (
  d: Desk,
  caseId: string,
  day: string,
  mobile: boolean,
  kind: 'hearing' | 'mediation_joint',
) => {
  d.day(day);
  return d.emit(caseId, 'session.held', {
    sessionId: d.uuid(),
    kind,
    venue: mobile ? 'site' : 'office',
    mobile,
    participants: [{ name: '张三', role: '申请人' }],
    start: at(day, 10),
    end: at(day, 11),
  });
};
const agree = async (d: Desk, caseId: string, day: string, totalFen: number) => {
  const agreementId = d.uuid();
  d.day(day);
  await d.emit(caseId, 'agreement.drafted', {
    agreementId,
    textSha256: HASH,
    terms: [{ description: '支付工资', amountFen: totalFen }],
    totalFen,
    nextStep: 'judicial_confirmation',
  });
  await d.emit(caseId, 'agreement.signed', {
    agreementId,
    textSha256: HASH,
    signatures: [{ signer: '张三', mark: 'signature' }],
    sealed: true,
    signedAt: at(day, 12),
  });
};
const pay = (
  d: Desk,
  caseId: string,
  day: string,
  amountFen: number,
  extra: { toPartyId?: string; proof?: boolean } = {},
) => {
  d.day(day);
  return d.emit(caseId, 'payment.recorded', {
    paymentId: d.uuid(),
    amountFen,
    paidOn: day,
    payer: '某建筑公司',
    payerRole: 'employer',
    method: 'bank',
    ...(extra.toPartyId === undefined ? {} : { toPartyId: extra.toPartyId }),
    ...(extra.proof === true ? { proofSha256: HASH } : {}),
  });
};

export async function buildScenario(): Promise<Scenario> {
  const d = await createDesk();
  // A: arbitration accepted 02-10 (pending at start), final award 03-05 (23 days, limit 03-27: on time).
  const A = await d.open({ kind: 'arbitration', day: '2026-02-09' });
  await accept(d, A, '2026-02-10');
  await close(d, A, '2026-03-05', 'award_final', { amountAwardedFen: 1_000_000 });
  await pay(d, A, '2026-04-02', 100_000); // after the period
  // B: arbitration accepted 01-05, still open: limit 02-19 falls in the Spring Festival, rolls to 02-24.
  const B = await d.open({ kind: 'arbitration', day: '2026-01-05', categories: ['termination'] });
  await accept(d, B, '2026-01-05');
  await d.emit(B, 'case.assigned', { assigneeId: 'user-li', conflictCheckDone: true });
  // C: arbitration accepted 03-02, mobile hearing and agreement 03-16, closed by arbitral mediation.
  const C = await d.open({ kind: 'arbitration', day: '2026-03-02', channel: 'mobile' });
  await accept(d, C, '2026-03-02');
  const cWorker = await worker(d, C, '王五');
  await claim(d, C, 400_000);
  await session(d, C, '2026-03-16', true, 'hearing');
  await agree(d, C, '2026-03-16', 300_000);
  await close(d, C, '2026-03-16', 'arbitral_mediation', { amountAgreedFen: 300_000 });
  await pay(d, C, '2026-03-20', 200_000, { toPartyId: cWorker });
  // D: collective mediation (12 workers, 2 entered), mobile session and agreement 03-05, court confirms.
  const D = await d.open({
    kind: 'mediation',
    day: '2026-03-03',
    channel: 'mobile',
    collective: true,
    workerCount: 12,
  });
  await accept(d, D, '2026-03-03');
  await worker(d, D, '赵一');
  await worker(d, D, '钱二');
  await claim(d, D, 6_000_000);
  await session(d, D, '2026-03-05', true, 'mediation_joint');
  await agree(d, D, '2026-03-05', 5_000_000);
  const referralId = d.uuid();
  d.day('2026-03-06');
  await d.emit(D, 'case.referred', { referralId, target: 'court_confirmation', toOrgId: 'org-court' });
  d.day('2026-03-12');
  await d.emit(
    D,
    'referral.answered',
    { referralId, outcome: 'confirmed', rulingNumber: '(2026)鄂0802民特12号', answeredAt: at('2026-03-12') },
    'court',
  );
  await pay(d, D, '2026-03-15', 3_000_000, { proof: true });
  await close(d, D, '2026-03-25', 'mediated_performed');
  // E: mediation accepted 03-10, suspended 03-12..03-14 (resumed 03-15), failed 03-20: 10 days, 7 net.
  const E = await d.open({ kind: 'mediation', day: '2026-03-10', categories: ['work_injury'] });
  await accept(d, E, '2026-03-10');
  await claim(d, E, 100_000);
  d.day('2026-03-12');
  await d.emit(E, 'case.suspended', { ground: 'other', from: '2026-03-12', reason: '等待材料' });
  d.day('2026-03-15');
  await d.emit(E, 'case.resumed', { on: '2026-03-15' });
  await session(d, E, '2026-03-15', false, 'mediation_joint');
  await close(d, E, '2026-03-20', 'failed');
  // F: mediation never accepted, respondent refused 03-09.
  const F = await d.open({ kind: 'mediation', day: '2026-03-08' });
  await close(d, F, '2026-03-09', 'refused');
  // G: arbitration accepted after the period.
  const G = await d.open({ kind: 'arbitration', day: '2026-04-05' });
  await accept(d, G, '2026-04-05');
  // H: arbitration accepted 02-02, +15 days approved (limit 03-19 → 04-03), non-final award 03-30 (56 days).
  const H = await d.open({ kind: 'arbitration', day: '2026-02-02' });
  await accept(d, H, '2026-02-02');
  await d.emit(H, 'deadline.extended', { ruleId: 'awardTimeLimit', days: 15, reason: '案情复杂' });
  await close(d, H, '2026-03-30', 'award_non_final', { amountAwardedFen: 800_000 });
  // I: arbitration accepted 01-10 (limit 02-24), withdrawn after settling 03-10: late, 59 days.
  const I = await d.open({ kind: 'arbitration', day: '2026-01-10' });
  await accept(d, I, '2026-01-10');
  await close(d, I, '2026-03-10', 'withdrawn', { amountAgreedFen: 50_000 });
  return { desk: d, ids: { A, B, C, D, E, F, G, H, I } };
}
