// A signing test device: enrolls through the API with a fresh ECDSA P-256 key and emits chained, hashed,
// signed events with the hub's event library seam (hub/src/sync/event-lib.ts).
import { webcrypto } from 'node:crypto';
import type { EnrollResponse, Role } from '#shared/sync/wire';
import { computeHash, signHash, type WireEvent } from '../../../../hub/src/sync/event-lib';
import type { UserRecord } from '../../../../hub/src/storage/types';
import { bearer, type Harness } from './harness';

export type TestDevice = {
  enrolled: EnrollResponse;
  emit(
    caseId: string,
    type: string,
    payload?: Record<string, unknown>,
    conf?: string,
    tweak?: Partial<WireEvent>,
  ): Promise<WireEvent>;
  push(events: WireEvent[]): Promise<{ id: string; status: string; reason?: string; hubSeq?: number }[]>;
  pull(after?: string, limit?: number): Promise<{ events: WireEvent[]; cursor: string; hasMore: boolean }>;
  /** Rewinds the local chain head (to build forks and gaps). */
  setHead(seq: number, hash: string | null): void;
};

export async function testDevice(h: Harness, user: UserRecord, role: Role): Promise<TestDevice> {
  const pair = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const enrolled = await h.enroll(user, await webcrypto.subtle.exportKey('jwk', pair.publicKey));
  let seq = 0;
  let head: string | null = null;
  let tick = 0;
  return {
    enrolled,
    setHead: (s, hsh) => {
      seq = s;
      head = hsh;
    },
    emit: async (caseId, type, payload = {}, conf = 'public', tweak = {}) => {
      tick += 1;
      const unsigned: WireEvent = {
        v: 1,
        id: h.ids(),
        caseId,
        type,
        payload,
        conf,
        at: {
          hlc: `${String(h.clock.now).padStart(15, '0')}-${String(tick).padStart(6, '0')}`,
          wall: new Date(h.clock.now).toISOString(),
        },
        actor: { userId: user.id, deviceId: enrolled.deviceId, orgId: user.orgId, role },
        deviceSeq: seq + 1,
        prev: head,
        hash: '',
        sig: '',
        ...tweak,
      };
      const hash = await computeHash(unsigned);
      const e = { ...unsigned, hash, sig: await signHash(pair.privateKey, hash) };
      seq = e.deviceSeq;
      head = hash;
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
      return res.json<{ results: { id: string; status: string; reason?: string; hubSeq?: number }[] }>()
        .results;
    },
    pull: async (after = '', limit = 1000) => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/v1/sync/pull?after=${after}&limit=${String(limit)}`,
        headers: bearer(enrolled.token),
      });
      return res.json<{ events: WireEvent[]; cursor: string; hasMore: boolean }>();
    },
  };
}
