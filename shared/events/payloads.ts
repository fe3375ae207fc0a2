/*
 * The registry of payload schemas: event type → envelope version → zod schema. Adding a payload
 * version means adding a schema here; old versions stay so old events still parse forever.
 */
import type { z } from 'zod';
import {
  caseAcceptedV1,
  caseAssignedV1,
  caseClosedV1,
  caseNumberedV1,
  caseOpenedV1,
  caseReassignedV1,
  caseReturnedV1,
  closureApprovedV1,
  closureRequestedV1,
  reviewCommentedV1,
  stageAdvancedV1,
} from './payloads-case';
import {
  auditRevealedV1,
  caseReferredV1,
  caseResumedV1,
  caseSuspendedV1,
  conflictResolvedV1,
  deadlineExtendedV1,
  extensionRequestedV1,
  referralAnsweredV1,
} from './payloads-flow';
import {
  agreementDraftedV1,
  agreementSignedV1,
  documentIssuedV1,
  paymentRecordedV1,
  sessionHeldV1,
  transcriptRecordedV1,
  transcriptSignedV1,
} from './payloads-proceedings';
import {
  claimAddedV1,
  claimCorrectedV1,
  evidenceAcknowledgedV1,
  evidenceAddedV1,
  evidenceRetractedV1,
  noteRecordedV1,
  partyAddedV1,
  partyCorrectedV1,
} from './payloads-records';

/** Payload schemas of envelope version 1, by event type. */
export const PAYLOADS_V1 = {
  'case.opened': caseOpenedV1,
  'case.accepted': caseAcceptedV1,
  'case.numbered': caseNumberedV1,
  'case.assigned': caseAssignedV1,
  'case.reassigned': caseReassignedV1,
  'stage.advanced': stageAdvancedV1,
  'party.added': partyAddedV1,
  'party.corrected': partyCorrectedV1,
  'claim.added': claimAddedV1,
  'claim.corrected': claimCorrectedV1,
  'evidence.added': evidenceAddedV1,
  'evidence.retracted': evidenceRetractedV1,
  'evidence.acknowledged': evidenceAcknowledgedV1,
  'note.recorded': noteRecordedV1,
  'session.held': sessionHeldV1,
  'transcript.recorded': transcriptRecordedV1,
  'transcript.signed': transcriptSignedV1,
  'agreement.drafted': agreementDraftedV1,
  'agreement.signed': agreementSignedV1,
  'payment.recorded': paymentRecordedV1,
  'case.referred': caseReferredV1,
  'referral.answered': referralAnsweredV1,
  'deadline.extension_requested': extensionRequestedV1,
  'deadline.extended': deadlineExtendedV1,
  'case.suspended': caseSuspendedV1,
  'case.resumed': caseResumedV1,
  'review.commented': reviewCommentedV1,
  'closure.requested': closureRequestedV1,
  'closure.approved': closureApprovedV1,
  'case.returned': caseReturnedV1,
  'case.closed': caseClosedV1,
  'conflict.resolved': conflictResolvedV1,
  'document.issued': documentIssuedV1,
  'audit.revealed': auditRevealedV1,
} as const;

/** Every event type. */
export type EventType = keyof typeof PAYLOADS_V1;
export const EVENT_TYPES = Object.keys(PAYLOADS_V1) as [EventType, ...EventType[]];

/** The payload of an event of type T. */
export type PayloadOf<T extends EventType> = z.infer<(typeof PAYLOADS_V1)[T]>;

/** Envelope versions and their payload registries. */
export const PAYLOADS_BY_VERSION = { 1: PAYLOADS_V1 } as const;
export type EnvelopeVersion = keyof typeof PAYLOADS_BY_VERSION;

export const isEventType = (t: string): t is EventType => Object.hasOwn(PAYLOADS_V1, t);
