/*
 * 履行情况登记表 (#6): the schedule, payments with the evidence that proves them, recovered and owed;
 * party-facing, so an internal payment and caucus or retracted evidence never appear in it.
 */
import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/reduce';
import { buildPerformanceRecord } from '#shared/documents/performance-record';
import { performanceOf } from '#shared/documents/performance';
import { partyView } from '#shared/documents/party-view';
import { renderText } from '#shared/documents/model';
import { fakeDevice } from '../case/builder';
import { buildCase, IDS } from './scenario';

const SLIP = '01930000-0000-7000-8000-000000000701';
const CAUCUS_PHOTO = '01930000-0000-7000-8000-000000000702';
const RETRACTED = '01930000-0000-7000-8000-000000000703';
const H = (n: number) => n.toString(16).padStart(64, '0');

function paidCase() {
  const { events } = buildCase();
  const d = fakeDevice(2);
  const evidence = (evidenceId: string, n: number, caption: string) =>
    d.emit(
      'evidence.added',
      {
        evidenceId,
        sha256: H(n),
        size: 1000,
        mime: 'image/jpeg',
        fileName: `${caption}.jpg`,
        capturedAt: '2026-12-01T02:00:00.000Z',
        caption,
        claimIds: [],
      },
      n === 2 ? { conf: `caucus:${IDS.employer}` } : {},
    );
  const payment = (paymentId: string, amountFen: number, evidenceIds: string[], internal = false) =>
    d.emit(
      'payment.recorded',
      {
        paymentId,
        amountFen,
        paidOn: '2026-12-01',
        payer: '荆门某建筑有限公司',
        payerRole: 'employer',
        method: 'bank',
        agreementId: IDS.agreement,
        evidenceIds,
      },
      internal ? { conf: 'internal' } : {},
    );
  const retractedSlip = evidence(RETRACTED, 3, '作废回单');
  return reduceCase([
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
      signatures: [{ signer: '张三', mark: 'signature' }],
      sealed: true,
      signedAt: '2026-11-29T02:00:00.000Z',
    }),
    evidence(SLIP, 1, '银行回单'),
    evidence(CAUCUS_PHOTO, 2, '老板私下转账截图'),
    retractedSlip,
    d.emit('evidence.retracted', { corrects: retractedSlip.id, evidenceId: RETRACTED, reason: '拍错' }),
    payment('01930000-0000-7000-8000-000000000801', 930_000, [SLIP, CAUCUS_PHOTO, RETRACTED]),
    payment('01930000-0000-7000-8000-000000000802', 100_000, [CAUCUS_PHOTO], true),
  ]);
}

describe('performance record', () => {
  const state = paidCase();
  const view = partyView(state);
  const perf = performanceOf(state, '2026-12-05', view.payments);
  if (perf === null) throw new Error('no performance');
  const doc = buildPerformanceRecord(view, perf, { orgName: '某调解委员会', date: '2026-12-05' });
  const text = renderText(doc);

  it('lists the schedule, recovered and owed in figures and in words', () => {
    expect(doc.audience).toBe('party');
    expect(text).toContain('协议约定给付总额人民币壹万捌仟陆佰元整（¥18,600.00）');
    expect(text).toContain('第1期：2026年12月10日前支付¥9,300.00');
    expect(text).toContain('荆门某建筑有限公司');
    expect(text).toContain('已履行人民币玖仟叁佰元整（¥9,300.00），尚欠人民币玖仟叁佰元整（¥9,300.00）');
  });

  it('shows each main-file payment with its main-file proof, by caption and hash', () => {
    expect(doc.table?.rows).toEqual([
      [
        '1',
        '2026年12月1日',
        '¥9,300.00',
        '荆门某建筑有限公司',
        '银行转账',
        `银行回单（SHA-256 ${H(1).slice(0, 12)}…）`,
      ],
    ]);
  });

  it('leaves out the internal payment, caucus evidence and retracted evidence', () => {
    expect(text).not.toContain('¥1,000.00');
    expect(text).not.toContain('¥10,300.00');
    expect(state.amountRecoveredFen).toBe(1_030_000);
    expect(text).not.toContain('老板私下转账截图');
    expect(text).not.toContain('作废回单');
  });
});
