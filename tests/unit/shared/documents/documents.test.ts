import { describe, expect, it } from 'vitest';
import {
  amountText,
  buildAgreementDocument,
  buildApplicationForm,
  buildJudicialConfirmation,
  buildNotice,
  buildServiceReceipt,
  buildTranscriptDocument,
  chineseDate,
  partyView,
  renderHtml,
  renderText,
  termsFromClaims,
  type AgreementContent,
  type DocumentModel,
} from '#shared/documents/index';
import { buildCase, CAUCUS_SECRET, IDS, INTERNAL_SECRET } from './scenario';

const ctx = { orgName: '荆门市东宝区劳动争议调解委员会', date: '2026-11-29', mediatorName: '李调解' };

const content = (): AgreementContent => ({
  agreementId: IDS.agreement,
  basis: {
    facts: '申请人于2026年3月至8月在被申请人工地务工，被申请人尚欠工资18600元。',
    disputes: '被申请人应否及何时支付拖欠工资。',
    responsibility: '被申请人应承担支付责任。',
    manner: '银行转账至申请人本人账户。',
  },
  terms: [{ claimId: IDS.claim, description: '拖欠劳动报酬', amountFen: 1_860_000 }],
  instalments: [
    { dueDate: '2026-12-10', amountFen: 930_000 },
    { dueDate: '2027-01-10', amountFen: 930_000 },
  ],
  nextStep: 'instalments',
});

describe('document helpers', () => {
  it('writes dates the Chinese way', () => {
    expect(chineseDate('2026-11-29')).toBe('二〇二六年十一月二十九日');
    expect(chineseDate('2027-01-10')).toBe('二〇二七年一月十日');
    expect(chineseDate('2026-10-20')).toBe('二〇二六年十月二十日');
  });
  it('writes amounts in uppercase and figures', () => {
    expect(amountText(1_860_000)).toBe('人民币壹万捌仟陆佰元整（¥18,600.00）');
    expect(amountText(930_000)).toBe('人民币玖仟叁佰元整（¥9,300.00）');
  });
});

describe('mediation agreement (调解协议书)', () => {
  const { state } = buildCase();
  const doc = buildAgreementDocument(partyView(state), content(), ctx);
  const text = renderText(doc);

  it('has every element the law requires', () => {
    expect(doc.title).toBe('调解协议书');
    expect(doc.caseNumber).toBe('临-A1B2-1');
    // parties' particulars
    expect(text).toContain('申请人：张三，男，1985年3月2日出生，身份证号码420802198503020013');
    expect(text).toContain('被申请人：荆门某建筑有限公司，统一社会信用代码91420800MA4XXXXXXX');
    expect(text).toContain('法定代表人王五');
    // facts, matters in dispute, responsibility
    expect(text).toContain('纠纷的主要事实');
    expect(text).toContain('尚欠工资18600元');
    expect(text).toContain('争议事项');
    expect(text).toContain('拖欠劳动报酬 人民币壹万捌仟陆佰元整（¥18,600.00）');
    expect(text).toContain('各方责任');
    // agreed content, manner and time of performance
    expect(text).toContain('荆门某建筑有限公司向张三支付人民币壹万捌仟陆佰元整（¥18,600.00）');
    expect(text).toContain('以上款项合计人民币壹万捌仟陆佰元整');
    expect(text).toContain('银行转账至申请人本人账户');
    expect(text).toContain('第一期：2026年12月10日前支付人民币玖仟叁佰元整（¥9,300.00）');
    expect(text).toContain('第二期：2027年1月10日前支付人民币玖仟叁佰元整（¥9,300.00）');
    // signature block and date
    expect(doc.signers.map((s) => s.role)).toEqual(['申请人', '被申请人', '调解员']);
    expect(text).toContain('二〇二六年十一月二十九日');
    expect(text).toContain('生效');
  });

  it('is deterministic (its text is what gets hashed)', () => {
    expect(renderText(buildAgreementDocument(partyView(state), content(), ctx))).toBe(text);
  });

  it('shows signature marks without changing the unsigned text', () => {
    const signed = buildAgreementDocument(partyView(state), content(), ctx, ['已签名', '已签名', '已签名']);
    expect(renderText(signed)).toContain('调解员：李调解（已签名）');
  });

  it('drafts terms from the claim items', () => {
    expect(termsFromClaims(partyView(state))).toEqual([
      { claimId: IDS.claim, description: '拖欠劳动报酬', amountFen: 1_860_000 },
    ]);
  });

  it('escapes party-supplied text in HTML and prints A4', () => {
    const hostile = buildAgreementDocument(
      partyView(state),
      { ...content(), basis: { ...content().basis, facts: '<script>alert(1)</script>' } },
      ctx,
    );
    const html = renderHtml(hostile);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('size:A4');
  });
});

describe('party-facing documents never contain internal or caucus-private content', () => {
  const { state } = buildCase();
  const view = partyView(state);

  it('the party view drops internal and caucus notes and caucus sessions', () => {
    expect(view.notes.every((n) => n.conf === 'public')).toBe(true);
    expect(view.sessions.map((s) => s.sessionId)).toEqual([IDS.session]);
    expect(JSON.stringify(view)).not.toContain(CAUCUS_SECRET);
    expect(JSON.stringify(view)).not.toContain(INTERNAL_SECRET);
  });

  const session = view.sessions[0];
  const transcriptNote = view.notes.find((n) => n.fields['kind'] === 'transcript');
  const docs: DocumentModel[] = [
    buildAgreementDocument(view, content(), ctx),
    buildApplicationForm(view, ctx),
    buildNotice(
      view,
      { recipientPartyId: IDS.employer, kind: 'hearing', when: '2026-12-05T09:30', place: '项目部' },
      ctx,
    ),
    buildJudicialConfirmation(view, { courtName: '荆门市东宝区人民法院', signedOn: '2026-11-29' }, ctx),
    buildServiceReceipt(
      view,
      { recipientPartyId: IDS.worker, documentTitle: '调解协议书', place: '工地' },
      ctx,
    ),
  ];
  if (session && transcriptNote)
    docs.push(buildTranscriptDocument(view, session, transcriptNote.text ?? '', [], ctx));

  it('builds all six documents', () => {
    expect(docs.map((d) => d.templateId)).toEqual([
      'mediation_agreement',
      'mediation_application',
      'hearing_notice',
      'judicial_confirmation_application',
      'service_receipt',
      'transcript',
    ]);
  });

  it.each(docs.map((d) => [d.title, d] as const))('%s has no caucus or internal text', (_title, d) => {
    for (const out of [renderText(d), renderHtml(d)]) {
      expect(out).not.toContain(CAUCUS_SECRET);
      expect(out).not.toContain(INTERNAL_SECRET);
      expect(out).not.toContain('15,000');
    }
    expect(d.audience).toBe('party');
    expect(d.orgName).toBe(ctx.orgName);
    expect(renderText(d)).toContain('二〇二六年十一月二十九日');
  });

  it('the transcript has its header, speaker lines and every participant as signer', () => {
    const t = renderText(docs[5] ?? docs[0]!);
    expect(t).toContain('庭审笔录');
    expect(t).toContain('流动仲裁庭');
    expect(t).toContain('张三：公司欠我一万八千六百元');
    expect(t).toContain('被申请人法定代表人：王五');
  });

  it('the notice names the consequences of not appearing, the JC application the court', () => {
    expect(renderText(docs[2]!)).toContain('缺席裁决');
    expect(renderText(docs[3]!)).toContain('荆门市东宝区人民法院');
    expect(renderText(docs[3]!)).toContain('确认申请人于2026年11月29日');
  });
});
