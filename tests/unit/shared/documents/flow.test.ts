import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/reduce';
import { agreementSignedV1 } from '#shared/events/payloads-proceedings';
import {
  addSignature,
  checkPayment,
  currentSigner,
  parseTranscript,
  performanceOf,
  signedPayload,
  speakerShortcut,
  startSigning,
  transcriptText,
  undoLast,
  type SigningState,
  type StartInput,
} from '#shared/documents/index';
import { fakeDevice } from '../case/builder';
import { buildCase, IDS } from './scenario';

const H = (n: number) => n.toString(16).padStart(64, '0');
const start: StartInput = {
  missing: [],
  sealed: false,
  textSha256: H(1),
  currentSha256: H(1),
  signers: [
    { name: '张三', roleZh: '申请人', partyId: IDS.worker },
    { name: '王五', roleZh: '被申请人', partyId: IDS.employer },
    { name: '李调解', roleZh: '调解员', userId: 'user-1' },
  ],
};

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { zh: string } }): T => {
  if (!r.ok) throw new Error(r.error.zh);
  return r.value;
};

describe('signing flow', () => {
  it('is refused while required fields are missing, when sealed, unsaved or stale', () => {
    const code = (i: StartInput) => {
      const r = startSigning(i);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code({ ...start, missing: [{ zh: '计算表' }] })).toBe('sign_missing');
    expect(code({ ...start, sealed: true })).toBe('sign_sealed');
    expect(code({ ...start, textSha256: null })).toBe('sign_no_draft');
    expect(code({ ...start, currentSha256: H(2) })).toBe('sign_stale');
    expect(code({ ...start, signers: [] })).toBe('sign_no_signers');
    const r = startSigning({ ...start, missing: [{ zh: '计算表' }] });
    expect(r.ok ? '' : r.error.zh).toBe('尚有必填项未填写，不能签署：计算表');
  });

  it('takes the signers in order, refuses an empty pad, allows redoing the last one', () => {
    let s: SigningState = unwrap(startSigning(start));
    expect(currentSigner(s)?.name).toBe('张三');
    const empty = addSignature(s, { imageSha256: null, at: '2026-11-29T02:00:00.000Z' });
    expect(empty.ok ? '' : empty.error.zh).toBe('请张三在签名板上签名');
    s = unwrap(addSignature(s, { imageSha256: H(10), at: '2026-11-29T02:00:00.000Z' }));
    expect(currentSigner(s)?.name).toBe('王五');
    s = undoLast(s);
    expect(currentSigner(s)?.name).toBe('张三');
    s = unwrap(addSignature(s, { imageSha256: H(10), at: '2026-11-29T02:00:00.000Z' }));
    s = unwrap(addSignature(s, { imageSha256: H(11), at: '2026-11-29T02:01:00.000Z' }));
    expect(signedPayload(s, IDS.agreement, '2026-11-29T02:02:00.000Z').ok).toBe(false);
    s = unwrap(addSignature(s, { imageSha256: H(12), at: '2026-11-29T02:02:00.000Z' }));
    expect(s.phase).toBe('complete');
    expect(currentSigner(s)).toBeNull();
    expect(addSignature(s, { imageSha256: H(13), at: '2026-11-29T02:03:00.000Z' }).ok).toBe(false);

    const payload = unwrap(signedPayload(s, IDS.agreement, '2026-11-29T02:02:00.000Z'));
    expect(agreementSignedV1.safeParse(payload).success).toBe(true);
    expect(payload.sealed).toBe(true);
    expect(payload.textSha256).toBe(H(1));
    expect(payload.signatures.map((x) => [x.signer, x.imageSha256, x.partyId ?? x.userId])).toEqual([
      ['张三', H(10), IDS.worker],
      ['王五', H(11), IDS.employer],
      ['李调解', H(12), 'user-1'],
    ]);
  });

  it('a refusal is recorded but the agreement does not take effect', () => {
    let s = unwrap(startSigning({ ...start, signers: start.signers.slice(0, 1) }));
    s = unwrap(addSignature(s, { imageSha256: null, at: '2026-11-29T02:00:00.000Z', kind: 'refused' }));
    const r = signedPayload(s, IDS.agreement, '2026-11-29T02:02:00.000Z');
    expect(r.ok ? '' : r.error.code).toBe('sign_refused');
  });
});

describe('performance', () => {
  const signedCase = (payments: number[]) => {
    const { events } = buildCase();
    const d = fakeDevice(2);
    const ev = [
      ...events,
      d.emit('agreement.drafted', {
        agreementId: IDS.agreement,
        textSha256: H(1),
        terms: [{ claimId: IDS.claim, description: '拖欠劳动报酬', amountFen: 1_860_000 }],
        totalFen: 1_860_000,
        instalments: [
          { dueDate: '2026-12-10', amountFen: 930_000 },
          { dueDate: '2027-01-10', amountFen: 930_000 },
        ],
        nextStep: 'instalments',
      }),
      d.emit('agreement.signed', {
        agreementId: IDS.agreement,
        textSha256: H(1),
        signatures: [{ signer: '张三', mark: 'signature', imageSha256: H(10) }],
        sealed: true,
        signedAt: '2026-11-29T02:00:00.000Z',
      }),
      ...payments.map((amountFen, i) =>
        d.emit('payment.recorded', {
          paymentId: `01930000-0000-7000-8000-00000000060${String(i)}`,
          amountFen,
          paidOn: '2026-12-01',
          payer: '荆门某建筑有限公司',
          payerRole: 'employer',
          method: 'bank',
          agreementId: IDS.agreement,
        }),
      ),
    ];
    return reduceCase(ev);
  };

  it('applies a payment to the first instalment and shows the next due date', () => {
    const state = signedCase([930_000]);
    const p = performanceOf(state, '2026-12-05');
    expect(p?.paidFen).toBe(930_000);
    expect(p?.owedFen).toBe(930_000);
    expect(p?.rows.map((r) => r.status)).toEqual(['paid', 'due']);
    expect(p?.next?.dueDate).toBe('2027-01-10');
    expect(state.amountRecoveredFen).toBe(930_000);
  });

  it('flags overdue instalments', () => {
    const p = performanceOf(signedCase([500_000]), '2026-12-11');
    expect(p?.rows.map((r) => r.status)).toEqual(['overdue', 'due']);
    expect(p?.overdue.map((r) => r.dueDate)).toEqual(['2026-12-10']);
  });

  it('refuses a payment larger than what is owed, or of nothing', () => {
    const p = performanceOf(signedCase([930_000]), '2026-12-05');
    const r = checkPayment(p, 1_000_000);
    expect(r.ok ? '' : r.error.zh).toBe('付款金额¥10,000.00超过尚欠金额¥9,300.00');
    expect(checkPayment(p, 0).ok).toBe(false);
    expect(checkPayment(p, 930_000).ok).toBe(true);
    expect(checkPayment(null, 1).ok).toBe(false);
  });

  it('is null before signing; paying by instalments starts no JC or review timer', () => {
    expect(performanceOf(buildCase().state, '2026-12-05')).toBeNull();
    const rules = signedCase([]).deadlines.triggers.map((t) => t.ruleId);
    expect(rules).not.toContain('judicialConfirmationApplication');
    expect(rules).not.toContain('arbitralReviewApplication');
  });
});

describe('transcript text', () => {
  it('round-trips speaker lines and folds newlines', () => {
    const lines = [
      { speaker: '调解员', text: '现在开始' },
      { speaker: '张三', text: '第一行\n第二行' },
    ];
    const text = transcriptText(lines);
    expect(text).toBe('调解员：现在开始\n张三：第一行 第二行');
    expect(parseTranscript(text)).toEqual([lines[0], { speaker: '张三', text: '第一行 第二行' }]);
    expect(parseTranscript('')).toEqual([]);
  });

  it('maps Alt+1..9 to speakers, by physical key when Alt changes the character', () => {
    expect(speakerShortcut({ altKey: true, key: '3', code: 'Digit3' })).toBe(2);
    expect(speakerShortcut({ altKey: true, key: '¡', code: 'Digit1' })).toBe(0);
    expect(speakerShortcut({ altKey: false, key: '3', code: 'Digit3' })).toBeNull();
    expect(speakerShortcut({ altKey: true, key: '0', code: 'Digit0' })).toBeNull();
  });
});
