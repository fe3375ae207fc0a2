/*
 * Verifies a log of events: every hash recomputed, every signature checked against the device's
 * enrolled key, every device chain checked for gaps, forks and broken links. Reports everything it
 * finds (naming the event ids) instead of stopping at the first fault, so a clerk or the hub can see
 * the whole damage. `scope: 'partial'` is for one case's events: a device's chain runs across all its
 * cases, so missing sequence numbers are expected there and only adjacent links are checked.
 */
import { tryCanonicalJson } from './canonical';
import type { CaseEvent } from './envelope';
import { sha256Hex, verifyHashSignature } from './signing';

export const VERIFY_ISSUE_KINDS = [
  'bad_hash',
  'bad_signature',
  'unknown_device',
  'chain_gap',
  'fork',
  'prev_mismatch',
  'id_conflict',
] as const;
export type VerifyIssueKind = (typeof VERIFY_ISSUE_KINDS)[number];

/** One fault: its kind, the event(s) involved and a sentence for people. */
export type VerifyIssue = {
  readonly kind: VerifyIssueKind;
  readonly eventId: string;
  /** The other event of a fork or id conflict. */
  readonly otherEventId?: string;
  readonly deviceId: string;
  readonly detail: string;
};

export type VerifyReport = {
  readonly ok: boolean;
  readonly checked: number;
  readonly issues: readonly VerifyIssue[];
};

export type VerifyOptions = { readonly scope?: 'full' | 'partial' };

async function checkOne(e: CaseEvent, keys: ReadonlyMap<string, CryptoKey>): Promise<VerifyIssue[]> {
  const deviceId = e.actor.deviceId;
  const rest: Record<string, unknown> = { ...e };
  delete rest['hash'];
  delete rest['sig'];
  const text = tryCanonicalJson(rest);
  const issues: VerifyIssue[] = [];
  if (!text.ok || (await sha256Hex(text.value)) !== e.hash)
    issues.push({ kind: 'bad_hash', eventId: e.id, deviceId, detail: 'hash does not match the content' });
  const key = keys.get(deviceId);
  if (key === undefined)
    issues.push({ kind: 'unknown_device', eventId: e.id, deviceId, detail: `no key for device ${deviceId}` });
  else if (!(await verifyHashSignature(key, e.hash, e.sig)))
    issues.push({ kind: 'bad_signature', eventId: e.id, deviceId, detail: 'signature does not verify' });
  return issues;
}

const sameContent = (a: CaseEvent, b: CaseEvent): boolean => {
  const x = tryCanonicalJson(a);
  const y = tryCanonicalJson(b);
  return x.ok && y.ok && x.value === y.value;
};

/** Distinct events by id; the same id with different content is an id conflict. */
function distinct(events: readonly CaseEvent[], issues: VerifyIssue[]): CaseEvent[] {
  const byId = new Map<string, CaseEvent>();
  for (const e of events) {
    const seen = byId.get(e.id);
    if (seen === undefined) byId.set(e.id, e);
    else if (!sameContent(seen, e))
      issues.push({
        kind: 'id_conflict',
        eventId: e.id,
        deviceId: e.actor.deviceId,
        detail: 'two different events share this id',
      });
  }
  return [...byId.values()];
}

function checkChain(chain: CaseEvent[], scope: 'full' | 'partial', issues: VerifyIssue[]): void {
  chain.sort((a, b) => a.deviceSeq - b.deviceSeq || (a.id < b.id ? -1 : 1));
  const byPrev = new Map<string, CaseEvent>();
  let expected = 1;
  let before: CaseEvent | undefined;
  for (const e of chain) {
    const deviceId = e.actor.deviceId;
    if (before?.deviceSeq === e.deviceSeq) {
      const detail = `device ${deviceId} wrote two events with seq ${String(e.deviceSeq)}`;
      issues.push({ kind: 'fork', eventId: e.id, otherEventId: before.id, deviceId, detail });
    } else if (scope === 'full' && e.deviceSeq !== expected) {
      const detail = `seq ${String(expected)}..${String(e.deviceSeq - 1)} missing before this event`;
      issues.push({ kind: 'chain_gap', eventId: e.id, deviceId, detail });
    } else if (before?.deviceSeq === e.deviceSeq - 1 && e.prev !== before.hash) {
      const detail = `prev does not name the hash of seq ${String(before.deviceSeq)}`;
      issues.push({ kind: 'prev_mismatch', eventId: e.id, otherEventId: before.id, deviceId, detail });
    }
    if (e.prev !== null) {
      const twin = byPrev.get(e.prev);
      if (twin !== undefined && twin.deviceSeq !== e.deviceSeq)
        issues.push({
          kind: 'fork',
          eventId: e.id,
          otherEventId: twin.id,
          deviceId,
          detail: 'two events share prev',
        });
      byPrev.set(e.prev, e);
    }
    expected = e.deviceSeq + 1;
    before = e;
  }
}

/** Checks hashes, signatures and chains; never throws. */
export async function verifyEventLog(
  events: readonly CaseEvent[],
  publicKeys: ReadonlyMap<string, CryptoKey>,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const issues: VerifyIssue[] = [];
  const unique = distinct(events, issues);
  // All hashes and signatures at once (issues still in event order): each is a WebCrypto call that
  // runs off the main thread, so awaiting them one by one mostly waited (a 1,000-event pull page).
  const checked = await Promise.all(unique.map((e) => checkOne(e, publicKeys)));
  for (const found of checked) issues.push(...found);
  const chains = new Map<string, CaseEvent[]>();
  for (const e of unique) {
    const chain = chains.get(e.actor.deviceId);
    if (chain) chain.push(e);
    else chains.set(e.actor.deviceId, [e]);
  }
  for (const chain of chains.values()) checkChain(chain, options.scope ?? 'full', issues);
  return { ok: issues.length === 0, checked: unique.length, issues };
}
