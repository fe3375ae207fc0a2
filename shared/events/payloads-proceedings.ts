/*
 * Payloads of what happens in the proceedings: sessions and hearings, signed transcripts, agreements,
 * payments and issued documents. Files are referenced by SHA-256; the bytes travel as blobs.
 */
import { z } from 'zod';
import { SESSION_KINDS, VENUES } from '#shared/domain/sessions';
import {
  actorId,
  civilDate,
  fen,
  instant,
  locationSchema,
  personName,
  required,
  sha256Hex,
  signatureSchema,
  text,
  uuid,
} from './payload-common';

const participantSchema = z.strictObject({
  name: personName,
  partyId: uuid.optional(),
  userId: actorId.optional(),
  role: required(50),
});

/** session.held: a joint mediation, caucus (背靠背), on-site investigation or (mobile) hearing. */
export const sessionHeldV1 = z
  .strictObject({
    sessionId: uuid,
    kind: z.enum(SESSION_KINDS),
    venue: z.enum(VENUES),
    place: text(200).optional(),
    location: locationSchema.optional(),
    /** Held away from the office (背包/巡回): counts for the mobile-service statistics. */
    mobile: z.boolean(),
    participants: z.array(participantSchema).min(1).max(50),
    start: instant,
    end: instant,
    public: z.boolean().optional(),
    recorderId: actorId.optional(),
    summary: text(4000).optional(),
  })
  .refine((s) => s.end >= s.start, { error: 'end is before start', path: ['end'] });

/** The most characters one transcript part may carry (≈150 KB of UTF-8: far inside a push batch). */
export const TRANSCRIPT_PART_MAX = 50_000;

/**
 * transcript.recorded: the text of a session's 笔录 (`speaker：words`, one utterance per line), saved in
 * numbered parts so a long hearing is never cut short by one event's size; the transcript is its parts
 * in order. Once signed (transcript.signed) it takes no more parts: corrections are addenda.
 */
export const transcriptRecordedV1 = z.strictObject({
  transcriptId: uuid,
  sessionId: uuid,
  part: z.number().int().min(1).max(10_000),
  text: required(TRANSCRIPT_PART_MAX),
});

/** transcript.signed: the 笔录 of a session, hashed, with its signatures. */
export const transcriptSignedV1 = z.strictObject({
  transcriptId: uuid,
  sessionId: uuid,
  sha256: sha256Hex,
  signatures: z.array(signatureSchema).min(1).max(50),
  correctionsRequested: text(2000).optional(),
});

const termSchema = z.strictObject({
  claimId: uuid.optional(),
  description: required(1000),
  amountFen: fen.optional(),
  dueDate: civilDate.optional(),
});

/** What the parties chose to do after agreeing (domain.md §5.1 stage 5). */
export const AGREEMENT_NEXT_STEPS = [
  'perform_now',
  'instalments',
  'judicial_confirmation',
  'arbitral_review',
] as const;

/** agreement.drafted: the terms and the hash of the text the parties will sign. */
export const agreementDraftedV1 = z.strictObject({
  agreementId: uuid,
  textSha256: sha256Hex,
  terms: z.array(termSchema).min(1).max(100),
  totalFen: fen,
  instalments: z
    .array(z.strictObject({ dueDate: civilDate, amountFen: fen }))
    .max(120)
    .optional(),
  nextStep: z.enum(AGREEMENT_NEXT_STEPS),
});

/** agreement.signed: the text (by hash) signed by the parties and mediator, sealed or not yet. */
export const agreementSignedV1 = z.strictObject({
  agreementId: uuid,
  textSha256: sha256Hex,
  signatures: z.array(signatureSchema).min(1).max(50),
  sealed: z.boolean(),
  sealImageSha256: sha256Hex.optional(),
  signedAt: instant,
});

/**
 * payment.recorded: money paid towards an agreement or award (履行/追回).
 * Since #6 a payment cites the evidence proving it (`evidenceIds`: receipt photo, bank slip … from
 * evidence.added); earlier events carry at most `proofSha256`, which the reducer maps to the evidence
 * with that hash, so both shapes read the same.
 */
export const paymentRecordedV1 = z.strictObject({
  paymentId: uuid,
  amountFen: fen,
  paidOn: civilDate,
  payer: personName,
  payerRole: z.enum(['employer', 'general_contractor', 'guarantor', 'other']),
  method: z.enum(['cash', 'bank', 'wechat', 'alipay', 'other']),
  toPartyId: uuid.optional(),
  agreementId: uuid.optional(),
  proofSha256: sha256Hex.optional(),
  evidenceIds: z.array(uuid).min(1).max(20).optional(),
  note: text(1000).optional(),
});

/** document.issued: a generated PDF (notice, agreement, award …) by its hash. */
export const documentIssuedV1 = z.strictObject({
  documentId: uuid,
  templateId: required(64),
  templateVersion: required(32),
  title: required(200),
  sha256: sha256Hex,
  size: z
    .number()
    .int()
    .min(0)
    .max(512 * 1024 ** 2),
  agreementId: uuid.optional(),
});
