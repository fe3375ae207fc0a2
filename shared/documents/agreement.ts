/*
 * The mediation agreement (调解协议书): its content as the mediator drafts it (from the claim items),
 * the checks that refuse a bad draft, and the document with every element of 人民调解法 Art. 29 /
 * LDMAL Art. 14: the parties' particulars, main facts, matters in dispute, each side's responsibility,
 * the agreed terms, and the manner and time of performance.
 */
import type { PayloadOf } from '#shared/events/envelope';
import { msg, type LawMessage } from '#shared/law/messages';
import { err, ok, type Result } from '#shared/util/result';
import { chineseDate, CLAIM_ITEM_ZH, figureDate } from './labels';
import { TEMPLATE_VERSION, type DocSigner, type DocumentModel } from './model';
import { amountText, claimLine, partiesBlock, principals, type PartyView } from './party-view';

export type NextStep = PayloadOf<'agreement.drafted'>['nextStep'];
export type AgreementTerm = PayloadOf<'agreement.drafted'>['terms'][number];
export type Instalment = { readonly dueDate: string; readonly amountFen: number };

/** The parts of the agreement text that the events' terms do not carry (kept in a public stage-5 note). */
export type AgreementBasis = {
  readonly facts: string;
  readonly disputes: string;
  readonly responsibility: string;
  readonly manner: string;
};

/** Everything the agreement text is made of. */
export type AgreementContent = {
  readonly agreementId: string;
  readonly basis: AgreementBasis;
  readonly terms: readonly AgreementTerm[];
  readonly instalments: readonly Instalment[];
  readonly nextStep: NextStep;
};

export const termsTotal = (terms: readonly AgreementTerm[]): number =>
  terms.reduce((sum, t) => sum + (t.amountFen ?? 0), 0);

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses a draft that could not be performed as written; every problem at once (一次性告知). */
export function validateAgreement(c: AgreementContent): Result<{ totalFen: number }, LawMessage[]> {
  const problems: LawMessage[] = [];
  if (c.basis.facts.trim() === '')
    problems.push(msg('agreement_facts', '请填写纠纷的主要事实', 'Enter the main facts'));
  if (c.basis.disputes.trim() === '')
    problems.push(msg('agreement_disputes', '请填写争议事项', 'Enter the matters in dispute'));
  if (c.basis.manner.trim() === '')
    problems.push(msg('agreement_manner', '请填写履行方式', 'Enter the manner of performance'));
  if (c.terms.length === 0)
    problems.push(msg('agreement_no_terms', '协议至少需要一项约定内容', 'Add at least one term'));
  if (c.terms.some((t) => t.description.trim() === ''))
    problems.push(msg('agreement_term_blank', '每项约定内容都需要说明', 'Every term needs a description'));
  const total = termsTotal(c.terms);
  if (c.instalments.length > 0) {
    const sum = c.instalments.reduce((s, i) => s + i.amountFen, 0);
    if (sum !== total)
      problems.push(
        msg(
          'agreement_instalments_sum',
          `分期金额合计${(sum / 100).toFixed(2)}元，与协议总额${(total / 100).toFixed(2)}元不符`,
          `Instalments add up to ${(sum / 100).toFixed(2)}, the agreed total is ${(total / 100).toFixed(2)}`,
        ),
      );
    if (c.instalments.some((i) => !DATE_RE.test(i.dueDate) || i.amountFen <= 0))
      problems.push(
        msg(
          'agreement_instalment_bad',
          '每期需要有效的到期日和大于零的金额',
          'Each instalment needs a date and an amount',
        ),
      );
    const dates = c.instalments.map((i) => i.dueDate);
    if (dates.some((d, i) => i > 0 && d <= (dates[i - 1] ?? '')))
      problems.push(
        msg('agreement_instalment_order', '分期到期日须按先后排列且不重复', 'Due dates must ascend'),
      );
  }
  if (c.nextStep === 'instalments' && c.instalments.length < 2)
    problems.push(
      msg(
        'agreement_instalments_missing',
        '选择分期履行时至少需要两期',
        'Instalments need at least two payments',
      ),
    );
  return problems.length > 0 ? err(problems) : ok({ totalFen: total });
}

/** What an edit to an agreement gets once it is sealed: refused, with the way forward. */
export function refuseIfSealed(sealed: boolean): Result<void, LawMessage> {
  return sealed
    ? err(
        msg(
          'agreement_sealed',
          '协议已封存，不能修改；如需变更请签订补充协议',
          'The agreement is sealed; record an addendum',
        ),
      )
    : ok(undefined);
}

const NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

const termLine = (t: AgreementTerm, i: number, payer: string, payee: string): string => {
  const money = t.amountFen === undefined ? '' : `向${payee}支付${amountText(t.amountFen)}`;
  const due = t.dueDate ? `，于${figureDate(t.dueDate)}前履行` : '';
  const body = money === '' ? t.description : `${payer}${money}（${t.description}）`;
  return `${i + 1}. ${body}${due}。`;
};

const NEXT_STEP_CLAUSE: Record<NextStep, string> = {
  perform_now: '被申请人于本协议签订时当场履行完毕。',
  instalments: '按上述分期履行；任何一期逾期未付的，申请人可依法申请仲裁或申请支付令。',
  judicial_confirmation: '双方同意自本协议生效之日起三十日内共同向人民法院申请司法确认。',
  arbitral_review: '双方同意自本协议生效之日起十五日内共同向劳动人事争议仲裁委员会申请仲裁审查。',
};

export type DocContext = { readonly orgName: string; readonly date: string; readonly mediatorName: string };

/** What a signer left, in signing order: the mark's words and the pad image (if any). */
export type SignerMark = { readonly mark: string; readonly imageSha256?: string };

/**
 * The agreement as it will print. `marks` fills the signature lines once signed, with the signature
 * images and the seal (none of it is part of the hashed text).
 */
export function buildAgreementDocument(
  view: PartyView,
  c: AgreementContent,
  ctx: DocContext,
  marks: readonly (string | SignerMark)[] = [],
  sealImageSha256?: string,
): DocumentModel {
  const payer =
    principals(view, 'respondent')
      .map((p) => p.current.name)
      .join('、') || '被申请人';
  const payee =
    principals(view, 'applicant')
      .map((p) => p.current.name)
      .join('、') || '申请人';
  const total = termsTotal(c.terms);
  const schedule =
    c.instalments.length > 0
      ? c.instalments.map(
          (x, i) => `第${NUM[i] ?? i + 1}期：${figureDate(x.dueDate)}前支付${amountText(x.amountFen)}。`,
        )
      : [];
  const disputes = [c.basis.disputes, ...view.claims.map((x, i) => `（${i + 1}）${claimLine(x)}`)];
  const signers: DocSigner[] = [
    ...principals(view, 'applicant').map((p) => ({ role: '申请人', name: p.current.name })),
    ...principals(view, 'respondent').map((p) => ({ role: '被申请人', name: p.current.name })),
    { role: '调解员', name: ctx.mediatorName },
  ].map((s, i) => {
    const m = marks[i] ?? '';
    return typeof m === 'string'
      ? { ...s, mark: m }
      : { ...s, mark: m.mark, ...(m.imageSha256 === undefined ? {} : { imageSha256: m.imageSha256 }) };
  });
  return {
    templateId: 'mediation_agreement',
    templateVersion: TEMPLATE_VERSION,
    audience: 'party',
    orgName: ctx.orgName,
    title: '调解协议书',
    caseNumber: view.caseNumber,
    parties: partiesBlock(view),
    sections: [
      { heading: '一、纠纷的主要事实', paragraphs: [c.basis.facts] },
      { heading: '二、争议事项', paragraphs: disputes },
      ...(c.basis.responsibility.trim() === ''
        ? []
        : [{ heading: '三、各方责任', paragraphs: [c.basis.responsibility] }]),
      {
        heading: '经调解，双方当事人自愿达成如下协议：',
        paragraphs: [
          ...c.terms.map((t, i) => termLine(t, i, payer, payee)),
          `以上款项合计${amountText(total)}。`,
        ],
      },
      {
        heading: '履行方式和期限',
        paragraphs: [c.basis.manner, ...schedule, NEXT_STEP_CLAUSE[c.nextStep]],
      },
      {
        paragraphs: [
          '本协议自双方当事人签名（盖章或按指印）、调解员签名并加盖调解组织印章之日起生效，对双方具有约束力。',
        ],
      },
    ],
    signers,
    dateText: chineseDate(ctx.date),
    footnotes: ['本协议一式三份，双方当事人、调解组织各执一份。', '调解组织（印章）'],
    ...(sealImageSha256 === undefined ? {} : { sealImageSha256 }),
  };
}

/** Draft terms from the claim items: one money term per monetary claim with its agreed (else claimed) amount. */
export function termsFromClaims(view: PartyView): AgreementTerm[] {
  return view.claims.map((c) => ({
    claimId: c.claimId,
    description: CLAIM_ITEM_ZH[c.current.item],
    ...(c.current.amountAgreedFen !== undefined || c.current.amountClaimedFen !== undefined
      ? { amountFen: c.current.amountAgreedFen ?? c.current.amountClaimedFen ?? 0 }
      : {}),
  }));
}

/** Non-monetary terms offered with one click (domain.md §5.1 stage 4). */
export const NON_MONETARY_TERMS = [
  '被申请人为申请人出具解除（终止）劳动合同证明（离职证明）',
  '被申请人为申请人办理社会保险关系转移手续',
  '被申请人向申请人赔礼道歉',
] as const;
