/*
 * Payloads of the case lifecycle: opening, acceptance and numbering, assignment, explicit status moves,
 * and the supervisor's review workflow (comments, closure requests and approvals, sending back).
 */
import { z } from 'zod';
import { CASE_KINDS, CHANNELS, DISPUTE_CATEGORIES, PROCEDURES } from '#shared/domain/case-kinds';
import { CLOSURE_TYPES } from '#shared/domain/closure-types';
import { ALL_STATUSES } from '#shared/case/status';
import {
  actorId,
  civilDate,
  eventRef,
  fen,
  instant,
  locationSchema,
  required,
  text,
  uuid,
} from './payload-common';

/** case.opened: the first event of a case (登记/收件). */
export const caseOpenedV1 = z.strictObject({
  kind: z.enum(CASE_KINDS),
  /** 临-<device short id>-<seq>, made on the device. */
  tempNumber: required(64),
  channel: z.enum(CHANNELS),
  disputeCategories: z.array(z.enum(DISPUTE_CATEGORIES)).min(1).max(DISPUTE_CATEGORIES.length),
  /** 案由. */
  caseCause: required(500),
  summary: text(4000).optional(),
  collective: z.boolean(),
  workerCount: z.number().int().min(1).max(100_000).optional(),
  procedure: z.enum(PROCEDURES).optional(),
  receivedAt: instant,
  knewOrShouldHaveKnownDate: civilDate.optional(),
  employmentEndDate: civilDate.optional(),
  location: locationSchema.optional(),
  /** For a court-side confirmation case or a joint case: the case it came from. */
  originCaseId: uuid.optional(),
});

/** case.accepted: 受理. An organisation that numbers by hand may give the official number here. */
export const caseAcceptedV1 = z.strictObject({
  acceptedAt: instant,
  officialNumber: required(64).optional(),
  note: text(1000).optional(),
});

/** case.numbered: the hub's gapless official number, emitted by the hub after case.accepted. */
export const caseNumberedV1 = z.strictObject({
  caseNumber: required(64),
  year: z.number().int().min(2000).max(9999),
  seq: z.number().int().min(1),
});

/** case.assigned: 指派 a mediator / arbitrator (with the conflict-of-interest check done). */
export const caseAssignedV1 = z.strictObject({
  assigneeId: actorId,
  team: z.array(actorId).max(10).optional(),
  conflictCheckDone: z.boolean(),
  note: text(1000).optional(),
});

/** case.reassigned: a supervisor moves the case to someone else; a reason is required. */
export const caseReassignedV1 = z.strictObject({
  assigneeId: actorId,
  team: z.array(actorId).max(10).optional(),
  reason: required(1000),
});

/** stage.advanced: an explicit status move not implied by another event (checked against §2). */
export const stageAdvancedV1 = z.strictObject({
  to: z.enum(ALL_STATUSES),
  reason: text(1000).optional(),
  location: locationSchema.optional(),
});

/** review.commented: a supervisor's (or colleague's) review remark, optionally on one event. */
export const reviewCommentedV1 = z.strictObject({
  text: required(4000),
  refersTo: eventRef.optional(),
  severity: z.enum(['info', 'issue']).optional(),
});

/** closure.requested: 结案审批 request; the closure itself is case.closed. */
export const closureRequestedV1 = z.strictObject({
  requestId: uuid,
  closureType: z.enum(CLOSURE_TYPES),
  summary: required(4000),
});

/** closure.approved: the supervisor approves a closure request. */
export const closureApprovedV1 = z.strictObject({
  requestId: uuid,
  note: text(1000).optional(),
});

/** case.returned: sent back for more work (退回补充), optionally answering a pending request. */
export const caseReturnedV1 = z.strictObject({
  reason: required(2000),
  requestId: uuid.optional(),
});

/** case.closed: 结案. `other` needs a reason; amounts are the agreed or awarded totals in fen. */
export const caseClosedV1 = z
  .strictObject({
    closureType: z.enum(CLOSURE_TYPES),
    closedAt: instant,
    summary: required(4000),
    otherReason: text(1000).optional(),
    amountAgreedFen: fen.optional(),
    amountAwardedFen: fen.optional(),
    approvalRequestId: uuid.optional(),
  })
  .refine((p) => p.closureType !== 'other' || (p.otherReason ?? '').trim() !== '', {
    error: 'closure type "other" needs otherReason',
    path: ['otherReason'],
  });
