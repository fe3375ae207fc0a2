/*
 * Hybrid logical clock (Kulkarni et al. 2014). Laptops in the field have wrong clocks, so events are
 * ordered by an HLC stamp: physical ms that never runs backwards plus a counter, plus the node id as a
 * tie-breaker. Stamps are fixed-width strings, so plain string comparison is the order:
 *
 *   000001764322502123-00000-<nodeId>    (18-digit wall ms, 5-digit counter, node id)
 *
 * A remote stamp far ahead of our wall clock (a device set to next year) is reported as drift and NOT
 * adopted: adopting it would drag every later local stamp into the future. The caller decides what to
 * do (the hub rejects `clock_drift`; a client flags it). Time is injected; nothing reads Date here.
 */

/** The pattern of an HLC stamp; node ids are device ids (UUIDs) or other short ids. */
export const HLC_RE = /^\d{18}-\d{5}-[A-Za-z0-9_-]{1,40}$/;
const MAX_COUNTER = 99_999;

/** A parsed stamp. */
export type HlcParts = { readonly ms: number; readonly counter: number; readonly node: string };

/** The persisted part of a clock: the last stamp's wall ms and counter. */
export type HlcState = { readonly ms: number; readonly counter: number };

/** What receive() returns: the new local stamp and, if the remote was too far ahead, by how much. */
export type HlcReceipt = {
  readonly stamp: string;
  readonly drift: null | { readonly aheadMs: number };
  /** true when the remote stamp could not be parsed (it was ignored). */
  readonly invalid: boolean;
};

export type Hlc = {
  /** A new stamp for a local event, strictly greater than every stamp this clock issued or adopted. */
  tick(): string;
  /**
   * Merge a stamp seen on a remote event; returns a stamp for the receipt (greater than both). The drift
   * bound is measured from `trustedNowMs` when it is later than the local wall clock: the hub's time, as
   * given with the pulled page, for a laptop whose clock runs behind (the hub only accepts stamps within
   * its own time + its drift bound, so such a stamp is not a runaway clock).
   */
  receive(remoteStamp: string, trustedNowMs?: number): HlcReceipt;
  serialize(): HlcState;
  restore(state: HlcState): void;
};

export type HlcOptions = {
  readonly now: () => number;
  readonly nodeId: string;
  /** A remote stamp this far ahead of local wall time is flagged and ignored. */
  readonly maxDriftMs: number;
};

export const formatHlc = (p: HlcParts): string =>
  `${String(p.ms).padStart(18, '0')}-${String(p.counter).padStart(5, '0')}-${p.node}`;

export function parseHlc(stamp: string): HlcParts | null {
  if (!HLC_RE.test(stamp)) return null;
  const [ms = '', counter = '', ...node] = stamp.split('-');
  return { ms: Number(ms), counter: Number(counter), node: node.join('-') };
}

/** Total order of stamps (fixed width, so the string order). */
export const compareHlc = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Carry counter overflow into the millisecond so stamps stay fixed-width and increasing. */
const normalize = (ms: number, counter: number): HlcState =>
  counter > MAX_COUNTER ? { ms: ms + 1, counter: 0 } : { ms, counter };

export function createHlc(options: HlcOptions): Hlc {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(options.nodeId)) throw new Error(`HLC: bad node id ${options.nodeId}`);
  let state: HlcState = { ms: 0, counter: 0 };
  const wall = (): number => Math.max(0, Math.floor(options.now()));
  const stamp = (): string => formatHlc({ ...state, node: options.nodeId });

  const tick = (): string => {
    const w = wall();
    state = w > state.ms ? { ms: w, counter: 0 } : normalize(state.ms, state.counter + 1);
    return stamp();
  };

  const receive = (remoteStamp: string, trustedNowMs?: number): HlcReceipt => {
    const r = parseHlc(remoteStamp);
    if (r === null) return { stamp: tick(), drift: null, invalid: true };
    const w = wall();
    const ref = trustedNowMs !== undefined && Number.isFinite(trustedNowMs) ? Math.max(w, trustedNowMs) : w;
    if (r.ms - ref > options.maxDriftMs)
      return { stamp: tick(), drift: { aheadMs: r.ms - ref }, invalid: false };
    const ms = Math.max(w, state.ms, r.ms);
    let counter = 0;
    if (ms === state.ms && ms === r.ms) counter = Math.max(state.counter, r.counter) + 1;
    else if (ms === state.ms) counter = state.counter + 1;
    else if (ms === r.ms) counter = r.counter + 1;
    state = normalize(ms, counter);
    return { stamp: stamp(), drift: null, invalid: false };
  };

  return {
    tick,
    receive,
    serialize: () => ({ ...state }),
    restore: (s) => {
      // Never move backwards: restoring an older snapshot over a newer clock keeps the newer one.
      if (s.ms > state.ms || (s.ms === state.ms && s.counter > state.counter))
        state = normalize(s.ms, s.counter);
    },
  };
}
