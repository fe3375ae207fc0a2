/*
 * Pulling: pages from the saved cursor until the hub says there is no more. Every event is parsed with
 * the shared schema, then the page is verified with the shared verifier (shared/events/verify) together
 * with the stored events it touches (same id, or the neighbouring slots of the signer's chain): hash,
 * Ed25519 signature with the signer's key, and chain links (a fork, a `prev` that does not name its
 * predecessor, an id reused for other content). Keys: this device's own and the hub's (from enrollment)
 * are pinned; other devices' keys come with the page (`keys`, hub/README.md) and are pinned the first
 * time they are seen, so a hub cannot swap a device's key later. An event that fails is quarantined
 * (kept sealed as received, shown on the sync page) and never applied; the rest of the page is stored.
 * A page is committed locally, quarantine included, before its cursor is saved (checkpoint after
 * commit, R12): its events and the touched cases' projections in one transaction
 * (renderer/data/apply-remote.ts). Pages are as large as the hub allows (1,000 events), and the next one
 * is fetched while the current one is verified and committed (#7 item 8, first sync of 100k events).
 */
import type { CaseEvent } from '#shared/events/envelope';
import { parseCaseEvent } from '#shared/events/parse';
import { importPublicKeyJwk } from '#shared/events/signing';
import { verifyEventLog, type VerifyIssue, type VerifyIssueKind } from '#shared/events/verify';
import { WIRE_LIMITS, type Jwk, type PullResponse } from '#shared/sync/wire';
import { err, ok, type Result } from '#shared/util/result';
import type { QuarantinedEvent, SyncLocal } from '../data/outbox';
import { downloadItemsOf } from './download';
import type { HubClient, SyncFailure } from './hub-client';
import type { TokenSource } from './session';

export type RefusalReason = 'schema_invalid' | VerifyIssueKind;

/** A pulled event this device refused to apply (it is in the quarantine), and why. */
export type RefusedEvent = { id: string; why: RefusalReason; detail: string };

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
  /** Pinned public keys by device id (the hub's, this device's): the hub's `keys` never replace them. */
  keys: KnownKeys;
  now?: () => number;
  pageSize?: number;
  onProgress?: (pulled: number) => void;
};

export async function pullAll(
  d: PullDeps,
): Promise<Result<PullReport, SyncFailure | { kind: 'local'; message: string }>> {
  const report: PullReport = { pulled: 0, stored: 0, refused: [], drift: [], hubTime: null };
  const keys = createKeyring(d.keys, await d.local.deviceKeys());
  const limit = d.pageSize ?? WIRE_LIMITS.maxPullLimit;
  const fetchPage = (after: string): Promise<Result<PullResponse, SyncFailure>> =>
    d.tokens
      .withToken((t) => d.client.pull(t, after, limit))
      .catch((e: unknown) => err({ kind: 'network', message: e instanceof Error ? e.message : String(e) }));
  let next = fetchPage(await d.local.cursor());
  for (;;) {
    const page = await next;
    if (!page.ok) return page;
    // The next page is on its way while this one is checked and committed (its cursor is in this
    // answer); it is looked at only after this page and its checkpoint are saved, so nothing is
    // applied out of order and a failure here still leaves the checkpoint at this page's start.
    if (page.value.hasMore) next = fetchPage(page.value.cursor);
    const learned = keys.learn(page.value.keys ?? {});
    if (learned) await d.local.saveDeviceKeys(keys.learnedKeys());
    const { good, bad } = await checkPage(d.local, keys, page.value.events);
    if (bad.length > 0) {
      const receivedAt = (d.now ?? Date.now)();
      await d.local.quarantine(bad.map((b) => ({ ...b.entry, receivedAt })));
      report.refused.push(...bad.map((b) => b.refused));
    }
    if (good.length > 0) {
      const stored = await d.local.receive(good);
      if (!stored.ok) return err({ kind: 'local', message: stored.error.message });
      report.stored += stored.value.stored.length;
      // The files these events name, to download after the pull (download.ts), queued with the page.
      const storedIds = new Set(stored.value.stored);
      await d.local.queueDownloads(good.filter((e) => storedIds.has(e.id)).flatMap(downloadItemsOf));
      report.drift.push(...(await d.local.observeClocks(good, Date.parse(page.value.hubTime))));
    }
    await d.local.saveCursor(page.value.cursor);
    report.pulled += page.value.events.length;
    report.hubTime = page.value.hubTime;
    d.onProgress?.(report.pulled);
    if (!page.value.hasMore) return ok(report);
  }
}

export type RecheckReport = { released: string[]; held: number };

/**
 * Checks the quarantined events again with what this laptop knows now — keys the hub has given since
 * (an `unknown_device` signer), chain links that have arrived since (a `chain_gap`) — exactly as a pull
 * checks a page; pinned keys are never replaced. Those that pass are applied and leave the quarantine,
 * each release logged with who asked and when; the others stay held as they were.
 */
export async function recheckQuarantine(d: {
  local: SyncLocal;
  keys: KnownKeys;
  by: string;
  now: () => number;
}): Promise<Result<RecheckReport, { kind: 'local'; message: string }>> {
  const held = await d.local.quarantined();
  const raws = new Map<string, unknown>();
  for (const q of held) if (!raws.has(q.id)) raws.set(q.id, q.raw);
  if (raws.size === 0) return ok({ released: [], held: 0 });
  const keys = createKeyring(d.keys, await d.local.deviceKeys());
  const { good } = await checkPage(d.local, keys, [...raws.values()]);
  if (good.length > 0) {
    const stored = await d.local.receive(good);
    if (!stored.ok) return err({ kind: 'local', message: stored.error.message });
  }
  const released = good.map((e) => e.id);
  await d.local.releaseQuarantined(released, d.by, d.now());
  return ok({ released, held: raws.size - released.length });
}

type Keyring = {
  /** Adds keys for devices not known yet; true when any was new. */
  learn(given: Readonly<Record<string, Jwk>>): boolean;
  learnedKeys(): Record<string, Jwk>;
  imported(): Promise<Map<string, CryptoKey>>;
};

function createKeyring(pinned: KnownKeys, learned: Readonly<Record<string, Jwk>>): Keyring {
  const jwks = new Map<string, JsonWebKey>(Object.entries(learned));
  for (const [id, k] of pinned) jwks.set(id, k);
  const saved: Record<string, Jwk> = { ...learned };
  const cache = new Map<string, CryptoKey | null>();
  return {
    learn: (given) => {
      let fresh = false;
      for (const [id, jwk] of Object.entries(given)) {
        if (jwks.has(id)) continue;
        jwks.set(id, jwk);
        saved[id] = jwk;
        fresh = true;
      }
      return fresh;
    },
    learnedKeys: () => ({ ...saved }),
    imported: async () => {
      const out = new Map<string, CryptoKey>();
      for (const [id, jwk] of jwks) {
        if (!cache.has(id)) cache.set(id, await importPublicKeyJwk(jwk));
        const k = cache.get(id);
        if (k) out.set(id, k);
      }
      return out;
    },
  };
}

type Bad = { refused: RefusedEvent; entry: Omit<QuarantinedEvent, 'receivedAt'> };

const field = (raw: unknown, name: string): string | null => {
  const v = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : null;
};

/** The events of one page that may be stored, and those to quarantine with the reason. */
async function checkPage(
  local: SyncLocal,
  keyring: Keyring,
  raws: readonly unknown[],
): Promise<{ good: CaseEvent[]; bad: Bad[] }> {
  const bad: Bad[] = [];
  const parsed: { event: CaseEvent; raw: unknown }[] = [];
  for (const raw of raws) {
    const p = parseCaseEvent(raw);
    if (p.ok) {
      parsed.push({ event: p.value, raw });
      continue;
    }
    const actor = raw !== null && typeof raw === 'object' ? (raw as { actor?: unknown }).actor : undefined;
    const detail = p.error.map((f) => `${f.field}: ${f.message}`).join('; ');
    const id = field(raw, 'id') ?? '?';
    bad.push({
      refused: { id, why: 'schema_invalid', detail },
      entry: {
        id,
        caseId: field(raw, 'caseId'),
        type: field(raw, 'type'),
        deviceId: field(actor, 'deviceId'),
        why: 'schema_invalid',
        detail,
        raw,
      },
    });
  }
  if (parsed.length === 0) return { good: [], bad };

  const events = parsed.map((p) => p.event);
  const stored = await local.storedNear(events);
  const storedIds = new Set(stored.map((e) => e.id));
  // Stored events first: for a reused id the verifier keeps the first and names the newcomer.
  const report = await verifyEventLog([...stored, ...events], await keyring.imported(), { scope: 'partial' });
  const fresh = new Set(events.filter((e) => !storedIds.has(e.id)).map((e) => e.id));
  const blamed = new Map<string, VerifyIssue>();
  const blame = (id: string | undefined, issue: VerifyIssue): void => {
    if (id !== undefined && (fresh.has(id) || issue.kind === 'id_conflict') && !blamed.has(id))
      blamed.set(id, issue);
  };
  for (const issue of report.issues) {
    if (issue.kind === 'fork') {
      blame(issue.eventId, issue);
      blame(issue.otherEventId, issue);
    } else if (issue.kind === 'prev_mismatch' && !fresh.has(issue.eventId)) {
      blame(issue.otherEventId, issue);
    } else {
      blame(issue.eventId, issue);
    }
  }
  const good: CaseEvent[] = [];
  for (const { event, raw } of parsed) {
    const issue = blamed.get(event.id);
    if (!issue) {
      good.push(event);
      continue;
    }
    bad.push({
      refused: { id: event.id, why: issue.kind, detail: issue.detail },
      entry: {
        id: event.id,
        caseId: event.caseId,
        type: event.type,
        deviceId: event.actor.deviceId,
        why: issue.kind,
        detail: issue.detail,
        raw,
      },
    });
  }
  return { good, bad };
}
