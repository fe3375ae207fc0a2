/*
 * Judges and stores pushed events (sync-protocol.md "push"). Stateless checks (schema, actor, hash,
 * signature, clock drift) run first for the whole batch, synchronously (node:crypto, the device key
 * imported once); then, in ONE durable transaction for the request, each surviving event is checked in
 * request order against stored state (duplicate / id conflict, permission, review rules, device chain,
 * effect checks) and, if accepted, appended with its access effects. A rejected event writes nothing;
 * every event gets exactly one result, in request order; "accepted" is returned only after COMMIT
 * (R11, R24).
 *
 * Set-at-a-time (issue #7 item 8): what the judgement reads — stored ids, the cases, which of them the
 * caller sees, the device's chain head, the last hub seq — is read once for the batch, and the judgement
 * then runs against that snapshot kept up to date in memory as events are accepted (`Batch`). The writes
 * (events with consecutive hub seqs, new cases, grants, blob refs, case patches, the device head) are
 * buffered and written with multi-row statements. Two kinds of event need the database itself to be
 * current, so the buffer is flushed first: a state-dependent review (it reduces the case's stored
 * events) and `case.accepted` (its official number is a hub event appended through the plain path);
 * after the latter the hub seq is read again. The outcome — results, rows, seqs — is the one the
 * event-by-event path gave.
 */
import type { PushResult } from '#shared/sync/wire';
import type { AuthContext } from '../auth/authenticate';
import type { HubContext } from '../context';
import type {
  CasePatch,
  CaseRecord,
  GrantType,
  NewCase,
  NewGrant,
  Queries,
  StoredEvent,
} from '../storage/types';
import { refreshCaseFactsOf } from './case-facts';
import { assignCaseNumber } from './case-numbers';
import { applyEffects } from './effects';
import { checkEvents, type CheckedEvent } from './event-checks';
import { enrolledVerifyKey } from './keys';
import { assigneesOf, blobHashesOf, caseFactsOf, referralTargetOf } from './payload-facts';
import { judgeWrite } from './permissions';
import { judgeReview, STATEFUL_REVIEW_TYPES } from './review-rules';

type Pending = { index: number; checked: CheckedEvent };

/** One result per input, in order. */
export async function pushEvents(
  ctx: HubContext,
  auth: AuthContext,
  inputs: readonly unknown[],
): Promise<PushResult[]> {
  const results: PushResult[] = new Array<PushResult>(inputs.length);
  const pending: Pending[] = [];
  const key = enrolledVerifyKey(auth.device.publicKeyJwk);
  for (const [index, r] of (await checkEvents(ctx, auth, inputs, key)).entries()) {
    if (r.ok) pending.push({ index, checked: r.value });
    else results[index] = r.error;
  }
  if (pending.length > 0) {
    const stored = await ctx.storage.tx(async (q) => {
      const batch = await openBatch(ctx, q, auth, pending);
      const out: { index: number; result: PushResult }[] = [];
      for (const p of pending) out.push({ index: p.index, result: await batch.store(p.checked) });
      await batch.flush();
      // The KPI report's per-case facts, once per case of the request, in the same transaction.
      await refreshCaseFactsOf(q, [...batch.touched]);
      return out;
    });
    for (const s of stored) results[s.index] = s.result;
  }
  return results;
}

const rejected = (id: string, reason: PushResult['reason'], detail?: string): PushResult => ({
  id,
  status: 'rejected',
  ...(reason !== undefined ? { reason } : {}),
  ...(detail !== undefined ? { detail } : {}),
});

type Batch = {
  store(c: CheckedEvent): Promise<PushResult>;
  /** Writes everything buffered; the database is then current. */
  flush(): Promise<void>;
  /** Cases with an accepted event in this request. */
  touched: Set<string>;
};

/** Reads the batch's snapshot (five statements) and answers the judge-and-buffer of its events. */
async function openBatch(
  ctx: HubContext,
  q: Queries,
  auth: AuthContext,
  pending: readonly Pending[],
): Promise<Batch> {
  const p = auth.principal;
  const caseIds = [...new Set(pending.map((x) => x.checked.event.caseId))];
  const known = new Map<string, { hash: string; hubSeq: number }>();
  for (const h of await q.findEventHeads(pending.map((x) => x.checked.event.id))) known.set(h.id, h);
  const cases = new Map<string, CaseRecord>((await q.getCases(caseIds)).map((c) => [c.caseId, c]));
  const visible = new Set(await q.visibleAmong(caseIds, p));
  const device = await q.getDevice(auth.device.id);
  let head = { seq: device?.lastSeq ?? 0, hash: device?.lastHash ?? null };
  let headDirty = false;
  let nextSeq = (await q.lastHubSeq()) + 1;

  // Buffered writes, in the order the event-by-event path made them.
  let events: (StoredEvent & { receivedAt: number })[] = [];
  let newCases = new Map<string, NewCase>();
  let patches = new Map<string, CasePatch>();
  let grants: NewGrant[] = [];
  let grantKeys = new Set<string>();
  let blobRefs: { sha256: string; eventId: string; caseId: string; conf: string }[] = [];
  let assignees: { caseId: string; userId: string; hlc: string }[] = [];
  const touched = new Set<string>();

  const grant = (caseId: string, type: GrantType, principalId: string, seq: number): void => {
    // The first grant of a (case, type, principal) stays, as ON CONFLICT DO NOTHING kept it.
    const k = `${caseId}\u0000${type}\u0000${principalId}`;
    if (!grantKeys.has(k)) {
      grantKeys.add(k);
      grants.push({ caseId, type, principalId, seq });
    }
    // The same rule as GRANTS_OF in queries.ts (canSee).
    if (
      (type === 'user' && principalId === p.userId) ||
      (type === 'org' && p.supervisor && principalId === p.orgId)
    )
      visible.add(caseId);
  };

  const flush = async (): Promise<void> => {
    if (events.length > 0) await q.appendEvents(events);
    if (headDirty && head.hash !== null) await q.setDeviceHead(auth.device.id, head.seq, head.hash);
    if (newCases.size > 0) await q.createCases([...newCases.values()]);
    for (const [caseId, patch] of patches) await q.updateCase(caseId, patch);
    if (grants.length > 0) await q.grantMany(grants);
    for (const a of assignees) await q.setAssignee(a.caseId, auth.user.orgId, a.userId, a.hlc);
    if (blobRefs.length > 0) await q.addBlobRefs(blobRefs);
    events = [];
    headDirty = false;
    newCases = new Map();
    patches = new Map();
    grants = [];
    grantKeys = new Set();
    blobRefs = [];
    assignees = [];
  };

  const patchCase = (caseId: string, patch: CasePatch): void => {
    const opened = newCases.get(caseId);
    if (opened) {
      if (patch.status !== undefined) opened.status = patch.status;
      if (patch.category !== undefined) opened.category = patch.category;
      if (patch.channel !== undefined) opened.channel = patch.channel;
      return;
    }
    patches.set(caseId, { ...patches.get(caseId), ...patch });
  };

  const store = async (c: CheckedEvent): Promise<PushResult> => {
    const e = c.event;
    const prior = known.get(e.id);
    if (prior) {
      return prior.hash === e.hash
        ? { id: e.id, status: 'duplicate', hubSeq: prior.hubSeq }
        : rejected(e.id, 'id_conflict', 'an event with this id but different content is stored');
    }
    const existing = cases.get(e.caseId) ?? null;
    const denied = judgeWrite({
      type: e.type,
      conf: e.conf,
      role: e.actor.role,
      user: auth.user,
      existing,
      canSee: existing ? visible.has(e.caseId) : false,
    });
    if (denied !== null) return rejected(e.id, 'forbidden', denied);
    // A state-dependent review reduces the case's stored events: they must all be written.
    if (STATEFUL_REVIEW_TYPES.has(e.type)) await flush();
    const review = await judgeReview(q, e);
    if (review !== null) return rejected(e.id, 'forbidden', review);
    if (e.deviceSeq > head.seq + 1)
      return rejected(e.id, 'chain_gap', `expected deviceSeq ${String(head.seq + 1)}`);
    if (e.deviceSeq <= head.seq || e.prev !== head.hash)
      return rejected(
        e.id,
        'chain_fork',
        `deviceSeq ${String(e.deviceSeq)} does not extend the stored chain`,
      );
    // Reads users and organisations only, which a push never writes.
    const effectError = await applyEffects.check(q, auth, c);
    if (effectError !== null) return rejected(e.id, 'forbidden', effectError);

    const hubSeq = nextSeq++;
    events.push({
      hubSeq,
      id: e.id,
      caseId: e.caseId,
      deviceId: auth.device.id,
      deviceSeq: e.deviceSeq,
      hash: e.hash,
      type: e.type,
      conf: e.conf,
      body: c.body,
      receivedAt: ctx.clock(),
    });
    head = { seq: e.deviceSeq, hash: e.hash };
    headDirty = true;
    known.set(e.id, { hash: e.hash, hubSeq });
    touched.add(e.caseId);
    // The effects of effects.ts `apply`, buffered.
    if (e.type === 'case.opened') {
      const opened: NewCase = {
        caseId: e.caseId,
        ownerOrgId: auth.user.orgId,
        openedSeq: hubSeq,
        openedAt: ctx.clock(),
        status: 'open',
        category: null,
        channel: null,
      };
      newCases.set(e.caseId, opened);
      cases.set(e.caseId, { ...opened, caseNumber: null });
      grant(e.caseId, 'user', auth.user.id, hubSeq);
      grant(e.caseId, 'org', auth.user.orgId, hubSeq);
    }
    const facts = caseFactsOf(e);
    if (facts) patchCase(e.caseId, facts);
    const team = assigneesOf(e);
    for (const who of team) grant(e.caseId, 'user', who, hubSeq);
    if (team[0] !== undefined) assignees.push({ caseId: e.caseId, userId: team[0], hlc: e.at.hlc });
    const target = referralTargetOf(e);
    if (target !== null) grant(e.caseId, 'org', target, hubSeq);
    // (sha256, event) is the key of blob_refs: a file named twice by one event is one row.
    for (const sha of new Set(blobHashesOf(e)))
      blobRefs.push({ sha256: sha, eventId: e.id, caseId: e.caseId, conf: e.conf });
    if (e.type === 'case.accepted') {
      // The official number is a hub event appended (and numbered) through the plain path.
      await flush();
      await assignCaseNumber(ctx, q, e.caseId, e.at.hlc);
      nextSeq = (await q.lastHubSeq()) + 1;
    }
    return { id: e.id, status: 'accepted', hubSeq };
  };

  return { store, flush, touched };
}
