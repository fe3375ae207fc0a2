/*
 * The few payload facts the hub acts on (assignee, referral target, blob hash, case category/status).
 * Payloads were already validated by the shared schema; these readers only pick the fields.
 */
import type { CasePatch } from '../storage/types';

type Payload = Record<string, unknown>;
const s = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export const assigneeOf = (p: Payload): string | null => s(p['userId']) ?? s(p['assigneeId']);

export const referralTargetOf = (p: Payload): string | null => s(p['toOrgId']) ?? s(p['orgId']);

const BLOB_TYPES = new Set(['evidence.added', 'document.issued']);
export const blobHashOf = (type: string, p: Payload): string | null =>
  BLOB_TYPES.has(type) ? (s(p['sha256']) ?? s(p['contentHash'])) : null;

const STATUS_BY_TYPE: Record<string, string> = {
  'case.accepted': 'accepted',
  'case.rejected': 'rejected',
  'case.closed': 'closed',
  'case.withdrawn': 'closed',
};

/** Report facts an event sets, or null. */
export function caseFactsOf(type: string, p: Payload): CasePatch | null {
  if (type === 'case.opened') {
    const patch: CasePatch = { status: 'open' };
    const category = s(p['category']) ?? s(p['caseType']);
    const channel = s(p['channel']);
    if (category !== null) patch.category = category;
    if (channel !== null) patch.channel = channel;
    return patch;
  }
  const status = STATUS_BY_TYPE[type];
  return status === undefined ? null : { status };
}
