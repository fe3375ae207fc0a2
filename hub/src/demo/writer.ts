/*
 * A demo device: an Ed25519 key pair, a hash chain and an HLC whose clock the seeder sets to each planned
 * event's time, so a year of history can be written in one run and still be stamped as it happened.
 * Events are sealed exactly as the app's device writer does (shared/events), so the hub checks them fully.
 */
import type { CaseEvent, Confidentiality, UnsignedEvent } from '#shared/events/envelope';
import { createHlc, type Hlc } from '#shared/events/hlc';
import type { EventType } from '#shared/events/payloads';
import { exportPublicKeyJwk, generateDeviceKeyPair, nextChainLink, sealEvent } from '#shared/events/signing';
import type { Role } from '#shared/sync/wire';

export type DemoDevice = {
  readonly userId: string;
  readonly orgId: string;
  readonly role: Role;
  readonly deviceId: string;
  readonly hlc: Hlc;
  write(
    at: number,
    id: string,
    caseId: string,
    type: EventType,
    payload: unknown,
    conf: Confidentiality,
  ): Promise<CaseEvent>;
};

/** Makes a key pair, enrolls it with `enroll` (which answers the hub's device id), and returns the writer. */
export async function createDemoDevice(
  who: { userId: string; orgId: string; role: Role },
  enroll: (jwk: JsonWebKey) => Promise<string>,
): Promise<DemoDevice> {
  const { userId, orgId, role } = who;
  const keys = await generateDeviceKeyPair();
  const deviceId = await enroll(await exportPublicKeyJwk(keys.publicKey));
  let now = 0;
  let last: { deviceSeq: number; hash: string } | null = null;
  const hlc = createHlc({ now: () => now, nodeId: deviceId, maxDriftMs: 300_000 });
  const device: DemoDevice = {
    userId,
    orgId,
    role,
    deviceId,
    hlc,
    write: async (at, id, caseId, type, payload, conf) => {
      now = Math.max(now, at);
      const unsigned = {
        v: 1,
        id,
        caseId,
        type,
        payload,
        conf,
        at: { hlc: hlc.tick(), wall: new Date(at).toISOString() },
        actor: { userId, deviceId, orgId, role },
        ...nextChainLink(last),
      } as UnsignedEvent;
      const e = await sealEvent(unsigned, keys.privateKey);
      last = { deviceSeq: e.deviceSeq, hash: e.hash };
      return e;
    },
  };
  return device;
}
