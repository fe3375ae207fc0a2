/*
 * One valid v1 payload per event type, for tests in every environment (hub push tests, renderer
 * repositories, the reducer's property tests). Ids are fixed UUIDv7s so fixtures are stable.
 */
import type { EventType, PayloadOf } from './payloads';

/** Fixed ids used by the samples (a party, a claim, evidence, a session, an agreement …). */
export const SAMPLE_IDS = {
  worker: '01900000-0000-7000-8000-000000000001',
  employer: '01900000-0000-7000-8000-000000000002',
  claim: '01900000-0000-7000-8000-000000000003',
  evidence: '01900000-0000-7000-8000-000000000004',
  session: '01900000-0000-7000-8000-000000000005',
  agreement: '01900000-0000-7000-8000-000000000006',
  referral: '01900000-0000-7000-8000-000000000007',
  note: '01900000-0000-7000-8000-000000000008',
  payment: '01900000-0000-7000-8000-000000000009',
  document: '01900000-0000-7000-8000-00000000000a',
  request: '01900000-0000-7000-8000-00000000000b',
  transcript: '01900000-0000-7000-8000-00000000000c',
  /** Stands in for "some earlier event" in corrections and resolutions. */
  event: '01900000-0000-7000-8000-00000000000d',
} as const;

const HASH = 'a'.repeat(64);
const AT = '2026-11-28T09:00:00.000Z';

/** A valid payload for each event type. */
export const SAMPLE_PAYLOADS: { readonly [T in EventType]: PayloadOf<T> } = {
  'case.opened': {
    kind: 'mediation',
    tempNumber: '临-A1B2-1',
    channel: 'mobile',
    disputeCategories: ['wage_arrears'],
    caseCause: '追索劳动报酬',
    collective: false,
    receivedAt: AT,
  },
  'case.accepted': { acceptedAt: AT },
  'case.numbered': { caseNumber: '荆劳人仲字〔2026〕第1号', year: 2026, seq: 1 },
  'case.assigned': { assigneeId: 'user-mediator', conflictCheckDone: true },
  'case.reassigned': { assigneeId: 'user-other', reason: '原调解员回避' },
  'stage.advanced': { to: 'in_session' },
  'party.added': { partyId: SAMPLE_IDS.worker, role: 'applicant', kind: 'worker', name: '张三' },
  'party.corrected': {
    corrects: SAMPLE_IDS.event,
    partyId: SAMPLE_IDS.worker,
    changes: { phone: '13800000000' },
    reason: '当事人更正电话',
  },
  'claim.added': { claimId: SAMPLE_IDS.claim, item: 'WAGE_ARREARS', amountClaimedFen: 1_200_000 },
  'claim.corrected': {
    corrects: SAMPLE_IDS.event,
    claimId: SAMPLE_IDS.claim,
    changes: { amountClaimedFen: 1_100_000 },
    reason: '核对工资表',
  },
  'evidence.added': {
    evidenceId: SAMPLE_IDS.evidence,
    sha256: HASH,
    size: 1024,
    mime: 'image/jpeg',
    fileName: 'iou.jpg',
    capturedAt: AT,
    caption: '欠条',
    claimIds: [SAMPLE_IDS.claim],
  },
  'evidence.retracted': { corrects: SAMPLE_IDS.event, evidenceId: SAMPLE_IDS.evidence, reason: '拍错了' },
  'evidence.acknowledged': {
    evidenceId: SAMPLE_IDS.evidence,
    partyId: SAMPLE_IDS.employer,
    position: 'disputed',
    note: '对真实性有异议',
  },
  'note.recorded': { noteId: SAMPLE_IDS.note, method: 'five_heart', stage: 1, fields: { emotion: 3 } },
  'session.held': {
    sessionId: SAMPLE_IDS.session,
    kind: 'mediation_joint',
    venue: 'site',
    mobile: true,
    participants: [{ name: '张三', partyId: SAMPLE_IDS.worker, role: '申请人' }],
    start: AT,
    end: '2026-11-28T10:00:00.000Z',
  },
  'transcript.recorded': {
    transcriptId: SAMPLE_IDS.transcript,
    sessionId: SAMPLE_IDS.session,
    part: 1,
    text: '调解员：现在开始调解\n张三：公司欠我工资一万元',
  },
  'transcript.signed': {
    transcriptId: SAMPLE_IDS.transcript,
    sessionId: SAMPLE_IDS.session,
    sha256: HASH,
    signatures: [{ signer: '张三', mark: 'fingerprint' }],
  },
  'agreement.drafted': {
    agreementId: SAMPLE_IDS.agreement,
    textSha256: HASH,
    terms: [{ description: '支付工资 10000 元', amountFen: 1_000_000 }],
    totalFen: 1_000_000,
    nextStep: 'perform_now',
  },
  'agreement.signed': {
    agreementId: SAMPLE_IDS.agreement,
    textSha256: HASH,
    signatures: [{ signer: '张三', mark: 'signature' }],
    sealed: true,
    signedAt: AT,
  },
  'payment.recorded': {
    paymentId: SAMPLE_IDS.payment,
    amountFen: 500_000,
    paidOn: '2026-11-28',
    payer: '某建筑公司',
    payerRole: 'employer',
    method: 'bank',
  },
  'case.referred': { referralId: SAMPLE_IDS.referral, target: 'court_confirmation', toOrgId: 'org-court' },
  'referral.answered': {
    referralId: SAMPLE_IDS.referral,
    outcome: 'confirmed',
    rulingNumber: '(2026)鄂0802民特调确字第1号',
    answeredAt: AT,
  },
  'deadline.extension_requested': {
    requestId: SAMPLE_IDS.request,
    ruleId: 'awardTimeLimit',
    days: 15,
    reason: '案情复杂',
  },
  'deadline.extended': {
    ruleId: 'awardTimeLimit',
    days: 15,
    requestId: SAMPLE_IDS.request,
    reason: '同意延期',
  },
  'case.suspended': { ground: 'awaiting_appraisal', from: '2026-11-28', reason: '等待工伤认定' },
  'case.resumed': { on: '2026-12-10' },
  'review.commented': { text: '请补充考勤记录' },
  'closure.requested': {
    requestId: SAMPLE_IDS.request,
    closureType: 'mediated_performed',
    summary: '已履行',
  },
  'closure.approved': { requestId: SAMPLE_IDS.request },
  'case.returned': { reason: '材料不全' },
  'case.closed': { closureType: 'mediated_performed', closedAt: AT, summary: '调解成功并已履行' },
  'conflict.resolved': { conflictId: SAMPLE_IDS.event, keep: null, reason: '两条结案记录均作废，重新结案' },
  'document.issued': {
    documentId: SAMPLE_IDS.document,
    templateId: 'mediation-agreement',
    templateVersion: '1',
    title: '调解协议书',
    sha256: HASH,
    size: 2048,
  },
  'audit.revealed': { field: 'idNumber', partyId: SAMPLE_IDS.worker, purpose: '核对身份' },
};
