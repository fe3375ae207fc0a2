/*
 * Payloads of the case record: parties, claims, evidence and structured notes. Collections only grow;
 * a correction is a new event naming the event it corrects (`corrects`), a retraction keeps the item.
 */
import { z } from 'zod';
import { CLAIM_ITEMS } from '#shared/domain/claim-items';
import { EVIDENCE_KINDS, NOTE_METHODS } from '#shared/domain/sessions';
import {
  actorId,
  civilDate,
  eventRef,
  fen,
  freeFields,
  instant,
  locationSchema,
  personName,
  required,
  sha256Hex,
  text,
  uuid,
} from './payload-common';

export const PARTY_ROLES = ['applicant', 'respondent', 'third_party', 'agent'] as const;
export const PARTY_KINDS = ['worker', 'employer', 'agent'] as const;
export const ID_TYPES = [
  'resident_id',
  'resident_id_15',
  'passport',
  'hk_macao_tw_permit',
  'foreign_permanent',
  'uscc',
  'business_reg_15',
  'other',
] as const;
export const VULNERABILITIES = [
  'three_periods',
  'injured',
  'minor',
  'disabled',
  'elderly',
  'hardship',
  'migrant',
] as const;

/** The fields of a party that a correction may change. */
const partyFields = {
  role: z.enum(PARTY_ROLES),
  kind: z.enum(PARTY_KINDS),
  name: personName,
  idType: z.enum(ID_TYPES).optional(),
  idNumber: text(64).optional(),
  sex: z.enum(['male', 'female']).optional(),
  birthDate: civilDate.optional(),
  phone: text(32).optional(),
  address: text(300).optional(),
  contactAddress: text(300).optional(),
  occupation: text(100).optional(),
  joinDate: civilDate.optional(),
  leaveDate: civilDate.optional(),
  monthlyWageFen: fen.optional(),
  employmentForm: text(50).optional(),
  employerType: text(50).optional(),
  legalRepresentative: text(100).optional(),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)).max(VULNERABILITIES.length).optional(),
  /** For agents: whom they act for, and whether they may settle or waive claims (特别授权). */
  agentFor: uuid.optional(),
  authority: z.enum(['general', 'special']).optional(),
  details: freeFields.optional(),
};

/** party.added: an applicant, respondent, third party or agent joins the case. */
export const partyAddedV1 = z.strictObject({ partyId: uuid, ...partyFields });

/** party.corrected: changes some fields of a party; names the event it corrects. */
export const partyCorrectedV1 = z.strictObject({
  corrects: eventRef,
  partyId: uuid,
  changes: z.strictObject(partyFields).partial(),
  reason: required(500),
});

const claimFields = {
  item: z.enum(CLAIM_ITEMS),
  claimantPartyId: uuid.optional(),
  description: text(1000).optional(),
  periodFrom: civilDate.optional(),
  periodTo: civilDate.optional(),
  basis: text(1000).optional(),
  amountClaimedFen: fen.optional(),
  amountAgreedFen: fen.optional(),
  amountAwardedFen: fen.optional(),
  /** Inputs and result of the calculator at the time, so the figure stays explainable. */
  calcSnapshot: freeFields.optional(),
};

/** claim.added: one claim item (请求事项). */
export const claimAddedV1 = z.strictObject({ claimId: uuid, ...claimFields });

/** claim.corrected: changes, or withdraws, a claim; names the event it corrects. */
export const claimCorrectedV1 = z.strictObject({
  corrects: eventRef,
  claimId: uuid,
  changes: z.strictObject({ ...claimFields, withdrawn: z.boolean() }).partial(),
  reason: required(500),
});

/** evidence.added: a captured file, addressed by its SHA-256 (the hub takes its bytes after this). */
export const evidenceAddedV1 = z.strictObject({
  evidenceId: uuid,
  sha256: sha256Hex,
  size: z
    .number()
    .int()
    .min(0)
    .max(2 * 1024 ** 3),
  mime: z
    .string()
    .max(127)
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, 'must be a MIME type'),
  fileName: required(255),
  capturedAt: instant,
  caption: text(500),
  claimIds: z.array(uuid).max(50),
  location: locationSchema.optional(),
  kind: z.enum(EVIDENCE_KINDS).optional(),
  submittedByPartyId: uuid.optional(),
  originalSeen: z.boolean().optional(),
  pageCount: z.number().int().min(1).max(100_000).optional(),
});

/** evidence.retracted: the item stays in the record, marked retracted with the reason. */
export const evidenceRetractedV1 = z.strictObject({
  corrects: eventRef,
  evidenceId: uuid,
  reason: required(500),
});

/** What the other party says of a piece of evidence at 质证: 认可 / 不认可 / 有异议. */
export const EVIDENCE_POSITIONS = ['yes', 'no', 'disputed'] as const;

/**
 * evidence.acknowledged: a party's position on an item (recorded by the case worker, signed like every
 * event). A later one for the same party and item replaces the position; the earlier stays in the timeline.
 */
export const evidenceAcknowledgedV1 = z.strictObject({
  evidenceId: uuid,
  partyId: uuid,
  position: z.enum(EVIDENCE_POSITIONS),
  note: text(500).optional(),
});

/** note.recorded: a 五心 (stage 1–5) or 四情四步 (step 1–4) note; confidentiality is the envelope's conf. */
export const noteRecordedV1 = z
  .strictObject({
    noteId: uuid,
    method: z.enum(NOTE_METHODS),
    stage: z.number().int().min(1).max(5),
    sessionId: uuid.optional(),
    partyId: uuid.optional(),
    fields: freeFields,
    text: text(20_000).optional(),
    authorId: actorId.optional(),
    recordedAt: instant.optional(),
    /** A later version of a note names the note event it replaces (same noteId). */
    corrects: eventRef.optional(),
    /** Why a correction was made (#6; older corrections have none). */
    reason: text(500).optional(),
  })
  .refine((n) => n.method === 'five_heart' || n.stage <= 4, {
    error: 'four-step notes have stages 1–4',
    path: ['stage'],
  });
