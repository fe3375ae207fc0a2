/*
 * 受理通知书 (LDMAL Art. 29: within 5 days of receiving the application) and 证据清单 (the main-file
 * evidence with type, source, what it proves and pages). Both are party-facing: they read the party
 * view, so internal or caucus evidence is never listed.
 */
import { chineseDate, CLAIM_ITEM_ZH, EVIDENCE_KIND_ZH, figureDate } from './labels';
import { TEMPLATE_VERSION, type DocumentModel } from './model';
import { partiesBlock, principals, type PartyView } from './party-view';

type Ctx = { readonly orgName: string; readonly date: string };

/** 受理通知书 to the applicant(s); null until the case is accepted. */
export function buildAcceptanceNotice(view: PartyView, ctx: Ctx): DocumentModel | null {
  if (view.acceptedOn === null) return null;
  const app = principals(view, 'applicant')
    .map((p) => p.current.name)
    .join('、');
  const resp = principals(view, 'respondent')
    .map((p) => p.current.name)
    .join('、');
  return {
    templateId: 'acceptance_notice',
    templateVersion: TEMPLATE_VERSION,
    audience: 'party',
    orgName: ctx.orgName,
    title: '受理通知书',
    caseNumber: view.caseNumber,
    parties: [{ label: '申请人', text: app }],
    sections: [
      {
        paragraphs: [
          `你（单位）与${resp}${view.caseCause}一案的申请${view.receivedOn ? `，本会于${figureDate(view.receivedOn)}收到` : ''}，经审查符合受理条件，本会已于${figureDate(view.acceptedOn)}决定受理。`,
          '请按本会指定的期限提交证据，并保持联系方式畅通；联系方式或送达地址变更的，请及时告知本会。',
        ],
      },
    ],
    signers: [],
    dateText: chineseDate(ctx.date),
    footnotes: [`${ctx.orgName}（印章）`],
  };
}

/** 证据清单: one row per main-file evidence item. */
export function buildEvidenceList(view: PartyView, ctx: Ctx): DocumentModel {
  const submitter = (id: string | undefined) =>
    view.parties.find((p) => p.partyId === id)?.current.name ?? '';
  return {
    templateId: 'evidence_list',
    templateVersion: TEMPLATE_VERSION,
    audience: 'party',
    orgName: ctx.orgName,
    title: '证据清单',
    caseNumber: view.caseNumber,
    parties: partiesBlock(view).filter((p) => p.label !== '委托代理人'),
    sections: [],
    table: {
      headers: ['序号', '证据名称', '类型', '提交人', '证明对象', '原件', '页数', '收到日期'],
      rows: view.evidence.map((e, i) => [
        String(i + 1),
        e.caption === '' ? e.fileName : e.caption,
        e.kind ? EVIDENCE_KIND_ZH[e.kind] : '',
        submitter(e.submittedByPartyId),
        e.claimIds
          .flatMap((id) => view.claims.filter((c) => c.claimId === id))
          .map((c) => CLAIM_ITEM_ZH[c.current.item])
          .join('、'),
        e.originalSeen === true ? '已核对' : e.originalSeen === false ? '未见原件' : '',
        e.pageCount === undefined ? '' : String(e.pageCount),
        figureDate(e.capturedAt.slice(0, 10)),
      ]),
    },
    signers: [
      { role: '提交人', name: '', mark: '' },
      { role: '接收人', name: '', mark: '' },
    ],
    dateText: chineseDate(ctx.date),
    footnotes: [],
  };
}
