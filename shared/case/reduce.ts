/*
 * reduceCase: the one pure reducer the renderer and the hub both run. Events are deduplicated by id,
 * sorted by (HLC, id) and folded; the result depends only on the set of events, never on the order
 * they arrived in. Single-valued fields: the later HLC wins. Collections only grow. Invalid events
 * become `problems`; legally incompatible ones become `conflicts`. Nothing here throws on bad data.
 */
import { compareHlc } from '#shared/events/hlc';
import type { CaseEvent } from '#shared/events/envelope';
import { assertNever } from '#shared/util/assert-never';
import * as flow from './apply-flow';
import * as life from './apply-lifecycle';
import * as proc from './apply-proceedings';
import * as rec from './apply-records';
import { auditEntry } from './audit';
import { resolveConflict } from './conflicts';
import { emptyCaseState, type CaseState, type Problem } from './state';
import { problem, type Work } from './work';

const byHlcThenId = (a: CaseEvent, b: CaseEvent): number =>
  compareHlc(a.at.hlc, b.at.hlc) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One event per id; if two differ (same id, different hash) the smaller hash stands, deterministically. */
function dedupe(events: readonly CaseEvent[]): { events: CaseEvent[]; problems: Problem[] } {
  const byId = new Map<string, CaseEvent[]>();
  for (const e of events) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  const out: CaseEvent[] = [];
  const problems: Problem[] = [];
  for (const [id, group] of [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    group.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
    const kept = group[0];
    if (kept === undefined) continue;
    out.push(kept);
    if (group.some((e) => e.hash !== kept.hash))
      problems.push({
        eventId: id,
        type: kept.type,
        code: 'duplicate_id',
        message: '同一编号有两条不同的记录',
      });
  }
  return { events: out.sort(byHlcThenId), problems };
}

function apply(w: Work, e: CaseEvent): void {
  switch (e.type) {
    case 'case.opened': {
      life.applyOpened(w, e);
      return;
    }
    case 'case.accepted': {
      life.applyAccepted(w, e);
      return;
    }
    case 'case.numbered': {
      life.applyNumbered(w, e);
      return;
    }
    case 'case.assigned':
    case 'case.reassigned': {
      life.applyAssigned(w, e);
      return;
    }
    case 'stage.advanced': {
      life.applyStage(w, e);
      return;
    }
    case 'case.suspended': {
      life.applySuspended(w, e);
      return;
    }
    case 'case.resumed': {
      life.applyResumed(w, e);
      return;
    }
    case 'case.closed': {
      life.applyClosed(w, e);
      return;
    }
    case 'party.added': {
      rec.applyPartyAdded(w, e);
      return;
    }
    case 'party.corrected': {
      rec.applyPartyCorrected(w, e);
      return;
    }
    case 'claim.added': {
      rec.applyClaimAdded(w, e);
      return;
    }
    case 'claim.corrected': {
      rec.applyClaimCorrected(w, e);
      return;
    }
    case 'evidence.added': {
      rec.applyEvidenceAdded(w, e);
      return;
    }
    case 'evidence.retracted': {
      rec.applyEvidenceRetracted(w, e);
      return;
    }
    case 'evidence.acknowledged': {
      rec.applyEvidenceAcknowledged(w, e);
      return;
    }
    case 'note.recorded': {
      rec.applyNote(w, e);
      return;
    }
    case 'session.held': {
      proc.applySession(w, e);
      return;
    }
    case 'transcript.recorded': {
      proc.applyTranscriptText(w, e);
      return;
    }
    case 'transcript.signed': {
      proc.applyTranscript(w, e);
      return;
    }
    case 'agreement.drafted': {
      proc.applyDrafted(w, e);
      return;
    }
    case 'agreement.signed': {
      proc.applySigned(w, e);
      return;
    }
    case 'payment.recorded': {
      proc.applyPayment(w, e);
      return;
    }
    case 'document.issued': {
      proc.applyDocument(w, e);
      return;
    }
    case 'case.referred': {
      flow.applyReferred(w, e);
      return;
    }
    case 'referral.answered': {
      flow.applyAnswered(w, e);
      return;
    }
    case 'deadline.extension_requested': {
      flow.applyExtensionRequested(w, e);
      return;
    }
    case 'deadline.extended': {
      flow.applyExtended(w, e);
      return;
    }
    case 'review.commented': {
      flow.applyReview(w, e);
      return;
    }
    case 'closure.requested': {
      flow.applyClosureRequested(w, e);
      return;
    }
    case 'closure.approved': {
      flow.applyClosureApproved(w, e);
      return;
    }
    case 'case.returned': {
      flow.applyReturned(w, e);
      return;
    }
    case 'audit.revealed': {
      flow.applyRevealed(w, e);
      return;
    }
    case 'conflict.resolved': {
      resolveConflict(w, e);
      return;
    }
    default:
      return assertNever(e, 'event type');
  }
}

/** The case's id: that of its case.opened event, else of its earliest event. */
const caseIdOf = (events: readonly CaseEvent[]): string | null =>
  (events.find((e) => e.type === 'case.opened') ?? events[0])?.caseId ?? null;

/**
 * The version of what reduceCase makes of a given list of events. Bump it in the same change as any
 * edit that alters the state for events already stored (a new field, a fixed rule): devices keep each
 * case's reduced state, and on the next start they rebuild the stored states from the events in the
 * background when this differs from the version those states were made by (renderer/data/projection-rebuild.ts).
 */
export const REDUCER_VERSION = 1;

/** The state of one case from its events (any order, duplicates allowed). */
export function reduceCase(events: readonly CaseEvent[]): CaseState {
  const { events: ordered, problems } = dedupe(events);
  const w: Work = { s: emptyCaseState(), lastMove: null };
  w.s.caseId = caseIdOf(ordered);
  w.s.problems.push(...problems);
  for (const e of ordered) {
    if (e.caseId !== w.s.caseId) {
      problem(w, e, 'wrong_case', '事件属于另一个案件');
      continue;
    }
    w.s.audit.push(auditEntry(e));
    w.s.lastHlc = e.at.hlc;
    if (w.s.kind === null && e.type !== 'case.opened') problem(w, e, 'not_opened', '案件尚未登记');
    else apply(w, e);
  }
  return w.s;
}
