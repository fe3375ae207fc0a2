/*
 * Judges and stores pushed events (sync-protocol.md "push"). Stateless checks (schema, actor, hash,
 * signature, clock drift) run first; then, in ONE durable transaction for the request, each surviving
 * event is checked against stored state (duplicate / id conflict, permission, device chain) and, if
 * accepted, appended with its access effects. A rejected event writes nothing; every event gets exactly
 * one result, in request order; "accepted" is returned only after COMMIT (R11, R24).
 */
import type { PushResult } from '#shared/sync/wire';
import type { AuthContext } from '../auth/authenticate';
import type { HubContext } from '../context';
import type { Queries } from '../storage/types';
import { refreshCaseFacts } from './case-facts';
import { applyEffects } from './effects';
import { checkEventAlone, type CheckedEvent } from './event-checks';
import { judgeWrite } from './permissions';
import { judgeReview } from './review-rules';

type Pending = { index: number; checked: CheckedEvent };

/** One result per input, in order. */
export async function pushEvents(
  ctx: HubContext,
  auth: AuthContext,
  inputs: readonly unknown[],
): Promise<PushResult[]> {
  const results: PushResult[] = new Array<PushResult>(inputs.length);
  const pending: Pending[] = [];
  const keyCache = new Map<string, Promise<CryptoKey | null>>();
  for (const [index, input] of inputs.entries()) {
    const r = await checkEventAlone(ctx, auth, input, keyCache);
    if (r.ok) pending.push({ index, checked: r.value });
    else results[index] = r.error;
  }
  if (pending.length > 0) {
    const stored = await ctx.storage.tx(async (q) => {
      const out: { index: number; result: PushResult }[] = [];
      const touched = new Set<string>();
      for (const p of pending) {
        const result = await storeOne(ctx, q, auth, p.checked);
        if (result.status === 'accepted') touched.add(p.checked.event.caseId);
        out.push({ index: p.index, result });
      }
      // The KPI report's per-case facts, once per case of the request, in the same transaction.
      for (const caseId of touched) await refreshCaseFacts(q, caseId);
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

async function storeOne(
  ctx: HubContext,
  q: Queries,
  auth: AuthContext,
  c: CheckedEvent,
): Promise<PushResult> {
  const e = c.event;
  const prior = await q.findEvent(e.id);
  if (prior) {
    return prior.hash === e.hash
      ? { id: e.id, status: 'duplicate', hubSeq: prior.hubSeq }
      : rejected(e.id, 'id_conflict', 'an event with this id but different content is stored');
  }
  const existing = await q.getCase(e.caseId);
  const canSee = existing ? await q.canSee(e.caseId, auth.principal) : false;
  const denied = judgeWrite({
    type: e.type,
    conf: e.conf,
    role: e.actor.role,
    user: auth.user,
    existing,
    canSee,
  });
  if (denied !== null) return rejected(e.id, 'forbidden', denied);
  const review = await judgeReview(q, e);
  if (review !== null) return rejected(e.id, 'forbidden', review);
  const device = await q.getDevice(auth.device.id);
  const lastSeq = device?.lastSeq ?? 0;
  if (e.deviceSeq > lastSeq + 1)
    return rejected(e.id, 'chain_gap', `expected deviceSeq ${String(lastSeq + 1)}`);
  if (e.deviceSeq <= lastSeq || e.prev !== (device?.lastHash ?? null))
    return rejected(e.id, 'chain_fork', `deviceSeq ${String(e.deviceSeq)} does not extend the stored chain`);
  const effectError = await applyEffects.check(q, auth, c);
  if (effectError !== null) return rejected(e.id, 'forbidden', effectError);
  const hubSeq = await q.appendEvent(
    {
      id: e.id,
      caseId: e.caseId,
      deviceId: auth.device.id,
      deviceSeq: e.deviceSeq,
      hash: e.hash,
      type: e.type,
      conf: e.conf,
      body: c.body,
    },
    ctx.clock(),
  );
  await applyEffects.apply(ctx, q, auth, c, hubSeq);
  return { id: e.id, status: 'accepted', hubSeq };
}
