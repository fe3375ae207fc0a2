import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCaseEvent } from '#shared/events/parse';
import { EVENT_TYPES, type EventType } from '#shared/events/payloads';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { hashEvent } from '#shared/events/signing';
import { CASE_ID, device } from './helpers';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const fieldsOf = (input: unknown): string[] => {
  const r = parseCaseEvent(input);
  return r.ok ? [] : r.error.map((i) => i.field);
};

describe('parseCaseEvent', () => {
  it.each(EVENT_TYPES)('accepts a sealed %s event with the sample payload', async (type: EventType) => {
    const d = await device('dev-a', 1);
    const e = await d.emit(CASE_ID, type, SAMPLE_PAYLOADS[type]);
    const r = parseCaseEvent(clone(e));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toEqual(e);
      // Parsing must not change a byte of what was signed.
      expect(await hashEvent(r.value)).toBe(e.hash);
    }
  });

  it('never throws, whatever the input', () => {
    for (const bad of [null, undefined, 1, 'x', [], {}, { v: 2 }, { payload: null }]) {
      expect(parseCaseEvent(bad).ok).toBe(false);
    }
  });

  it('names envelope fields', async () => {
    const e = clone(
      await (await device('dev-a', 1)).emit(CASE_ID, 'case.accepted', SAMPLE_PAYLOADS['case.accepted']),
    );
    expect(fieldsOf({ ...e, v: 2 })).toEqual(['v']);
    expect(fieldsOf({ ...e, id: 'not-a-uuid' })).toEqual(['id']);
    expect(fieldsOf({ ...e, type: 'case.exploded' })).toEqual(['type']);
    expect(fieldsOf({ ...e, conf: 'caucus:someone' })).toEqual(['conf']);
    expect(fieldsOf({ ...e, conf: `caucus:${SAMPLE_IDS.worker}` })).toEqual([]);
    expect(fieldsOf({ ...e, at: { ...e.at, hlc: '12' } })).toEqual(['at.hlc']);
    expect(fieldsOf({ ...e, actor: { ...e.actor, role: 'king' } })).toEqual(['actor.role']);
    expect(fieldsOf({ ...e, deviceSeq: 0 })).toContain('deviceSeq');
    expect(fieldsOf({ ...e, deviceSeq: 2 })).toEqual(['prev']);
    expect(fieldsOf({ ...e, hash: 'ABC' })).toEqual(['hash']);
    expect(fieldsOf({ ...e, sig: 'a+b/' })).toEqual(['sig']);
    expect(fieldsOf({ ...e, extra: 1 })).toEqual(['']);
  });

  it('names payload fields with a payload. prefix', async () => {
    const d = await device('dev-a', 1);
    const e = clone(await d.emit(CASE_ID, 'claim.added', SAMPLE_PAYLOADS['claim.added']));
    expect(fieldsOf({ ...e, payload: { ...e.payload, amountClaimedFen: -1 } })).toEqual([
      'payload.amountClaimedFen',
    ]);
    expect(fieldsOf({ ...e, payload: { ...e.payload, amountClaimedFen: 1.5 } })).toEqual([
      'payload.amountClaimedFen',
    ]);
    expect(fieldsOf({ ...e, payload: { ...e.payload, item: 'BRIBE' } })).toEqual(['payload.item']);
    expect(fieldsOf({ ...e, payload: { ...e.payload, sneaky: true } })).toEqual(['payload']);
  });

  it('checks cross-field rules of payloads', async () => {
    const d = await device('dev-a', 1);
    const s = clone(await d.emit(CASE_ID, 'session.held', SAMPLE_PAYLOADS['session.held']));
    expect(fieldsOf({ ...s, payload: { ...s.payload, end: '2026-11-28T08:00:00.000Z' } })).toEqual([
      'payload.end',
    ]);
    const n = clone(await d.emit(CASE_ID, 'note.recorded', SAMPLE_PAYLOADS['note.recorded']));
    expect(fieldsOf({ ...n, payload: { ...n.payload, method: 'four_step', stage: 5 } })).toEqual([
      'payload.stage',
    ]);
    const c = clone(await d.emit(CASE_ID, 'case.closed', SAMPLE_PAYLOADS['case.closed']));
    expect(fieldsOf({ ...c, payload: { ...c.payload, closureType: 'other' } })).toEqual([
      'payload.otherReason',
    ]);
    const a = clone(await d.emit(CASE_ID, 'referral.answered', SAMPLE_PAYLOADS['referral.answered']));
    expect(
      fieldsOf({
        ...a,
        payload: {
          referralId: SAMPLE_IDS.referral,
          outcome: 'rejected',
          answeredAt: '2026-11-28T09:00:00.000Z',
        },
      }),
    ).toEqual(['payload.rulingNumber']);
  });

  it('enforces length and size limits', async () => {
    const d = await device('dev-a', 1);
    const e = clone(await d.emit(CASE_ID, 'review.commented', SAMPLE_PAYLOADS['review.commented']));
    expect(fieldsOf({ ...e, payload: { text: 'x'.repeat(4001) } })).toEqual(['payload.text']);
    expect(fieldsOf({ ...e, payload: { text: '   ' } })).toEqual(['payload.text']);
    const ev = clone(await d.emit(CASE_ID, 'evidence.added', SAMPLE_PAYLOADS['evidence.added']));
    const many = Array.from({ length: 51 }, () => SAMPLE_IDS.claim);
    expect(fieldsOf({ ...ev, payload: { ...ev.payload, claimIds: many } })).toEqual(['payload.claimIds']);
    expect(fieldsOf({ ...ev, payload: { ...ev.payload, mime: 'jpeg' } })).toEqual(['payload.mime']);
  });
});

describe('parseCaseEvent on hostile input', () => {
  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(parseCaseEvent(v).ok).toBe(false);
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('never throws when any envelope member is replaced by junk, and names a field', async () => {
    const e = clone(
      await (await device('dev-a', 1)).emit(CASE_ID, 'claim.added', SAMPLE_PAYLOADS['claim.added']),
    );
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(e)), fc.anything(), (key, junk) => {
        const r = parseCaseEvent({ ...e, [key]: junk });
        if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000, seed: 6 },
    );
    expect(parseCaseEvent({ ...e, payload: [] }).ok).toBe(false);
    expect(
      parseCaseEvent(JSON.parse(JSON.stringify(e).replace('"payload":{', '"payload":{"__proto__":{"x":1},')))
        .ok,
    ).toBe(false);
  });

  it('survives absurd nesting without overflowing the stack', async () => {
    const e = clone(
      await (await device('dev-a', 1)).emit(CASE_ID, 'review.commented', SAMPLE_PAYLOADS['review.commented']),
    );
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(parseCaseEvent({ ...e, payload: { text: deep } }).ok).toBe(false);
  });
});
