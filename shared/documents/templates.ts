/*
 * The other documents a case can produce: the session transcript (笔录), the mediation application /
 * registration form, the notice of a session or hearing, the joint application for judicial
 * confirmation (司法确认申请书) and the service receipt (送达回证). All read the party view only.
 */
import type { Session } from '#shared/case/state';
import { SESSION_KIND_ZH, VENUE_ZH, chineseDate, figureDate } from './labels';
import { TEMPLATE_VERSION, type DocumentModel } from './model';
import { claimLine, partiesBlock, principals, type PartyView } from './party-view';
import { parseTranscript } from './transcript';
import type { DocContext, SignerMark } from './agreement';

type Ctx = Pick<DocContext, 'orgName' | 'date'>;

const base = (view: PartyView, ctx: Ctx) => ({
  templateVersion: TEMPLATE_VERSION,
  orgName: ctx.orgName,
  caseNumber: view.caseNumber,
  dateText: chineseDate(ctx.date),
});

const timeText = (iso: string): string => `${figureDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;

/**
 * 调解笔录 / 庭审笔录 / 调查笔录 of a public session: header, lines, addenda, every participant signs
 * (`marks`: what each left when the transcript was signed on screen, in participant order).
 */
export function buildTranscriptDocument(
  view: PartyView,
  session: Session,
  text: string,
  addenda: readonly string[],
  ctx: Ctx,
  marks: readonly SignerMark[] = [],
): DocumentModel {
  const title =
    session.kind === 'hearing' ? '庭审笔录' : session.kind === 'investigation' ? '调查笔录' : '调解笔录';
  const header = [
    `时间：${timeText(session.start)}至${timeText(session.end)}`,
    `地点：${VENUE_ZH[session.venue]}${session.place ? `（${session.place}）` : ''}${session.mobile ? '，流动仲裁庭/巡回调解' : ''}`,
    `类型：${SESSION_KIND_ZH[session.kind]}${session.public === true ? '，公开' : session.public === false ? '，不公开' : ''}`,
    `参加人员：${session.participants.map((p) => `${p.name}（${p.role}）`).join('、')}`,
    `案由：${view.caseCause}`,
  ];
  const lines = parseTranscript(text).map((l) => (l.speaker === '' ? l.text : `${l.speaker}：${l.text}`));
  return {
    ...base(view, ctx),
    templateId: 'transcript',
    audience: 'party',
    title,
    parties: [],
    sections: [
      { paragraphs: header },
      { heading: '记录', paragraphs: lines },
      ...(addenda.length > 0 ? [{ heading: '补正', paragraphs: [...addenda] }] : []),
      { paragraphs: ['以上笔录已经本人阅读（或向本人宣读），确认无误。'] },
    ],
    signers: session.participants.map((p, i) => {
      const m = marks[i];
      return {
        role: p.role,
        name: p.name,
        mark: m?.mark ?? '',
        ...(m?.imageSha256 === undefined ? {} : { imageSha256: m.imageSha256 }),
      };
    }),
    footnotes: [],
  };
}

/** 调解申请登记表: applicant, respondent, the claims, facts and reasons, when received. */
export function buildApplicationForm(view: PartyView, ctx: Ctx): DocumentModel {
  return {
    ...base(view, ctx),
    templateId: 'mediation_application',
    audience: 'party',
    title: '调解申请登记表',
    parties: partiesBlock(view),
    sections: [
      { heading: '案由', paragraphs: [view.caseCause] },
      { heading: '请求事项', paragraphs: view.claims.map((c, i) => `${i + 1}. ${claimLine(c)}`) },
      { heading: '事实与理由', paragraphs: [view.summary === '' ? '（见当事人陈述）' : view.summary] },
      ...(view.receivedOn ? [{ paragraphs: [`收件日期：${figureDate(view.receivedOn)}`] }] : []),
    ],
    signers: [
      ...principals(view, 'applicant').map((p) => ({ role: '申请人', name: p.current.name, mark: '' })),
      { role: '登记人', name: '', mark: '' },
    ],
    footnotes: [],
  };
}

/** What a notice announces. */
export type NoticeInput = {
  readonly recipientPartyId: string;
  readonly kind: 'mediation' | 'hearing';
  /** YYYY-MM-DDTHH:mm, local time as typed. */
  readonly when: string;
  readonly place: string;
};

/** 调解通知书 / 开庭通知书 for one recipient (LDMAL Art. 35: served at least 5 days before). */
export function buildNotice(view: PartyView, n: NoticeInput, ctx: Ctx): DocumentModel {
  const to = view.parties.find((p) => p.partyId === n.recipientPartyId)?.current.name ?? '';
  const what = n.kind === 'hearing' ? '开庭审理' : '调解';
  const app = principals(view, 'applicant')
    .map((p) => p.current.name)
    .join('、');
  const resp = principals(view, 'respondent')
    .map((p) => p.current.name)
    .join('、');
  const consequences =
    n.kind === 'hearing'
      ? '申请人无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以视为撤回仲裁申请；被申请人无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以缺席裁决。如有正当理由需延期，请于开庭三日前提出。'
      : '调解遵循自愿原则。如不能到场，请提前告知。';
  return {
    ...base(view, ctx),
    templateId: 'hearing_notice',
    audience: 'party',
    title: n.kind === 'hearing' ? '开庭通知书' : '调解通知书',
    parties: [{ label: '受通知人', text: to }],
    sections: [
      {
        paragraphs: [
          `${app}与${resp}${view.caseCause}一案，定于${figureDate(n.when.slice(0, 10))} ${n.when.slice(11, 16)}在${n.place}进行${what}，请准时到场，并携带身份证明及有关证据材料。`,
          consequences,
        ],
      },
    ],
    signers: [],
    footnotes: [`${ctx.orgName}（印章）`],
  };
}

/** 司法确认申请书: the joint application (人民调解法 Art. 33; within 30 days of the agreement taking effect). */
export function buildJudicialConfirmation(
  view: PartyView,
  input: { readonly courtName: string; readonly signedOn: string },
  ctx: Ctx,
): DocumentModel {
  const names = view.parties.filter((p) => p.current.role === 'applicant' || p.current.role === 'respondent');
  return {
    ...base(view, ctx),
    templateId: 'judicial_confirmation_application',
    audience: 'party',
    title: '司法确认申请书',
    parties: partiesBlock(view),
    sections: [
      {
        heading: '请求事项',
        paragraphs: [`确认申请人于${figureDate(input.signedOn)}经${ctx.orgName}主持调解达成的调解协议有效。`],
      },
      {
        heading: '事实与理由',
        paragraphs: [
          `申请人因${view.caseCause}纠纷，于${figureDate(input.signedOn)}经${ctx.orgName}主持调解，自愿达成调解协议。该协议系双方真实意思表示，不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人合法权益。为此，双方共同申请司法确认。`,
          '申请人保证提出申请时的陈述是真实的，并承诺：出于解决纠纷的目的；不存在恶意串通、规避法律的情形；如因虚假陈述给他人造成损失，愿承担相应法律责任。',
        ],
      },
      { heading: '此致', paragraphs: [input.courtName] },
      {
        heading: '附',
        paragraphs: ['1. 调解协议书', '2. 双方当事人身份证明、资格证明', '3. 双方送达地址及联系电话确认书'],
      },
    ],
    signers: names.map((p) => ({ role: '申请人', name: p.current.name, mark: '' })),
    footnotes: [],
  };
}

/** 送达回证 (Rules Art. 20): the form with its fields; the recipient signs on receipt. */
export function buildServiceReceipt(
  view: PartyView,
  input: { readonly recipientPartyId: string; readonly documentTitle: string; readonly place: string },
  ctx: Ctx,
): DocumentModel {
  const to = view.parties.find((p) => p.partyId === input.recipientPartyId)?.current.name ?? '';
  return {
    ...base(view, ctx),
    templateId: 'service_receipt',
    audience: 'party',
    title: '送达回证',
    parties: [],
    sections: [],
    table: {
      headers: ['项目', '内容'],
      rows: [
        ['案号', view.caseNumber],
        ['案由', view.caseCause],
        ['受送达人', to],
        ['送达单位', ctx.orgName],
        ['送达地点', input.place],
        ['送达文书', input.documentTitle],
        ['收到日期', '    年  月  日  时'],
        ['受送达人签名或盖章', ''],
        ['备注', ''],
      ],
    },
    signers: [{ role: '送达人', name: '', mark: '' }],
    footnotes: [],
  };
}
