/*
 * Pulling: pages from the saved cursor until the hub says there is no more. Each event is parsed with the
 * shared schema and its hash recomputed; its signature is checked when this device knows the signer's
 * key (the hub's own key from enrollment, and this device's key). The hub does not hand out other
 * devices' keys, so their events are checked by hash here and by signature on the hub, which verified
 * them on push. A page is committed locally before its cursor is saved (checkpoint after commit, R12);
 * an event that fails a check is not stored and is reported, never silently dropped.
 */
import { parseCaseEvent } from '#shared/events/parse';
import type { CaseEvent } from '#shared/events/envelope';
import { hashEvent, importPublicKeyJwk, verifyHashSignature } from '#shared/events/signing';
import { WIRE_LIMITS } from '#shared/sync/wire';
import { err, ok, type Result } from '#shared/util/result';
import type { SyncLocal } from '../data/outbox';
import type { HubClient, SyncFailure } from './hub-client';
import type { TokenSource } from './session';

/** A pulled event this device refused to store, and why. */
export type RefusedEvent = {
  id: string;
  why: 'schema_invalid' | 'hash_mismatch' | 'bad_signature';
  detail: string;
};

export type PullReport = {
  pulled: number;
  stored: number;
  refused: RefusedEvent[];
  drift: { eventId: string; aheadMs: number }[];
  hubTime: string | null;
};

export type KnownKeys = ReadonlyMap<string, JsonWebKey>;

export type PullDeps = {
  local: SyncLocal;
  client: HubClient;
  tokens: TokenSource;
  /** Public keys by device id (the hub's, this device's). */
  keys: KnownKeys;
  pageSize?: number;
  onProgress?: (pulled: number) => void;
};

export async function pullAll(
  d: PullDeps,
): Promise<Result<PullReport, SyncFailure | { kind: 'local'; message: string }>> {
  const report: PullReport = { pulled: 0, stored: 0, refused: [], drift: [], hubTime: null };
  const verify = createVerifier(d.keys);
  let cursor = await d.local.cursor();
  for (;;) {
    const page = await d.tokens.withToken((t) =>
      d.client.pull(t, cursor, d.pageSize ?? WIRE_LIMITS.defaultPullLimit),
    );
    if (!page.ok) return page;
    const good: CaseEvent[] = [];
    for (const raw of page.value.events) {
      const checked = await verify(raw);
      if (checked.ok) good.push(checked.value);
      else report.refused.push(checked.error);
    }
    if (good.length > 0) {
      const stored = await d.local.receive(good);
      if (!stored.ok) return err({ kind: 'local', message: stored.error.message });
      report.stored += stored.value.stored.length;
      report.drift.push(...(await d.local.observeClocks(good)));
    }
    await d.local.saveCursor(page.value.cursor);
    cursor = page.value.cursor;
    report.pulled += page.value.events.length;
    report.hubTime = page.value.hubTime;
    d.onProgress?.(report.pulled);
    if (!page.value.hasMore) return ok(report);
  }
}

function createVerifier(keys: KnownKeys): (raw: unknown) => Promise<Result<CaseEvent, RefusedEvent>> {
  const imported = new Map<string, Promise<CryptoKey | null>>();
  const keyOf = (deviceId: string): Promise<CryptoKey | null> | null => {
    const jwk = keys.get(deviceId);
    if (!jwk) return null;
    let k = imported.get(deviceId);
    if (!k) {
      k = importPublicKeyJwk(jwk);
      imported.set(deviceId, k);
    }
    return k;
  };
  return async (raw) => {
    const idOf = (raw as { id?: unknown } | null)?.id;
    const id = typeof idOf === 'string' ? idOf : '?';
    const parsed = parseCaseEvent(raw);
    if (!parsed.ok)
      return err({
        id,
        why: 'schema_invalid',
        detail: parsed.error.map((f) => `${f.field}: ${f.message}`).join('; '),
      });
    const e = parsed.value;
    if ((await hashEvent(e)) !== e.hash) return err({ id, why: 'hash_mismatch', detail: e.actor.deviceId });
    const key = keyOf(e.actor.deviceId);
    if (key) {
      const k = await key;
      if (!k || !(await verifyHashSignature(k, e.hash, e.sig)))
        return err({ id, why: 'bad_signature', detail: e.actor.deviceId });
    }
    return ok(e);
  };
}
