/*
 * The few payload facts the hub acts on: who an assignment grants (assignee and team), the referral
 * target, the blobs a record names, and the case facts the caseload report groups by. Payloads were
 * already validated by the shared schema (parseCaseEvent), so these readers only pick typed fields.
 *
 * The `status` column is a cheap running approximation from explicit moves (opening, acceptance,
 * stage.advanced, closure); moves the reducer infers from records (a session → in_session) are not
 * tracked here. Exact KPIs come from reduceCase over the case's events (shared/case, shared/stats).
 */
import { INITIAL_STATUS } from '#shared/case/status';
import { blobRefsOf } from '#shared/events/blob-refs';
import type { CasePatch } from '../storage/types';
import type { WireEvent } from './event-lib';

/** Users an assignment or reassignment makes part of the case team (assignee first). */
export function assigneesOf(e: WireEvent): string[] {
  if (e.type !== 'case.assigned' && e.type !== 'case.reassigned') return [];
  return [e.payload.assigneeId, ...(e.payload.team ?? [])].filter((u, i, all) => all.indexOf(u) === i);
}

/** The organisation a referral shares the case with, or null. */
export const referralTargetOf = (e: WireEvent): string | null =>
  e.type === 'case.referred' ? e.payload.toOrgId : null;

/**
 * The content hashes of the files an event names: an evidence original, an issued document, the
 * signature and seal images of a signed agreement or transcript (shared/events/blob-refs.ts).
 */
export const blobHashesOf = (e: WireEvent): string[] => blobRefsOf(e).map((r) => r.sha256);

/** Report facts an event sets, or null. Category is the first (primary) dispute category. */
export function caseFactsOf(e: WireEvent): CasePatch | null {
  if (e.type === 'case.opened') {
    const patch: CasePatch = { status: INITIAL_STATUS[e.payload.kind], channel: e.payload.channel };
    const primary = e.payload.disputeCategories[0];
    if (primary !== undefined) patch.category = primary;
    return patch;
  }
  if (e.type === 'stage.advanced') return { status: e.payload.to };
  if (e.type === 'case.accepted') return { status: 'accepted' };
  if (e.type === 'case.closed') return { status: 'closed' };
  return null;
}
