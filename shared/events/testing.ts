/*
 * Test helper for every environment's tests (hub, renderer, shared): a fake device that writes
 * properly chained, HLC-stamped, signed events. Deterministic when given a clock and an id generator.
 * Pure shared code, so it is not test-only in placement, but nothing in production imports it.
 */
import type { Role } from '#shared/sync/wire';
import { createUuidV7, type IdGenerator } from '#shared/util/ids';
import { exportPublicKeyJwk, generateDeviceKeyPair, nextChainLink, sealEvent } from './signing';
import type { CaseEvent, Confidentiality, UnsignedEvent } from './envelope';
import { createHlc, type Hlc } from './hlc';
import type { EventType, PayloadOf } from './payloads';

export type TestDeviceOptions = {
  readonly deviceId: string;
  readonly userId: string;
  readonly orgId: string;
  readonly role: Role;
  /** Wall clock in ms; default a fixed 2026-11-28T09:00:00Z that advances 1 s per event. */
  readonly clock?: () => number;
  /** Event id generator; default UUIDv7 from the clock with zero randomness. */
  readonly ids?: IdGenerator;
  /** Drift bound for receive(); default 5 minutes. */
  readonly maxDriftMs?: number;
  /** Reuse a key pair (e.g. to simulate a laptop restored from backup that forks its own chain). */
  readonly keys?: CryptoKeyPair;
};

export type TestDevice = {
  readonly deviceId: string;
  readonly publicKey: CryptoKey;
  readonly jwk: JsonWebKey;
  readonly hlc: Hlc;
  readonly keys: CryptoKeyPair;
  /** Builds, chains, stamps and signs the device's next event. */
  emit<T extends EventType>(
    caseId: string,
    type: T,
    payload: PayloadOf<T>,
    conf?: Confidentiality,
  ): Promise<CaseEvent>;
  /** Builds the next event without sealing or advancing the chain (for tampering tests). */
  draft<T extends EventType>(
    caseId: string,
    type: T,
    payload: PayloadOf<T>,
    conf?: Confidentiality,
  ): UnsignedEvent;
  /** Lets the device's clock see a remote event (so its next events sort after it). */
  observe(e: CaseEvent): void;
};

const DEFAULT_START = Date.UTC(2026, 10, 28, 9, 0, 0);

function steppingClock(): () => number {
  let t = DEFAULT_START;
  return () => (t += 1000);
}

export async function createTestDevice(options: TestDeviceOptions): Promise<TestDevice> {
  const clock = options.clock ?? steppingClock();
  const ids = options.ids ?? createUuidV7(clock, (n) => new Uint8Array(n));
  const keys = options.keys ?? (await generateDeviceKeyPair());
  const jwk = await exportPublicKeyJwk(keys.publicKey);
  const hlc = createHlc({ now: clock, nodeId: options.deviceId, maxDriftMs: options.maxDriftMs ?? 300_000 });
  let last: { deviceSeq: number; hash: string } | null = null;
  const actor = {
    userId: options.userId,
    deviceId: options.deviceId,
    orgId: options.orgId,
    role: options.role,
  };

  const draft = <T extends EventType>(
    caseId: string,
    type: T,
    payload: PayloadOf<T>,
    conf: Confidentiality = 'public',
  ): UnsignedEvent => {
    const stamp = hlc.tick();
    const wall = new Date(clock()).toISOString();
    return {
      v: 1,
      id: ids(),
      caseId,
      type,
      payload,
      conf,
      at: { hlc: stamp, wall },
      actor,
      ...nextChainLink(last),
    } as UnsignedEvent;
  };

  return {
    deviceId: options.deviceId,
    publicKey: keys.publicKey,
    jwk,
    hlc,
    keys,
    draft,
    emit: async (caseId, type, payload, conf) => {
      const e = await sealEvent(draft(caseId, type, payload, conf), keys.privateKey);
      last = { deviceSeq: e.deviceSeq, hash: e.hash };
      return e;
    },
    observe: (e) => {
      hlc.receive(e.at.hlc);
    },
  };
}
