/*
 * fast-check generator of multi-device case histories: random but mostly plausible events from three
 * devices that sync (observe) at random moments, with references that sometimes hit and sometimes
 * miss (wrong targets, unknown conflicts), so conflicts and problems are exercised as well.
 */
import fc from 'fast-check';
import { reduceCase } from '#shared/case/reduce';
import { ALL_STATUSES, nextStatuses } from '#shared/case/status';
import { CASE_KINDS } from '#shared/domain/case-kinds';
import { CLOSURE_TYPES } from '#shared/domain/closure-types';
import { REFERRAL_TARGETS } from '#shared/domain/organisation';
import { SESSION_KINDS } from '#shared/domain/sessions';
import type { CaseEvent } from '#shared/events/envelope';
import { EVENT_TYPES, type EventType, type PayloadOf } from '#shared/events/payloads';
import { SAMPLE_PAYLOADS as P } from '#shared/events/testing-samples';
import { fakeDevice, type FakeDevice } from './builder';

const pool = (n: number): string => `01900000-0000-7000-8000-0000000001${n.toString(16).padStart(2, '0')}`;
const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length] as T;

export type Action = { dev: number; type: EventType; a: number; b: number; c: number; sync: number | null };

export const actionArb: fc.Arbitrary<Action> = fc.record({
  dev: fc.nat({ max: 2 }),
  // Conflict-prone types come up more often, so conflicts and their resolution are well exercised.
  type: fc.oneof(
    { arbitrary: fc.constantFrom(...EVENT_TYPES), weight: 3 },
    {
      arbitrary: fc.constantFrom<EventType>(
        'case.closed',
        'agreement.signed',
        'stage.advanced',
        'conflict.resolved',
        'case.accepted',
      ),
      weight: 1,
    },
  ),
  a: fc.nat({ max: 50 }),
  b: fc.nat({ max: 50 }),
  c: fc.nat({ max: 50 }),
  sync: fc.option(fc.nat({ max: 200 }), { nil: null }),
});

type Build = (x: Action, prior: readonly CaseEvent[]) => unknown;
const ref = (prior: readonly CaseEvent[], n: number): string => pick(prior, n).id;

const BUILD: { [T in EventType]: Build } = {
  'case.opened': (x) => ({ ...P['case.opened'], kind: pick(CASE_KINDS, x.a) }),
  'case.accepted': (x) =>
    x.a % 3 === 0 ? { ...P['case.accepted'], officialNumber: `No.${String(x.b)}` } : P['case.accepted'],
  'case.numbered': (x) => ({ ...P['case.numbered'], seq: x.a + 1, caseNumber: `第${String(x.a + 1)}号` }),
  'case.assigned': (x) => ({ ...P['case.assigned'], assigneeId: `user-${String(x.a % 3)}` }),
  'case.reassigned': (x) => ({ ...P['case.reassigned'], assigneeId: `user-${String(x.a % 3)}` }),
  'stage.advanced': (x, pr) => {
    // Mostly a move the machine allows from the current state, sometimes any status at all.
    const s = reduceCase(pr);
    const next = s.kind !== null && s.status !== null ? nextStatuses(s.kind, s.status) : [];
    return { to: x.c % 4 === 0 || next.length === 0 ? pick(ALL_STATUSES, x.a) : pick(next, x.a) };
  },
  'party.added': (x) => ({ ...P['party.added'], partyId: pool(x.a % 3) }),
  'party.corrected': (x, pr) => ({
    ...P['party.corrected'],
    partyId: pool(x.a % 3),
    corrects: ref(pr, x.b),
    changes: { name: `名${String(x.c)}` },
  }),
  'claim.added': (x) => ({
    ...P['claim.added'],
    claimId: pool(10 + (x.a % 3)),
    amountClaimedFen: x.b * 1000,
  }),
  'claim.corrected': (x, pr) => ({
    ...P['claim.corrected'],
    claimId: pool(10 + (x.a % 3)),
    corrects: ref(pr, x.b),
    changes: x.c % 4 === 0 ? { withdrawn: true } : { amountClaimedFen: x.c * 100 },
  }),
  'evidence.added': (x) => ({ ...P['evidence.added'], evidenceId: pool(20 + (x.a % 3)) }),
  'evidence.retracted': (x, pr) => ({
    ...P['evidence.retracted'],
    evidenceId: pool(20 + (x.a % 3)),
    corrects: ref(pr, x.b),
  }),
  'evidence.acknowledged': (x) => ({
    ...P['evidence.acknowledged'],
    evidenceId: pool(20 + (x.a % 3)),
    partyId: pool(x.b % 3),
    position: (['yes', 'no', 'disputed'] as const)[x.c % 3] ?? 'yes',
  }),
  'note.recorded': (x, pr) => ({
    ...P['note.recorded'],
    noteId: pool(30 + (x.a % 3)),
    stage: 1 + (x.b % 4),
    ...(x.c % 2 === 0 ? { corrects: ref(pr, x.c) } : {}),
  }),
  'session.held': (x) => ({
    ...P['session.held'],
    sessionId: pool(40 + (x.a % 3)),
    kind: pick(SESSION_KINDS, x.b),
  }),
  'transcript.recorded': (x) => ({
    ...P['transcript.recorded'],
    sessionId: pool(40 + (x.a % 3)),
    part: 1 + (x.b % 3),
  }),
  'transcript.signed': (x) => ({ ...P['transcript.signed'], sessionId: pool(40 + (x.a % 3)) }),
  'agreement.drafted': (x) => ({ ...P['agreement.drafted'], agreementId: pool(50 + (x.a % 2)) }),
  'agreement.signed': (x) => ({
    ...P['agreement.signed'],
    agreementId: pool(50 + (x.a % 2)),
    textSha256: pick(['a', 'b'], x.b).repeat(64),
    sealed: x.c % 2 === 0,
  }),
  'payment.recorded': (x) => ({
    ...P['payment.recorded'],
    paymentId: pool(60 + (x.a % 4)),
    amountFen: x.b * 100,
  }),
  'case.referred': (x) => ({
    ...P['case.referred'],
    referralId: pool(70 + (x.a % 2)),
    target: pick(REFERRAL_TARGETS, x.b),
  }),
  'referral.answered': (x) => ({
    ...P['referral.answered'],
    referralId: pool(70 + (x.a % 3)),
    outcome: pick(['accepted', 'declined', 'confirmed', 'rejected', 'completed'] as const, x.b),
  }),
  'deadline.extension_requested': (x) => ({
    ...P['deadline.extension_requested'],
    requestId: pool(80 + (x.a % 2)),
  }),
  'deadline.extended': (x) => ({ ...P['deadline.extended'], requestId: pool(80 + (x.a % 3)) }),
  'case.suspended': () => P['case.suspended'],
  'case.resumed': () => P['case.resumed'],
  'review.commented': (x, pr) => ({ text: `意见${String(x.a)}`, refersTo: ref(pr, x.b) }),
  'closure.requested': (x) => ({ ...P['closure.requested'], requestId: pool(90 + (x.a % 2)) }),
  'closure.approved': (x) => ({ requestId: pool(90 + (x.a % 3)) }),
  'case.returned': (x) => ({
    reason: '补充',
    ...(x.b % 2 === 0 ? { requestId: pool(80 + (x.a % 20)) } : {}),
  }),
  'case.closed': (x) => ({
    ...P['case.closed'],
    closureType: pick(CLOSURE_TYPES, x.a),
    ...(pick(CLOSURE_TYPES, x.a) === 'other' ? { otherReason: '其他' } : {}),
  }),
  'conflict.resolved': (x, pr) => {
    // Mostly name a conflict that exists and one of its events; sometimes a wrong reference.
    const open = reduceCase(pr).conflicts;
    const c = open.length > 0 && x.a % 5 !== 0 ? pick(open, x.a) : null;
    return {
      conflictId: c?.id ?? ref(pr, x.a),
      keep: x.b % 3 === 0 ? null : c !== null && x.c % 4 !== 0 ? pick(c.eventIds, x.c) : ref(pr, x.c),
      reason: '处理',
    };
  },
  'document.issued': (x) => ({ ...P['document.issued'], documentId: pool(100 + (x.a % 3)) }),
  'audit.revealed': () => P['audit.revealed'],
};

/** Builds the events of one history: dev 0 opens the case, then the actions run in order. */
export function buildHistory(openKind: number, actions: readonly Action[]): CaseEvent[] {
  const devices: FakeDevice[] = [
    fakeDevice(1),
    fakeDevice(2, 'supervisor', 30_000),
    fakeDevice(3, 'clerk', -30_000),
  ];
  const first = devices[0] as FakeDevice;
  const events: CaseEvent[] = [
    first.emit('case.opened', { ...P['case.opened'], kind: pick(CASE_KINDS, openKind) }),
  ];
  for (const x of actions) {
    const d = devices[x.dev] as FakeDevice;
    if (x.sync !== null) d.observe(pick(events, x.sync));
    // Whoever resolves a conflict has seen the events in it.
    if (x.type === 'conflict.resolved') for (const e of events) d.observe(e);
    events.push(d.emit(x.type, BUILD[x.type](x, events) as PayloadOf<typeof x.type>));
  }
  return events;
}
