/*
 * Fast, synchronous event builder for reducer tests: real envelopes, HLC stamps and chains, but a fake
 * hash and signature (the reducer never checks them; verify.ts does). Lets property tests run
 * thousands of scenarios.
 */
import type { CaseEvent, Confidentiality } from '#shared/events/envelope';
import { createHlc } from '#shared/events/hlc';
import type { EventType, PayloadOf } from '#shared/events/payloads';
import type { Role } from '#shared/sync/wire';

export const CASE = '01930000-0000-7000-8000-0000000000aa';

let counter = 0;
const fakeHash = (n: number): string => n.toString(16).padStart(64, '0');

/** A deterministic id per (device number, sequence). */
const idFor = (dev: number, seq: number): string =>
  `0193${dev.toString(16).padStart(4, '0')}-0000-7000-8000-${seq.toString(16).padStart(12, '0')}`;

export type FakeDevice = {
  deviceId: string;
  emit<T extends EventType>(
    type: T,
    payload: PayloadOf<T>,
    opts?: { conf?: Confidentiality; caseId?: string },
  ): CaseEvent;
  observe(e: CaseEvent): void;
  advance(ms: number): void;
};

export function fakeDevice(n: number, role: Role = 'mediator', skewMs = 0): FakeDevice {
  let now = Date.UTC(2026, 10, 28, 1) + skewMs;
  const deviceId = `dev-${String(n)}`;
  const hlc = createHlc({ now: () => now, nodeId: deviceId, maxDriftMs: 86_400_000 });
  let seq = 0;
  let prev: string | null = null;
  return {
    deviceId,
    emit(type, payload, opts = {}) {
      seq += 1;
      now += 1000;
      const hash = fakeHash(++counter);
      const e = {
        v: 1,
        id: idFor(n, seq),
        caseId: opts.caseId ?? CASE,
        type,
        payload,
        conf: opts.conf ?? 'public',
        at: { hlc: hlc.tick(), wall: new Date(now).toISOString() },
        actor: { userId: `user-${String(n)}`, deviceId, orgId: 'org-1', role },
        deviceSeq: seq,
        prev,
        hash,
        sig: 'sig',
      } as CaseEvent;
      prev = hash;
      return e;
    },
    observe(e) {
      hlc.receive(e.at.hlc);
    },
    advance(ms) {
      now += ms;
    },
  };
}
