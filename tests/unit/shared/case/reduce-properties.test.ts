import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/reduce';
import type { CaseState } from '#shared/case/state';
import { parseCaseEvent } from '#shared/events/parse';
import type { CaseEvent } from '#shared/events/envelope';
import { actionArb, buildHistory } from './scenario-arb';

const historyArb = fc
  .tuple(fc.nat({ max: 3 }), fc.array(actionArb, { minLength: 1, maxLength: 40 }))
  .map(([kind, actions]) => buildHistory(kind, actions));

/** Deep-freezes the input so any mutation by the reducer throws. */
function freeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    Object.freeze(v);
    for (const x of Object.values(v)) freeze(x);
  }
  return v;
}

function permute<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs
    .map((x, i) => ({ x, k: keys[i % keys.length] ?? 0, i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((p) => p.x);
}

/** Every string anywhere in the state except the audit timeline. */
function stringsIn(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) stringsIn(x, out);
  else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) stringsIn(x, out);
  return out;
}

const reflected = (s: CaseState): Set<string> => stringsIn({ ...s, audit: [] }, new Set());

describe('reduceCase properties', () => {
  it('generated events are valid wire events (the generator is honest)', () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        for (const e of events) {
          const r = parseCaseEvent(JSON.parse(JSON.stringify(e)));
          if (!r.ok) throw new Error(`${e.type}: ${JSON.stringify(r.error)}`);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('shuffles and duplicates converge to the identical state', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 90 }),
        fc.array(fc.nat({ max: 40 }), { maxLength: 10 }),
        (events, keys, dups) => {
          freeze(events);
          const base = reduceCase(events);
          const withDups: CaseEvent[] = [
            ...events,
            ...dups.map((i) => events[i % events.length] as CaseEvent),
          ];
          expect(reduceCase(permute(withDups, keys))).toEqual(base);
        },
      ),
      { numRuns: 2000, seed: 20261128 },
    );
  });

  it('every event is reflected in the state, its problems or a conflict', () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        const s = reduceCase(events);
        const seen = reflected(s);
        for (const e of events) expect(seen.has(e.id), `${e.type} ${e.id}`).toBe(true);
        expect(s.audit.map((a) => a.eventId).sort()).toEqual(events.map((e) => e.id).sort());
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('state is plain JSON data and conflicts are flagged exactly while one is open', () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        const s = reduceCase(events);
        expect(JSON.parse(JSON.stringify(s))).toEqual(s);
        expect(s.inConflict).toBe(s.conflicts.some((c) => c.open));
        expect(s.amountRecoveredFen).toBe(s.payments.reduce((t, p) => t + p.amountFen, 0));
        expect(Number.isSafeInteger(s.amountClaimedFen) && s.amountClaimedFen >= 0).toBe(true);
      }),
      { numRuns: 1000, seed: 99 },
    );
  });
});
