/*
 * Payloads that move a case between organisations and through time: referrals and their answers,
 * deadline extensions, suspension, conflict resolution, and the audit of revealed masked fields.
 */
import { z } from 'zod';
import { DEADLINE_RULES, type DeadlineRuleId } from '#shared/law/deadline-rules';
import { MASKED_FIELDS } from '#shared/domain/sessions';
import { REFERRAL_TARGETS, SUSPENSION_GROUNDS } from '#shared/domain/organisation';
import { actorId, civilDate, eventRef, instant, required, sha256Hex, text, uuid } from './payload-common';

/** Deadline rule ids are those of shared/law/deadline-rules.ts (domain.md §1.14). */
const ruleId = z.enum(Object.keys(DEADLINE_RULES) as [DeadlineRuleId, ...DeadlineRuleId[]]);

/** case.referred: shares the case with another organisation (court, union, legal aid, inspection …). */
export const caseReferredV1 = z.strictObject({
  referralId: uuid,
  target: z.enum(REFERRAL_TARGETS),
  toOrgId: actorId,
  note: text(2000).optional(),
  packageSha256: sha256Hex.optional(),
});

/** referral.answered: the receiving organisation's answer (accepted with its number, ruled on …). */
export const referralAnsweredV1 = z
  .strictObject({
    referralId: uuid,
    outcome: z.enum(['accepted', 'declined', 'confirmed', 'rejected', 'completed']),
    theirNumber: text(64).optional(),
    rulingNumber: text(64).optional(),
    answeredAt: instant,
    note: text(2000).optional(),
  })
  .refine((a) => (a.outcome !== 'confirmed' && a.outcome !== 'rejected') || (a.rulingNumber ?? '') !== '', {
    error: 'a ruling needs its number',
    path: ['rulingNumber'],
  });

/** deadline.extension_requested: asks the chair/supervisor for an extension (e.g. award +15 d). */
export const extensionRequestedV1 = z.strictObject({
  requestId: uuid,
  ruleId,
  days: z.number().int().min(1).max(30),
  reason: required(1000),
});

/** deadline.extended: the approved extension (the approver is the event's actor). */
export const deadlineExtendedV1 = z.strictObject({
  ruleId,
  days: z.number().int().min(1).max(30),
  requestId: uuid.optional(),
  reason: required(1000),
});

/** case.suspended: 中止 with its Rules 47 ground, from a date (days stop counting). */
export const caseSuspendedV1 = z.strictObject({
  ground: z.enum(SUSPENSION_GROUNDS),
  from: civilDate,
  reason: required(1000),
});

/** case.resumed: 恢复 on a date. */
export const caseResumedV1 = z.strictObject({
  on: civilDate,
  note: text(1000).optional(),
});

/** conflict.resolved: a person decides a conflict; `keep` is the event that stands (null: none). */
export const conflictResolvedV1 = z.strictObject({
  conflictId: eventRef,
  keep: eventRef.nullable(),
  reason: required(2000),
});

/** audit.revealed: who unmasked which sensitive field, and why (domain.md §4.5). */
export const auditRevealedV1 = z.strictObject({
  field: z.enum(MASKED_FIELDS),
  partyId: uuid.optional(),
  purpose: required(500),
});
