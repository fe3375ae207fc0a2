/*
 * Small read helpers over CaseState for screens: notes by method, stage and confidentiality, and what a
 * party-facing export may contain (no internal or caucus items, domain.md §4.5).
 */
import type { NoteMethod } from '#shared/domain/sessions';
import type { Confidentiality } from '#shared/events/envelope';
import type { CaseState, Note } from './state';

export type NoteFilter = {
  readonly method?: NoteMethod;
  readonly stage?: number;
  /** 'public' only, 'internal' only, or 'caucus' for every caucus note. */
  readonly conf?: 'public' | 'internal' | 'caucus';
  /** Include versions that a later note replaced (default: only current versions). */
  readonly withSuperseded?: boolean;
};

const confMatches = (conf: Confidentiality, want: NoteFilter['conf']): boolean =>
  want === undefined || (want === 'caucus' ? conf.startsWith('caucus:') : conf === want);

/** Notes matching the filter, in HLC order. */
export function notesFor(state: CaseState, filter: NoteFilter = {}): Note[] {
  return state.notes.filter(
    (n) =>
      (filter.method === undefined || n.method === filter.method) &&
      (filter.stage === undefined || n.stage === filter.stage) &&
      confMatches(n.conf, filter.conf) &&
      (filter.withSuperseded === true || n.supersededBy === null),
  );
}

/** Whether an item of this confidentiality may appear in the main file (正卷) shown to parties. */
export const isMainFile = (conf: Confidentiality): boolean => conf === 'public';
