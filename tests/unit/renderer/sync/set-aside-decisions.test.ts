// After the hub refused a record for good: sending it again once the cause is corrected (same id and
// content, re-linked and re-signed at the end of this device's chain, back in the outbox with the
// decision), discarding it with a recorded decision (kept in the log and the list, never pushed), and
// checking the quarantine again once the hub has given a missing key (applied, release logged; a forged
// record stays held).
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
import { importPublicKeyJwk } from '#shared/events/signing';
import { createTestDevice } from '#shared/events/testing';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { verifyEventLog } from '#shared/events/verify';
import type { Jwk } from '#shared/sync/wire';
import { createSyncLocal } from '../../../../renderer/data/outbox';
import type { TribunalStore } from '../../../../renderer/data/store';
import { recheckQuarantine } from '../../../../renderer/sync/pull';
import { ENROLLMENT, T0, harness } from '../data/store-harness';

const CASE_A = '01930000-0000-7000-8000-0000000000c1';

async function chain(store: TribunalStore): Promise<CaseEvent[]> {
  const r = await store.caseEvents(CASE_A);
  if (!r.ok) throw new Error(r.error.message);
  return [...r.value].sort((a, b) => a.deviceSeq - b.deviceSeq);
}

async function refusedWorld() {
  const h = harness();
  await h.store.saveEnrollment(ENROLLMENT);
  const author = await h.store.author();
  if (!author) throw new Error('no author');
  const note = (noteId: string) => ({
    caseId: CASE_A,
    type: 'note.recorded' as const,
    payload: { ...SAMPLE_PAYLOADS['note.recorded'], noteId },
  });
  const w = await h.store.write(author, [
    { caseId: CASE_A, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
    note('01930000-0000-7000-8000-000000000101'),
    note('01930000-0000-7000-8000-000000000102'),
  ]);
  if (!w.ok) throw new Error('write failed');
  const [opened, refused, later] = w.value;
  if (!opened || !refused || !later) throw new Error('three events expected');
  const local = createSyncLocal(h.store);
  const set = await local.setAside(refused.id, 'forbidden: not assigned');
  if (!set.ok) throw new Error('set aside failed');
  return { h, local, opened, refused, later };
}

describe('a set-aside record sent again', () => {
  it('goes to the end of the chain with the same id and content, re-signed, back in the outbox with the decision', async () => {
    const { h, local, opened, refused, later } = await refusedWorld();
    const r = await local.resend(refused.id, { at: T0 + 5, by: '王调解', note: '枢纽已授予写入权限' });
    expect(r.ok && r.value).toEqual({ deviceSeq: 3 });
    const events = await chain(h.store);
    const again = events.find((e) => e.id === refused.id);
    expect(again?.deviceSeq).toBe(3);
    expect(again?.payload).toEqual(refused.payload);
    expect(again?.at).toEqual(refused.at);
    const relinkedLater = events.find((e) => e.id === later.id);
    expect(again?.prev).toBe(relinkedLater?.hash);
    const key = await importPublicKeyJwk(await h.store.publicKeyJwk());
    if (!key || !again || !relinkedLater) throw new Error('missing');
    expect(
      (await verifyEventLog([opened, relinkedLater, again], new Map([[ENROLLMENT.deviceId, key]]))).ok,
    ).toBe(true);
    const pending = await local.pending(10);
    expect(pending.map((p) => p.event.id)).toEqual([opened.id, later.id, refused.id]);
    expect(pending[2]?.decision).toEqual({
      kind: 'resent',
      at: T0 + 5,
      by: '王调解',
      note: '枢纽已授予写入权限',
    });
    expect(pending[2]?.lastError).toBeUndefined();
    expect(await local.setAsideList()).toEqual([]);
    // Only a set-aside record can be sent again.
    expect((await local.resend(refused.id, { at: T0 + 6, by: '王调解', note: '' })).ok).toBe(false);
  });
});

describe('a set-aside record discarded', () => {
  it('keeps the record in the log and the list with who, when and why, and never queues it again', async () => {
    const { h, local, refused } = await refusedWorld();
    const d = await local.discard(refused.id, { at: T0 + 7, by: '王调解', note: '已在案件中补录更正记录' });
    expect(d.ok).toBe(true);
    const list = await local.setAsideList();
    expect(list.map((p) => [p.event.id, p.decision])).toEqual([
      [refused.id, { kind: 'discarded', at: T0 + 7, by: '王调解', note: '已在案件中补录更正记录' }],
    ]);
    expect((await local.pending(10)).map((p) => p.event.id)).not.toContain(refused.id);
    expect((await chain(h.store)).map((e) => e.id)).toContain(refused.id);
    // A discarded record cannot be sent again, and an unknown id is refused, not ignored.
    expect((await local.resend(refused.id, { at: T0 + 8, by: '王调解', note: '' })).ok).toBe(false);
    expect(
      (await local.discard('01930000-0000-7000-8000-00000000ffff', { at: 1, by: 'x', note: 'y' })).ok,
    ).toBe(false);
  });
});

describe('checking the quarantine again', () => {
  it('applies a record whose signer key the hub has given since, logs the release, and keeps a forged one held', async () => {
    const h = harness();
    await h.store.saveEnrollment(ENROLLMENT);
    const local = createSyncLocal(h.store);
    const other = await createTestDevice({
      deviceId: '01900000-0000-7000-8000-0000000000d2',
      userId: '01900000-0000-7000-8000-0000000000e2',
      orgId: ENROLLMENT.orgId,
      role: 'mediator',
    });
    const good = await other.emit(CASE_A, 'case.opened', SAMPLE_PAYLOADS['case.opened']);
    const forged = { ...(await other.emit(CASE_A, 'note.recorded', SAMPLE_PAYLOADS['note.recorded'])) };
    forged.sig = `${forged.sig.slice(0, -4)}AAAA`;
    const entry = (e: CaseEvent, why: string) => ({
      id: e.id,
      caseId: e.caseId,
      type: e.type,
      deviceId: e.actor.deviceId,
      why,
      detail: '',
      receivedAt: T0,
      raw: e,
    });
    await local.quarantine([entry(good, 'unknown_device'), entry(forged, 'unknown_device')]);

    // Nothing new known: nothing released.
    const first = await recheckQuarantine({ local, keys: new Map(), by: '王调解', now: () => T0 + 1 });
    expect(first.ok && first.value).toEqual({ released: [], held: 2 });

    const jwk: Jwk = { kty: other.jwk.kty ?? '', crv: other.jwk.crv ?? '', x: other.jwk.x ?? '' };
    await local.saveDeviceKeys({ [other.deviceId]: jwk });
    const second = await recheckQuarantine({ local, keys: new Map(), by: '王调解', now: () => T0 + 2 });
    expect(second.ok && second.value).toEqual({ released: [good.id], held: 1 });
    expect((await local.quarantined()).map((q) => q.id)).toEqual([forged.id]);
    expect(await local.releasedLog()).toEqual([
      { id: good.id, caseId: CASE_A, type: 'case.opened', why: 'unknown_device', at: T0 + 2, by: '王调解' },
    ]);
    expect((await chain(h.store)).map((e) => e.id)).toEqual([good.id]);
  });
});
