/*
 * 履行情况登记表: the agreement's schedule, every payment with the evidence proving it (receipt photo,
 * bank slip …), what was recovered and what is still owed. A party takes it to the court when applying
 * for a payment order (支付令, LDMAL Art. 16) or enforcement, so it is built from the party view only:
 * internal payments and internal or caucus evidence never appear.
 */
import type { Evidence, Payment } from '#shared/case/state';
import { formatYuan } from '#shared/law/money';
import { PAYMENT_METHOD_ZH, chineseDate, figureDate } from './labels';
import { TEMPLATE_VERSION, type DocumentModel } from './model';
import { amountText, partiesBlock, type PartyView } from './party-view';
import type { Performance } from './performance';

type Ctx = { readonly orgName: string; readonly date: string };

const STATUS_ZH = { paid: '已付清', partly_paid: '部分支付', due: '未到期', overdue: '已逾期' } as const;

/** A proof as a reader can find it again: its caption (or file name) and the start of its SHA-256. */
export const proofLabel = (e: Pick<Evidence, 'caption' | 'fileName' | 'sha256'>): string =>
  `${e.caption === '' ? e.fileName : e.caption}（SHA-256 ${e.sha256.slice(0, 12)}…）`;

/** The evidence a payment cites, in the order cited, that `evidence` knows. */
export const proofsOf = (p: Pick<Payment, 'evidenceIds'>, evidence: readonly Evidence[]): Evidence[] =>
  p.evidenceIds.flatMap((id) => evidence.filter((e) => e.evidenceId === id));

export function buildPerformanceRecord(view: PartyView, perf: Performance, ctx: Ctx): DocumentModel {
  const payments = view.payments.filter(
    (p) => p.agreementId === undefined || p.agreementId === perf.agreementId,
  );
  const schedule = perf.rows.map(
    (r) =>
      `第${String(r.index + 1)}期：${figureDate(r.dueDate)}前支付${formatYuan(r.amountFen)}，已付${formatYuan(r.paidFen)}，${STATUS_ZH[r.status]}。`,
  );
  return {
    templateId: 'performance_record',
    templateVersion: TEMPLATE_VERSION,
    audience: 'party',
    orgName: ctx.orgName,
    title: '调解协议履行情况登记表',
    caseNumber: view.caseNumber,
    parties: partiesBlock(view).filter((p) => p.label !== '委托代理人'),
    sections: [
      {
        heading: '协议约定',
        paragraphs: [`协议约定给付总额${amountText(perf.totalFen)}。`, ...schedule],
      },
      {
        heading: '履行情况',
        paragraphs: [
          `已履行${amountText(perf.paidFen)}，尚欠${amountText(perf.owedFen)}。`,
          ...(perf.overdue.length > 0 ? [`已逾期未付清${String(perf.overdue.length)}期。`] : []),
        ],
      },
    ],
    table: {
      headers: ['序号', '付款日期', '金额', '付款人', '方式', '付款凭证'],
      rows: payments.map((p, i) => [
        String(i + 1),
        figureDate(p.paidOn),
        formatYuan(p.amountFen),
        p.payer,
        PAYMENT_METHOD_ZH[p.method],
        proofsOf(p, view.evidence).map(proofLabel).join('；') || '无',
      ]),
    },
    signers: [{ role: '登记人', name: '', mark: '' }],
    dateText: chineseDate(ctx.date),
    footnotes: ['付款凭证原件（照片、银行回单）以其SHA-256值登记在本案证据中，可凭此核对。'],
  };
}
