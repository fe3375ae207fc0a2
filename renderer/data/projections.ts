/*
 * Projections: what the screens read instead of replaying events. Per case, a list row (the caseload's
 * indexed columns plus a sealed summary) and the full reduced state (sealed). Both are pure functions of
 * the case's events (reduceCase), so a lost projection is rebuilt from the log, never repaired by hand.
 * Search tokens are the codec's index of personal terms: plain today, keyed hashes once #8 lands.
 */
import { caseDeadlines, nextCaseDeadline, reduceCase, type CaseState } from '#shared/case/index';
import type { CaseEvent } from '#shared/events/envelope';
import type { HolidayCalendar } from '#shared/law/calendar';
import { caseFacts } from '#shared/stats/index';
import type { Codec } from './codec';
import type { CaseFactsRow, CaseRow, CaseStateRow } from './db';
import { tokenDeadlines } from './search-index';

/** The caseload's view of one case (sealed in CaseRow.body). */
export type CaseSummary = {
  caseId: string;
  number: string;
  temporary: boolean;
  kind: CaseState['kind'];
  status: CaseState['status'];
  categories: CaseState['disputeCategories'];
  caseCause: string;
  applicants: string[];
  respondents: string[];
  workerCount: number;
  collective: boolean;
  amountClaimedFen: number;
  amountRecoveredFen: number;
  nextDeadline: { ruleId: string; nameZh: string; due: string | null; state: string } | null;
  inConflict: boolean;
  receivedAt: string | null;
  assigneeId: string | null;
  lastHlc: string | null;
  /**
   * Set only on a row whose sealed summary did not open (#8): the case id and its indexed columns are
   * all there is; the list names the row as damaged/tampered and the rest of the page works.
   */
  unreadable?: UnreadableReason;
};

/** Why a stored summary did not open: the codec's SealError code, or `unreadable` for anything else. */
export type UnreadableReason = 'tampered' | 'wrong_key' | 'malformed' | 'unreadable';

/** `facts`: the dashboard's per-case statistics facts (migration 006), written with the state. */
export type Projections = { cases: CaseRow[]; states: CaseStateRow[]; facts: CaseFactsRow[] };

export type ProjectionEnv = { calendar: HolidayCalendar; today: () => string };

/** No deadline sorts last. */
const NO_DEADLINE = '9999-12-31';

export function summarize(state: CaseState, env: ProjectionEnv): CaseSummary {
  const next = nextCaseDeadline(caseDeadlines(state, env.calendar, env.today()));
  const names = (role: string): string[] =>
    state.parties.filter((p) => p.current.role === role).map((p) => p.current.name);
  const workers = state.parties.filter((p) => p.current.kind === 'worker').length;
  return {
    caseId: state.caseId ?? '',
    number: state.numbers.official?.number ?? state.numbers.temporary ?? '',
    temporary: state.numbers.official === null,
    kind: state.kind,
    status: state.status,
    categories: state.disputeCategories,
    caseCause: state.caseCause ?? '',
    applicants: names('applicant'),
    respondents: names('respondent'),
    workerCount: Math.max(workers, state.opening?.workerCount ?? 0),
    collective: state.collective,
    amountClaimedFen: state.amountClaimedFen,
    amountRecoveredFen: state.amountRecoveredFen,
    nextDeadline: next && { ruleId: next.ruleId, nameZh: next.nameZh, due: next.due, state: next.state },
    inConflict: state.inConflict,
    receivedAt: state.opening?.receivedAt ?? null,
    assigneeId: state.assignee?.assigneeId ?? null,
    lastHlc: state.lastHlc,
  };
}

/**
 * The sequence at the end of a case number, as typed from memory: 临-97BCD6-0012 → 0012 and 12,
 * 荆劳人仲字〔2026〕第123号 → 123.
 */
export function caseNumberTails(number: string): string[] {
  const m = /(\d+)\D*$/.exec(number);
  if (!m?.[1]) return [];
  const digits = m[1];
  const bare = digits.replace(/^0+(?=\d)/, '');
  return bare === digits ? [digits] : [digits, bare];
}

/** The terms a search box may match: names, case numbers (whole or their sequence), ID and phone tails (4 and 6 digits). */
export function searchTerms(state: CaseState): string[] {
  const terms = new Set<string>();
  const numbers = [
    ...(state.numbers.temporary ? [state.numbers.temporary] : []),
    ...state.numbers.history.map((n) => n.number),
  ];
  for (const n of numbers) {
    terms.add(n);
    for (const tail of caseNumberTails(n)) terms.add(tail);
  }
  for (const p of state.parties) {
    // Every prefix of a name, so 张 finds 张三 even when tokens become keyed hashes (exact match only).
    const name = p.current.name;
    for (let i = 1; i <= Math.min(name.length, 12); i++) terms.add(name.slice(0, i));
    for (const digits of [p.current.idNumber, p.current.phone]) {
      if (!digits) continue;
      const clean = digits.replace(/\s/g, '');
      terms.add(clean.slice(-4));
      terms.add(clean.slice(-6));
    }
  }
  return [...terms].filter((t) => t.length > 0);
}

export async function buildProjections(
  codec: Codec,
  env: ProjectionEnv,
  caseIds: readonly string[],
  events: readonly CaseEvent[],
): Promise<Projections> {
  // Sealing is one WebCrypto call per value: run them together, not one after another.
  const built = await Promise.all(
    caseIds.map(async (caseId) => {
      const state = reduceCase(events.filter((e) => e.caseId === caseId));
      const summary = summarize(state, env);
      const [searchTokens, body, stateBody, factsBody] = await Promise.all([
        Promise.all(searchTerms(state).map((t) => codec.index(t))),
        codec.seal('cases', summary),
        codec.seal('caseStates', state),
        codec.seal('caseFacts', caseFacts(state)),
      ]);
      const nextDeadline = summary.nextDeadline?.due ?? NO_DEADLINE;
      const categories = [...new Set(state.disputeCategories)];
      const row: CaseRow = {
        id: caseId,
        status: state.status ?? 'draft',
        categories,
        categoryDeadlines: categories.map((c): [string, string] => [c, nextDeadline]),
        nextDeadline,
        assigneeId: summary.assigneeId ?? '',
        updatedHlc: state.lastHlc ?? '',
        searchTokens,
        // Also derived on write (search-index.ts); set here so a projection equals its stored row.
        tokenDeadlines: tokenDeadlines(searchTokens, nextDeadline),
        body,
      };
      return { row, state: { id: caseId, body: stateBody }, facts: { id: caseId, body: factsBody } };
    }),
  );
  const cases = built.map((b) => b.row);
  const states: CaseStateRow[] = built.map((b) => b.state);
  return { cases, states, facts: built.map((b) => b.facts) };
}
