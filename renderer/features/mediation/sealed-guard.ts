/*
 * Once the agreement is signed and sealed it is never edited (domain.md §3; 人民调解法 29/31): a change
 * is an addendum. The agreement tab disables its form, and every mediation write also passes this check,
 * so no path of this screen can record a new draft or another signing of a sealed agreement.
 */
import type { CaseState } from '#shared/case/index';
import { refuseIfSealed } from '#shared/documents/index';
import type { Draft } from '../../data/store';

const AGREEMENT_EDITS: ReadonlySet<string> = new Set(['agreement.drafted', 'agreement.signed']);

/** The refusal (Chinese) when `drafts` would change a sealed agreement, else null. */
export function sealedEditRefusal(state: CaseState | null, drafts: readonly Draft[]): string | null {
  if (state === null || !drafts.some((d) => AGREEMENT_EDITS.has(d.type))) return null;
  const r = refuseIfSealed(state.agreement.sealed);
  return r.ok ? null : r.error.zh;
}
