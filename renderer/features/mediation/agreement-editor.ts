/*
 * The agreement editor's state and its conversion to AgreementContent, and back from what the events
 * hold (the latest agreement.drafted plus its public stage-5 'agreement_basis' note). Pure, so the
 * form, the preview and the hash all see the same content.
 */
import type { CaseState } from '#shared/case/index';
import { notesFor } from '#shared/case/selectors';
import {
  CLAIM_ITEM_ZH,
  type AgreementContent,
  type DocContext,
  type NextStep,
  type PartyView,
} from '#shared/documents/index';
import { formatYuan, parseYuanInput } from '#shared/law/money';
import { msg, type LawMessage } from '#shared/law/messages';
import { err, ok, type Result } from '#shared/util/result';

export type EditorState = {
  agreementId: string;
  facts: string;
  disputes: string;
  responsibility: string;
  manner: string;
  /** claimId → yuan as typed ('' leaves the claim out). */
  amounts: Record<string, string>;
  nonMonetary: string[];
  custom: string[];
  instalments: { dueDate: string; amount: string }[];
  nextStep: NextStep;
  date: string;
  orgName: string;
  mediatorName: string;
};

const plain = (fen: number): string => formatYuan(fen).replace('¥', '').replaceAll(',', '');
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The editor as the events left it, or a fresh draft from the claim items. */
export function editorFromState(
  state: CaseState,
  view: PartyView,
  fresh: { agreementId: string; today: string; orgName: string; mediatorName: string },
): EditorState {
  const draft = state.agreement.drafts.at(-1);
  const basis = draft
    ? notesFor(state, { method: 'five_heart', stage: 5 })
        .filter(
          (n) => n.fields['kind'] === 'agreement_basis' && n.fields['agreementId'] === draft.agreementId,
        )
        .at(-1)
    : undefined;
  if (draft === undefined || basis === undefined) {
    return {
      agreementId: fresh.agreementId,
      facts: view.summary,
      disputes: '',
      responsibility: '',
      manner: '银行转账至申请人本人账户',
      amounts: Object.fromEntries(
        view.claims.map((c) => {
          const fen = c.current.amountAgreedFen ?? c.current.amountClaimedFen;
          return [c.claimId, fen === undefined ? '' : plain(fen)];
        }),
      ),
      nonMonetary: [],
      custom: [],
      instalments: [],
      nextStep: 'perform_now',
      date: fresh.today,
      orgName: fresh.orgName,
      mediatorName: fresh.mediatorName,
    };
  }
  const f = basis.fields;
  const claimTerms = draft.terms.filter((t) => t.claimId !== undefined);
  const other = draft.terms.filter((t) => t.claimId === undefined).map((t) => t.description);
  const nonMonetary = Array.isArray(f['nonMonetary']) ? f['nonMonetary'] : [];
  return {
    agreementId: draft.agreementId,
    facts: str(f['facts']),
    disputes: str(f['disputes']),
    responsibility: str(f['responsibility']),
    manner: str(f['manner']),
    amounts: Object.fromEntries(
      view.claims.map((c) => {
        const t = claimTerms.find((x) => x.claimId === c.claimId);
        return [c.claimId, t?.amountFen === undefined ? '' : plain(t.amountFen)];
      }),
    ),
    nonMonetary: other.filter((d) => nonMonetary.includes(d)),
    custom: other.filter((d) => !nonMonetary.includes(d)),
    instalments: (draft.instalments ?? []).map((i) => ({ dueDate: i.dueDate, amount: plain(i.amountFen) })),
    nextStep: draft.nextStep,
    date: str(f['date']) || fresh.today,
    orgName: str(f['orgName']) || fresh.orgName,
    mediatorName: str(f['mediatorName']) || fresh.mediatorName,
  };
}

/** The content the editor describes, or what is wrong with the typed amounts. */
export function contentOf(e: EditorState, view: PartyView): Result<AgreementContent, LawMessage[]> {
  const problems: LawMessage[] = [];
  const yuan = (s: string): number | null => {
    const r = parseYuanInput(s);
    if (r.ok) return r.value;
    problems.push(r.error);
    return null;
  };
  const terms: AgreementContent['terms'][number][] = [];
  for (const c of view.claims) {
    const typed = e.amounts[c.claimId] ?? '';
    if (typed.trim() === '') continue;
    const fen = yuan(typed);
    if (fen !== null)
      terms.push({ claimId: c.claimId, description: CLAIM_ITEM_ZH[c.current.item], amountFen: fen });
  }
  for (const d of [...e.nonMonetary, ...e.custom]) terms.push({ description: d });
  const instalments = e.instalments.flatMap((i) => {
    const fen = yuan(i.amount);
    return fen === null ? [] : [{ dueDate: i.dueDate, amountFen: fen }];
  });
  if (problems.length > 0) return err(problems);
  if (terms.length === 0)
    return err([msg('agreement_no_terms', '协议至少需要一项约定内容', 'Add at least one term')]);
  return ok({
    agreementId: e.agreementId,
    basis: { facts: e.facts, disputes: e.disputes, responsibility: e.responsibility, manner: e.manner },
    terms,
    instalments,
    nextStep: e.nextStep,
  });
}

export const docContextOf = (e: EditorState): DocContext => ({
  orgName: e.orgName,
  date: e.date,
  mediatorName: e.mediatorName,
});
