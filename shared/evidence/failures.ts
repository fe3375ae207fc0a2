/*
 * What an evidence package check can find wrong, each naming exactly which file, event, key or header
 * field fails, with a Chinese sentence for the clerk and a stable code for tools and tests.
 */
import { assertNever } from '#shared/util/assert-never';

export const EVIDENCE_FAILURE_CODES = [
  'manifest_invalid',
  'header_hash_mismatch',
  'header_signature_invalid',
  'exporter_key_missing',
  'key_invalid',
  'key_untrusted',
  'event_invalid',
  'event_wrong_type',
  'event_other_case',
  'event_bad_hash',
  'event_bad_signature',
  'event_unknown_device',
  'event_chain_broken',
  'event_missing',
  'event_not_listed',
  'event_after_export',
  'reference_missing',
  'file_entry_mismatch',
  'file_not_listed',
  'file_without_event',
  'file_missing',
  'file_size_mismatch',
  'file_hash_mismatch',
  'file_unexpected',
  'case_mismatch',
  'manifest_outdated',
] as const;
export type EvidenceFailureCode = (typeof EVIDENCE_FAILURE_CODES)[number];

/** Where a failure is. */
export type FailureTarget =
  | { readonly kind: 'manifest'; readonly field?: string }
  | { readonly kind: 'header'; readonly field?: string }
  | { readonly kind: 'event'; readonly eventId: string; readonly index?: number }
  | { readonly kind: 'file'; readonly path: string; readonly evidenceId?: string }
  | { readonly kind: 'key'; readonly deviceId: string };

export type EvidenceFailure = {
  readonly code: EvidenceFailureCode;
  readonly target: FailureTarget;
  /** For people (Chinese). */
  readonly message: string;
};

export const failure = (
  code: EvidenceFailureCode,
  target: FailureTarget,
  message: string,
): EvidenceFailure => ({ code, target, message });

/** "event <id>", "file <path>", … for one-line reports. */
export function describeTarget(t: FailureTarget): string {
  switch (t.kind) {
    case 'manifest':
      return t.field === undefined ? 'manifest' : `manifest ${t.field}`;
    case 'header':
      return t.field === undefined ? 'header' : `header.${t.field}`;
    case 'event':
      return `event ${t.eventId}`;
    case 'file':
      return `file ${t.path}`;
    case 'key':
      return `key of device ${t.deviceId}`;
    default:
      return assertNever(t, 'failure target');
  }
}
