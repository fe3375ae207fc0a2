import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
import { generateDeviceKeyPair, sealEvent } from '#shared/events/signing';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import type { TestDevice } from '#shared/events/testing';
import { verifyEventLog } from '#shared/events/verify';
import { CASE_ID, device } from './helpers';

async function log(d: TestDevice, n: number): Promise<CaseEvent[]> {
  const out: CaseEvent[] = [];
  for (let i = 0; i < n; i++) out.push(await d.emit(CASE_ID, 'review.commented', { text: `c${String(i)}` }));
  return out;
}

const keysOf = (...ds: TestDevice[]) => new Map(ds.map((d) => [d.deviceId, d.publicKey]));
const kinds = (r: { issues: readonly { kind: string; eventId: string }[] }) =>
  r.issues.map((i) => [i.kind, i.eventId]);

describe('verifyEventLog', () => {
  it('accepts intact chains of several devices in any order', async () => {
    const a = await device('dev-a', 1);
    const b = await device('dev-b', 2);
    const events = [...(await log(a, 4)), ...(await log(b, 3))].reverse();
    const r = await verifyEventLog(events, keysOf(a, b));
    expect(r).toEqual({ ok: true, checked: 7, issues: [] });
  });

  it('treats exact duplicates as one event', async () => {
    const a = await device('dev-a', 1);
    const events = await log(a, 2);
    expect((await verifyEventLog([...events, ...events], keysOf(a))).ok).toBe(true);
  });

  it('reports a tampered payload as bad_hash', async () => {
    const a = await device('dev-a', 1);
    const [e1, e2] = await log(a, 2);
    if (!e1 || !e2) throw new Error('setup');
    const tampered = { ...e2, payload: { text: 'changed' } } as CaseEvent;
    expect(kinds(await verifyEventLog([e1, tampered], keysOf(a)))).toEqual([['bad_hash', e2.id]]);
  });

  it('reports a signature by another key, and an unknown device', async () => {
    const a = await device('dev-a', 1);
    const other = await generateDeviceKeyPair();
    const forged = await sealEvent(
      a.draft(CASE_ID, 'case.accepted', SAMPLE_PAYLOADS['case.accepted']),
      other.privateKey,
    );
    expect(kinds(await verifyEventLog([forged], keysOf(a)))).toEqual([['bad_signature', forged.id]]);
    expect(kinds(await verifyEventLog([forged], new Map()))).toEqual([['unknown_device', forged.id]]);
  });

  it('reports a gap in a full chain, but not in a partial (one-case) log', async () => {
    const a = await device('dev-a', 1);
    const [e1, , e3] = await log(a, 3);
    if (!e1 || !e3) throw new Error('setup');
    expect(kinds(await verifyEventLog([e1, e3], keysOf(a)))).toEqual([['chain_gap', e3.id]]);
    expect((await verifyEventLog([e1, e3], keysOf(a), { scope: 'partial' })).ok).toBe(true);
    expect(kinds(await verifyEventLog([e3], keysOf(a)))).toEqual([['chain_gap', e3.id]]);
  });

  it('reports a fork: a restored laptop writes seq 2 again from the same prev', async () => {
    const a = await device('dev-a', 1);
    const [e1, e2] = await log(a, 2);
    if (!e1 || !e2) throw new Error('setup');
    const restored = await device('dev-a', 9, Date.UTC(2026, 10, 29), a.keys);
    await restored.emit(CASE_ID, 'review.commented', { text: 'x' });
    // Give the restored device the same chain head as a after e1.
    const fork = await sealEvent(
      { ...restored.draft(CASE_ID, 'review.commented', { text: 'fork' }), deviceSeq: 2, prev: e1.hash },
      a.keys.privateKey,
    );
    const r = await verifyEventLog([e1, e2, fork], keysOf(a));
    expect(r.issues.map((i) => i.kind)).toEqual(['fork']);
    const issue = r.issues[0];
    expect([issue?.eventId, issue?.otherEventId].sort()).toEqual([e2.id, fork.id].sort());
  });

  it('reports a broken link (prev not the previous hash) as prev_mismatch', async () => {
    const a = await device('dev-a', 1);
    const b = await device('dev-a', 5);
    const [a1, a2] = await log(a, 2);
    const [b1, b2] = await log(b, 2);
    if (!a1 || !a2 || !b1 || !b2) throw new Error('setup');
    // b2 follows b1, not a1: a log mixing the two reorders the chain.
    const r = await verifyEventLog([a1, b2], new Map([['dev-a', a.publicKey]]));
    expect(r.issues.map((i) => i.kind).sort()).toEqual(['bad_signature', 'prev_mismatch']);
    expect(r.issues.find((i) => i.kind === 'prev_mismatch')?.eventId).toBe(b2.id);
  });

  it('reports two different events sharing an id', async () => {
    const a = await device('dev-a', 1);
    const [e1] = await log(a, 1);
    if (!e1) throw new Error('setup');
    const clash = { ...e1, payload: { text: 'other' } } as CaseEvent;
    const r = await verifyEventLog([e1, clash], keysOf(a));
    expect(kinds(r)).toContainEqual(['id_conflict', e1.id]);
  });
});
