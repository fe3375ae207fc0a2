/*
 * The reducer's working memory: the state being built plus facts that are not part of the state but
 * steer the fold (who made the last status move, from where). Mutated only inside one reduceCase call.
 */
import type { CaseEvent } from '#shared/events/envelope';
import type { CaseState, ProblemCode } from './state';
import type { CaseStatus } from './status';

export type Work = {
  s: CaseState;
  /** The last status move: lets a move that is invalid now but valid before it be seen as concurrent. */
  lastMove: { eventId: string; deviceId: string; from: CaseStatus | null } | null;
};

export function problem(w: Work, e: CaseEvent, code: ProblemCode, message: string): void {
  w.s.problems.push({ eventId: e.id, type: e.type, code, message });
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China-time civil date (YYYY-MM-DD) of an RFC 3339 instant: deadlines count local days. */
export const chinaDate = (instant: string): string =>
  new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
