/*
 * The demo caseload as a plan: for each case, the events a real desk would have written (intake,
 * acceptance, assignment, sessions, agreements, payments, court confirmation, closure), each with its
 * time and author. A case stops where its next step would lie in the future, so the caseload has open
 * and overdue cases as well as closed ones. Pure and deterministic from the rng.
 */
import type { CaseKind, Channel, DisputeCategory } from '#shared/domain/case-kinds';
import type { ClaimItem } from '#shared/domain/claim-items';
import type { Confidentiality } from '#shared/events/envelope';
import type { EventType, PayloadOf } from '#shared/events/payloads';
import type { Rng } from '#shared/law/identifiers';
import { demoEmployer, demoWorker, intIn, picker, type DemoWorker } from './people';

/** Who writes: a handler (arbitrator or mediator), a supervisor of the owning org, or the court liaison. */
export type ActorKey = `arb${string}` | `med${string}` | 'supArb' | 'supUnion' | 'court';

export type PlannedEvent = {
  at: number;
  order: number;
  actor: ActorKey;
  caseId: string;
  type: EventType;
  payload: unknown;
  conf: Confidentiality;
};

export type PlanContext = {
  rng: Rng;
  uuid: () => string;
  now: number;
  /** How far back cases were received, in days. */
  spanDays: number;
  userIdOf: (a: ActorKey) => string;
  orgs: { arbitration: string; union: string; court: string };
  arbitrators: number;
  mediators: number;
};

const DAY = 86_400_000;
const HEX = '0123456789abcdef';
const iso = (ms: number): string => new Date(ms).toISOString();
const day = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

const CLAIMS: Readonly<Record<DisputeCategory, readonly ClaimItem[]>> = {
  wage_arrears: ['WAGE_ARREARS'],
  work_injury: ['WORK_INJURY_MEDICAL', 'DISABILITY_ONE_OFF', 'WORK_INJURY_LEAVE_WAGES'],
  termination: ['ECON_COMP_N', 'UNLAWFUL_TERMINATION_2N'],
  overtime: ['OVERTIME', 'WAGE_ARREARS'],
  social_insurance: ['SOCIAL_INSURANCE_LOSS'],
  labour_relation: ['CONFIRM_LABOR_RELATION', 'DOUBLE_WAGE_NO_CONTRACT'],
  platform_gig: ['WAGE_ARREARS'],
  annual_leave: ['ANNUAL_LEAVE_PAY'],
  three_periods: ['UNLAWFUL_TERMINATION_2N'],
  non_compete_training: ['OTHER'],
  dispatch: ['WAGE_ARREARS'],
  dismissal: ['UNLAWFUL_TERMINATION_2N'],
  other: ['OTHER'],
};
const CAUSE: Readonly<Record<string, string>> = {
  wage_arrears: '追索劳动报酬纠纷',
  work_injury: '工伤保险待遇纠纷',
  termination: '经济补偿金纠纷',
  overtime: '加班费纠纷',
  social_insurance: '社会保险待遇纠纷',
  labour_relation: '确认劳动关系纠纷',
};

type Step = <T extends EventType>(
  gapMs: number,
  actor: ActorKey,
  type: T,
  payload: (at: number) => PayloadOf<T>,
) => boolean;

/** Weighted choice: [[value, weight], …]. */
function weighted<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [v, w] of options) if ((r -= w) < 0) return v;
  return (options.at(-1) as readonly [T, number])[0];
}

const hex64 = (rng: Rng): string => Array.from({ length: 64 }, () => HEX[Math.floor(rng() * 16)]).join('');

/** Plans one case; events stop at the first one that would lie after `now`. */
export function planCase(c: PlanContext, index: number): PlannedEvent[] {
  const { rng } = c;
  const pick = picker(rng);
  const kind: CaseKind = rng() < 0.55 ? 'arbitration' : 'mediation';
  const handler: ActorKey =
    kind === 'arbitration'
      ? `arb${String(intIn(rng, 0, c.arbitrators - 1))}`
      : `med${String(intIn(rng, 0, c.mediators - 1))}`;
  const supervisor: ActorKey = kind === 'arbitration' ? 'supArb' : 'supUnion';
  const category = weighted<DisputeCategory>(rng, [
    ['wage_arrears', 50],
    ['work_injury', 18],
    ['termination', 18],
    ['overtime', 6],
    ['social_insurance', 4],
    ['labour_relation', 4],
  ]);
  const channel = weighted<Channel>(rng, [
    ['walk_in', 40],
    ['mobile', 30],
    ['online', 10],
    ['union_referral', 10],
    ['grid_report', 5],
    ['hotline', 5],
  ]);
  const collective = rng() < 0.08;
  const workers: DemoWorker[] = Array.from({ length: collective ? intIn(rng, 3, 6) : 1 }, () =>
    demoWorker(rng),
  );
  const workerCount = collective ? intIn(rng, 10, 60) : 1;
  const employer = demoEmployer(rng);
  const caseId = c.uuid();
  const events: PlannedEvent[] = [];
  let t = c.now - intIn(rng, 1, c.spanDays) * DAY - intIn(rng, 0, 7 * 60) * 60_000;
  const step: Step = (gapMs, actor, type, payload) => {
    const at = t + Math.max(gapMs, 60_000);
    if (at > c.now) return false;
    t = at;
    events.push({
      at,
      order: index * 1000 + events.length,
      actor,
      caseId,
      type,
      payload: payload(at),
      conf: 'public',
    });
    return true;
  };
  const workerIds = workers.map(() => c.uuid());
  const claimed = CLAIMS[category].map((item) => ({
    claimId: c.uuid(),
    item,
    amountClaimedFen:
      item === 'CONFIRM_LABOR_RELATION' ? 0 : intIn(rng, 30, 800) * 10_000 * (collective ? workerCount : 1),
  }));
  const claimTotal = claimed.reduce((s, x) => s + x.amountClaimedFen, 0);
  const leave = day(t - intIn(rng, 5, 60) * DAY);

  step(0, handler, 'case.opened', (at) => ({
    kind,
    tempNumber: `临-${handler}-${String(index + 1)}`,
    channel,
    disputeCategories: [category],
    caseCause: CAUSE[category] ?? '劳动争议',
    collective,
    ...(collective ? { workerCount } : {}),
    receivedAt: iso(at),
    employmentEndDate: leave,
    location: { description: `${employer.name.slice(0, 2)}市`, regionCode: '420800' },
  }));
  workers.forEach((w, i) =>
    step(60_000, handler, 'party.added', () => ({
      partyId: workerIds[i] as string,
      role: 'applicant',
      kind: 'worker',
      name: w.name,
      idType: 'resident_id',
      idNumber: w.idNumber,
      sex: w.sex,
      birthDate: w.birthDate,
      phone: w.phone,
      occupation: w.occupation,
      joinDate: day(t - intIn(rng, 120, 2000) * DAY),
      leaveDate: leave,
      monthlyWageFen: intIn(rng, 30, 90) * 10_000,
      vulnerabilities: ['migrant'],
    })),
  );
  step(60_000, handler, 'party.added', () => ({
    partyId: c.uuid(),
    role: 'respondent',
    kind: 'employer',
    name: employer.name,
    idType: 'uscc',
    idNumber: employer.creditCode,
    legalRepresentative: employer.legalRepresentative,
    employerType: employer.trade,
  }));
  for (const cl of claimed)
    step(60_000, handler, 'claim.added', () => ({ ...cl, claimantPartyId: workerIds[0] }));
  const ok =
    step(
      kind === 'arbitration' ? intIn(rng, 1, 5) * DAY : intIn(rng, 1, 20) * 3_600_000,
      handler,
      'case.accepted',
      (at) => ({ acceptedAt: iso(at) }),
    ) &&
    step(3_600_000, supervisor, 'case.assigned', () => ({
      assigneeId: c.userIdOf(handler),
      conflictCheckDone: true,
    }));
  if (!ok) return events;
  const ctx = { c, rng, pick, step, handler, supervisor, caseId, workers, workerIds, employer, claimTotal };
  if (kind === 'arbitration') arbitrationFlow(ctx);
  else mediationFlow(ctx);
  return events;
}

type FlowCtx = {
  c: PlanContext;
  rng: Rng;
  pick: ReturnType<typeof picker>;
  step: Step;
  handler: ActorKey;
  supervisor: ActorKey;
  caseId: string;
  workers: DemoWorker[];
  workerIds: string[];
  employer: ReturnType<typeof demoEmployer>;
  claimTotal: number;
};

function session(f: FlowCtx, gap: number, kind: 'hearing' | 'mediation_joint', mobile: boolean): boolean {
  return f.step(gap, f.handler, 'session.held', (at) => ({
    sessionId: f.c.uuid(),
    kind,
    venue: mobile ? f.pick(['factory', 'site', 'community_square', 'workers_home'] as const) : 'office',
    mobile,
    participants: [
      { name: f.workers[0]?.name ?? '申请人', partyId: f.workerIds[0], role: '申请人' },
      { name: f.employer.legalRepresentative, role: '被申请人代表' },
    ],
    start: new Date(at).toISOString(),
    end: new Date(at + 90 * 60_000).toISOString(),
  }));
}

function agreement(f: FlowCtx, totalFen: number, nextStep: 'perform_now' | 'judicial_confirmation'): boolean {
  const agreementId = f.c.uuid();
  const textSha256 = hex64(f.rng);
  return (
    f.step(30 * 60_000, f.handler, 'agreement.drafted', () => ({
      agreementId,
      textSha256,
      terms: [
        { description: `被申请人支付申请人各项款项合计${String(totalFen / 100)}元`, amountFen: totalFen },
      ],
      totalFen,
      nextStep,
    })) &&
    f.step(20 * 60_000, f.handler, 'agreement.signed', (at) => ({
      agreementId,
      textSha256,
      signatures: [
        { signer: f.workers[0]?.name ?? '申请人', partyId: f.workerIds[0], mark: 'fingerprint' },
        { signer: f.employer.legalRepresentative, mark: 'signature' },
      ],
      sealed: true,
      signedAt: new Date(at).toISOString(),
    }))
  );
}

function payment(f: FlowCtx, gap: number, amountFen: number): boolean {
  return f.step(gap, f.handler, 'payment.recorded', (at) => ({
    paymentId: f.c.uuid(),
    amountFen,
    paidOn: day(at),
    payer: f.employer.name,
    payerRole: 'employer',
    method: f.pick(['bank', 'wechat', 'cash', 'alipay'] as const),
    ...(f.workers.length === 1 ? { toPartyId: f.workerIds[0] } : {}),
    ...(f.rng() < 0.7 ? { proofSha256: hex64(f.rng) } : {}),
  }));
}

const close = (
  f: FlowCtx,
  gap: number,
  closureType: PayloadOf<'case.closed'>['closureType'],
  extra: Partial<PayloadOf<'case.closed'>> = {},
) =>
  f.step(gap, f.handler, 'case.closed', (at) => ({
    closureType,
    closedAt: new Date(at).toISOString(),
    summary: '依法结案',
    ...extra,
  }));

const roundFen = (x: number): number => Math.round(x / 10_000) * 10_000;

function mediationFlow(f: FlowCtx): void {
  const { rng } = f;
  if (!session(f, intIn(rng, 2, 10) * DAY, 'mediation_joint', rng() < 0.5)) return;
  const r = rng();
  if (r < 0.66) {
    const total = roundFen(f.claimTotal * (0.6 + rng() * 0.35));
    const viaCourt = rng() < 0.35;
    if (!agreement(f, total, viaCourt ? 'judicial_confirmation' : 'perform_now')) return;
    if (viaCourt) {
      const referralId = f.c.uuid();
      if (
        !f.step(intIn(rng, 1, 5) * DAY, f.handler, 'case.referred', () => ({
          referralId,
          target: 'court_confirmation',
          toOrgId: f.c.orgs.court,
        }))
      )
        return;
      const confirmed = rng() < 0.9;
      const ruled = f.step(intIn(rng, 3, 15) * DAY, 'court', 'referral.answered', (at) => ({
        referralId,
        outcome: confirmed ? 'confirmed' : 'rejected',
        rulingNumber: `（${day(at).slice(0, 4)}）鄂0804民特${String(intIn(rng, 1, 999))}号`,
        answeredAt: new Date(at).toISOString(),
      }));
      if (!ruled) return;
      if (!confirmed) {
        close(f, intIn(rng, 1, 5) * DAY, 'failed');
        return;
      }
    }
    if (!payment(f, intIn(rng, 0, 15) * DAY, total)) return;
    close(f, intIn(rng, 1, 5) * DAY, viaCourt ? 'mediated' : 'mediated_performed', {
      amountAgreedFen: total,
    });
  } else if (r < 0.86) {
    if (rng() < 0.5)
      f.step(intIn(rng, 1, 3) * DAY, f.handler, 'case.referred', () => ({
        referralId: f.c.uuid(),
        target: 'arbitration',
        toOrgId: f.c.orgs.arbitration,
      }));
    close(f, intIn(rng, 1, 3) * DAY, 'failed');
  } else close(f, intIn(rng, 1, 5) * DAY, rng() < 0.6 ? 'withdrawn' : 'terminated');
}

function arbitrationFlow(f: FlowCtx): void {
  const { rng } = f;
  if (rng() < 0.08) {
    // 中止 is the supervisor's approval (domain.md §6); the hub refuses it from the handler.
    const from = intIn(rng, 5, 10) * DAY;
    if (
      !f.step(from, f.supervisor, 'case.suspended', (at) => ({
        ground: 'awaiting_appraisal',
        from: day(at),
        reason: '等待劳动能力鉴定结论',
      }))
    )
      return;
    if (!f.step(intIn(rng, 10, 30) * DAY, f.handler, 'case.resumed', (at) => ({ on: day(at) }))) return;
  }
  if (rng() < 0.1) {
    const requestId = f.c.uuid();
    if (
      !f.step(intIn(rng, 25, 35) * DAY, f.handler, 'deadline.extension_requested', () => ({
        requestId,
        ruleId: 'awardTimeLimit',
        days: 15,
        reason: '案情复杂，需补充调查',
      }))
    )
      return;
    if (
      !f.step(intIn(rng, 1, 2) * DAY, f.supervisor, 'deadline.extended', () => ({
        ruleId: 'awardTimeLimit',
        days: 15,
        requestId,
        reason: '同意延长',
      }))
    )
      return;
  }
  const mobile = rng() < 0.25;
  // Most hearings fall inside the 45-day limit; a few run late and make the overdue list.
  if (!session(f, intIn(rng, 12, rng() < 0.9 ? 30 : 60) * DAY, 'hearing', mobile)) return;
  const r = rng();
  if (r < 0.45) {
    const total = roundFen(f.claimTotal * (0.55 + rng() * 0.35));
    if (!agreement(f, total, 'perform_now')) return;
    if (!close(f, intIn(rng, 1, 3) * DAY, 'arbitral_mediation', { amountAgreedFen: total })) return;
    if (rng() < 0.85) payment(f, intIn(rng, 1, 15) * DAY, total);
  } else if (r < 0.82) {
    const awarded = roundFen(f.claimTotal * (0.5 + rng() * 0.5));
    if (
      !close(f, intIn(rng, 5, 12) * DAY, rng() < 0.6 ? 'award_final' : 'award_non_final', {
        amountAwardedFen: awarded,
      })
    )
      return;
    if (rng() < 0.4) payment(f, intIn(rng, 10, 30) * DAY, awarded);
  } else if (r < 0.93) close(f, intIn(rng, 1, 4) * DAY, 'withdrawn');
}
