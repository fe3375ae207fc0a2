// A signing test device for hub suites: an Ed25519 key enrolled through the API, then events built by
// the shared test device (createTestDevice: HLC stamps, actor, ids on the hub's clock), chained here so
// tests can rewind the chain head (forks, gaps) and tweak fields before sealing.
import type { CaseEvent, UnsignedEvent } from '#shared/events/envelope';
import type { EventType, PayloadOf } from '#shared/events/payloads';
import { generateDeviceKeyPair, exportPublicKeyJwk, sealEvent } from '#shared/events/signing';
import { createTestDevice, type TestDevice as SharedTestDevice } from '#shared/events/testing';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import type { EnrollResponse, Role } from '#shared/sync/wire';
import type { UserRecord } from '../../../../hub/src/storage/types';
import { bearer, type Harness } from './harness';

export type PushAnswer = { id: string; status: string; reason?: string; detail?: string; hubSeq?: number };

export type TestDevice = {
  enrolled: EnrollResponse;
  device: SharedTestDevice;
  /** The next chained event; the payload is the type's sample payload with `payload` laid over it. */
  emit<T extends EventType>(
    caseId: string,
    type: T,
    payload?: Partial<PayloadOf<T>>,
    conf?: string,
    tweak?: Partial<UnsignedEvent>,
  ): Promise<CaseEvent>;
  push(events: unknown[]): Promise<PushAnswer[]>;
  pull(after?: string, limit?: number): Promise<{ events: CaseEvent[]; cursor: string; hasMore: boolean }>;
  /** Rewinds the local chain head (to build forks and gaps, or to reuse a rejected event's place). */
  setHead(seq: number, hash: string | null): void;
  /** The local chain head. */
  head(): { seq: number; hash: string | null };
};

export async function testDevice(h: Harness, user: UserRecord, role: Role): Promise<TestDevice> {
  const keys = await generateDeviceKeyPair();
  const enrolled = await h.enroll(user, await exportPublicKeyJwk(keys.publicKey));
  const device = await createTestDevice({
    deviceId: enrolled.deviceId,
    userId: user.id,
    orgId: user.orgId,
    role,
    keys,
    clock: () => h.clock.now,
    ids: h.ids,
  });
  let seq = 0;
  let head: string | null = null;
  return {
    enrolled,
    device,
    setHead: (s, hsh) => {
      seq = s;
      head = hsh;
    },
    head: () => ({ seq, hash: head }),
    emit: async (caseId, type, payload = {}, conf = 'public', tweak = {}) => {
      const merged = { ...SAMPLE_PAYLOADS[type], ...payload } as PayloadOf<typeof type>;
      const drafted = device.draft(caseId, type, merged, conf as 'public');
      const unsigned = { ...drafted, deviceSeq: seq + 1, prev: head, ...tweak } as UnsignedEvent;
      const e = await sealEvent(unsigned, keys.privateKey);
      seq = e.deviceSeq;
      head = e.hash;
      return e;
    },
    push: async (events) => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/v1/sync/push',
        headers: bearer(enrolled.token),
        payload: { events },
      });
      if (res.statusCode !== 200) throw new Error(`push ${String(res.statusCode)} ${res.body}`);
      return res.json<{ results: PushAnswer[] }>().results;
    },
    pull: async (after = '', limit = 1000) => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/v1/sync/pull?after=${after}&limit=${String(limit)}`,
        headers: bearer(enrolled.token),
      });
      return res.json<{ events: CaseEvent[]; cursor: string; hasMore: boolean }>();
    },
  };
}
