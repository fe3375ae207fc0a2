/*
 * What a party (or another organisation) may receive: the main file (正卷) only. Every party-facing
 * builder reads its inputs from this view, never from CaseState, so internal (副卷) and caucus-private
 * (背靠背) notes and sessions cannot leak into a document by accident.
 */
import { isMainFile } from '#shared/case/selectors';
import type {
  CaseState,
  Claim,
  Evidence,
  Note,
  Party,
  Payment,
  Session,
  Transcript,
  TranscriptText,
} from '#shared/case/state';
import { formatYuan, toChineseUppercase } from '#shared/law/money';
import { CLAIM_ITEM_ZH, figureDate } from './labels';

/** The main-file slice of a case. */
export type PartyView = {
  readonly caseNumber: string;
  readonly caseCause: string;
  readonly summary: string;
  readonly receivedOn: string | null;
  readonly acceptedOn: string | null;
  readonly parties: readonly Party[];
  readonly claims: readonly Claim[];
  readonly notes: readonly Note[];
  readonly sessions: readonly Session[];
  readonly transcripts: readonly Transcript[];
  /** Transcript texts of main-file sessions. */
  readonly transcriptTexts: readonly TranscriptText[];
  /** Main-file evidence that was not retracted. */
  readonly evidence: readonly Evidence[];
  /** Main-file payments (履行), each citing only main-file evidence. */
  readonly payments: readonly Payment[];
};

export function partyView(state: CaseState): PartyView {
  const sessions = state.sessions.filter((s) => isMainFile(s.conf));
  const ids = new Set(sessions.map((s) => s.sessionId));
  const evidence = state.evidence.filter((e) => isMainFile(e.conf) && e.retracted === null);
  const shown = new Set(evidence.map((e) => e.evidenceId));
  return {
    caseNumber: state.numbers.official?.number ?? state.numbers.temporary ?? '',
    caseCause: state.caseCause ?? '',
    summary: state.opening?.summary ?? '',
    receivedOn: state.opening?.receivedAt.slice(0, 10) ?? null,
    acceptedOn: state.acceptedAt?.slice(0, 10) ?? null,
    parties: state.parties,
    claims: state.claims.filter((c) => !c.current.withdrawn),
    notes: state.notes.filter((n) => isMainFile(n.conf) && n.supersededBy === null),
    sessions,
    transcripts: state.transcripts.filter((t) => ids.has(t.sessionId)),
    transcriptTexts: state.transcriptTexts.filter((t) => ids.has(t.sessionId) && isMainFile(t.conf)),
    evidence,
    payments: state.payments
      .filter((p) => isMainFile(p.conf))
      .map((p) => ({ ...p, evidenceIds: p.evidenceIds.filter((id) => shown.has(id)) })),
  };
}

/** `人民币壹万捌仟陆佰元整（¥18,600.00）`. */
export function amountText(fen: number): string {
  const upper = toChineseUppercase(fen);
  return `${upper.ok ? upper.value : ''}（${formatYuan(fen)}）`;
}

/** The particulars of a party as the law asks for them (Rules Art. 29; 人民调解法 Art. 29). */
export function partyParticulars(p: Party, all: readonly Party[]): string {
  const c = p.current;
  const bits: string[] = [c.name];
  if (c.kind === 'employer') {
    if (c.idNumber) bits.push(`统一社会信用代码${c.idNumber}`);
    if (c.address) bits.push(`住所地${c.address}`);
    if (c.legalRepresentative) bits.push(`法定代表人${c.legalRepresentative}`);
  } else {
    if (c.sex) bits.push(c.sex === 'male' ? '男' : '女');
    if (c.birthDate) bits.push(`${figureDate(c.birthDate)}出生`);
    if (c.idNumber) bits.push(`身份证号码${c.idNumber}`);
    if (c.address) bits.push(`住${c.address}`);
  }
  if (c.contactAddress) bits.push(`通讯地址${c.contactAddress}`);
  if (c.phone) bits.push(`联系电话${c.phone}`);
  if (c.role === 'agent' && c.agentFor) {
    const principal = all.find((x) => x.partyId === c.agentFor);
    if (principal)
      bits.push(`${principal.current.name}的${c.authority === 'special' ? '特别授权' : '一般'}代理人`);
  }
  return bits.join('，');
}

const ROLE_ORDER = ['applicant', 'respondent', 'third_party', 'agent'] as const;
const ROLE_LABEL = {
  applicant: '申请人',
  respondent: '被申请人',
  third_party: '第三人',
  agent: '委托代理人',
};

/** The parties block: applicants, respondents, third parties, then agents. */
export function partiesBlock(view: PartyView): { label: string; text: string }[] {
  return ROLE_ORDER.flatMap((role) =>
    view.parties
      .filter((p) => p.current.role === role)
      .map((p) => ({ label: ROLE_LABEL[role], text: partyParticulars(p, view.parties) })),
  );
}

/** `拖欠劳动报酬（2026年1月1日至2026年6月30日）¥12,000.00`: one claim as a line. */
export function claimLine(c: Claim): string {
  const cur = c.current;
  const period =
    cur.periodFrom && cur.periodTo ? `（${figureDate(cur.periodFrom)}至${figureDate(cur.periodTo)}）` : '';
  const amount = cur.amountClaimedFen === undefined ? '' : ` ${amountText(cur.amountClaimedFen)}`;
  const desc = cur.description ? `：${cur.description}` : '';
  return `${CLAIM_ITEM_ZH[cur.item]}${period}${desc}${amount}`;
}

export const principals = (view: PartyView, role: 'applicant' | 'respondent'): Party[] =>
  view.parties.filter((p) => p.current.role === role);
