/*
 * payment.recorded cites the evidence proving it (#6): the reducer keeps the cited ids of this case's
 * evidence, maps an older event's proofSha256 to its evidence, and records a problem for an id that is
 * not this case's evidence while the money still counts.
 */
import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/reduce';
import { caseFacts } from '#shared/stats/facts';
import { paymentRecordedV1 } from '#shared/events/payloads-proceedings';
import { SAMPLE_IDS as A, SAMPLE_PAYLOADS as P } from '#shared/events/testing-samples';
import { fakeDevice } from './builder';

const SLIP = '01900000-0000-7000-8000-0000000000e1';
const STRANGER = '01900000-0000-7000-8000-0000000000e9';

function withEvidence() {
  const d = fakeDevice(1);
  const events = [
    d.emit('case.opened', P['case.opened']),
    d.emit('evidence.added', P['evidence.added']),
    d.emit('evidence.added', {
      ...P['evidence.added'],
      evidenceId: SLIP,
      sha256: 'b'.repeat(64),
      fileName: '银行回单.jpg',
    }),
  ];
  return { d, events };
}

describe('payment evidence', () => {
  it('keeps the evidence a payment cites, with the event confidentiality', () => {
    const { d, events } = withEvidence();
    const s = reduceCase([
      ...events,
      d.emit('payment.recorded', { ...P['payment.recorded'], evidenceIds: [A.evidence, SLIP] }),
    ]);
    expect(s.payments.map((p) => [p.amountFen, p.evidenceIds, p.conf])).toEqual([
      [500_000, [A.evidence, SLIP], 'public'],
    ]);
    expect(s.problems).toEqual([]);
  });

  it('reads an event from before #6 (proofSha256 only) as citing the evidence with that hash', () => {
    const { d, events } = withEvidence();
    const s = reduceCase([
      ...events,
      d.emit('payment.recorded', { ...P['payment.recorded'], proofSha256: 'b'.repeat(64) }),
      d.emit('payment.recorded', { ...P['payment.recorded'], paymentId: A.document }),
    ]);
    expect(s.payments.map((p) => p.evidenceIds)).toEqual([[SLIP], []]);
  });

  it('drops an id that is not evidence of this case, says so, and still counts the money', () => {
    const { d, events } = withEvidence();
    const s = reduceCase([
      ...events,
      d.emit('payment.recorded', { ...P['payment.recorded'], evidenceIds: [SLIP, STRANGER, SLIP] }),
    ]);
    expect(s.payments[0]?.evidenceIds).toEqual([SLIP]);
    expect(s.amountRecoveredFen).toBe(500_000);
    expect(s.problems.map((p) => [p.code, p.message])).toEqual([
      ['unknown_evidence', '付款凭证不是本案已登记的证据'],
    ]);
  });

  it('statistics count a payment citing evidence ids as one with proof (recovered-with-proof KPI)', () => {
    const { d, events } = withEvidence();
    const s = reduceCase([
      ...events,
      d.emit('payment.recorded', { ...P['payment.recorded'], evidenceIds: [SLIP] }),
      d.emit('payment.recorded', { ...P['payment.recorded'], paymentId: A.document }),
    ]);
    expect(caseFacts(s)?.payments.map((p) => p.withProof)).toEqual([true, false]);
  });

  it('the schema refuses an empty list, a non-id, or more than 20 proofs', () => {
    const base = P['payment.recorded'];
    expect(paymentRecordedV1.safeParse({ ...base, evidenceIds: [SLIP] }).success).toBe(true);
    expect(paymentRecordedV1.safeParse({ ...base, evidenceIds: [] }).success).toBe(false);
    expect(paymentRecordedV1.safeParse({ ...base, evidenceIds: ['receipt.jpg'] }).success).toBe(false);
    expect(paymentRecordedV1.safeParse({ ...base, evidenceIds: Array(21).fill(SLIP) }).success).toBe(false);
  });
});
