// A real hub in-process (buildHub over SQLite, manual clock) reached through a fetch that goes through
// app.inject, and laptops (real TribunalStores over fake IndexedDB) enrolled through the client code.
import type { FastifyInstance } from 'fastify';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import type { Role } from '#shared/sync/wire';
import { createSyncLocal, type SyncLocal } from '../../../../renderer/data/outbox';
import type { TribunalStore } from '../../../../renderer/data/store';
import { enrollDevice } from '../../../../renderer/sync/enroll';
import { createSyncEngine, type SyncEngine } from '../../../../renderer/sync/engine';
import type { FetchLike } from '../../../../renderer/sync/hub-client';
import { startHub, type Harness as HubHarness } from '../../hub/support/harness';
import { BACKENDS } from '../../hub/support/backends';
import type { OrgRecord, UserRecord } from '../../../../hub/src/storage/types';
import { harness } from '../data/store-harness';

export const HUB_URL = 'http://hub.test';

type InjectMethod = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'OPTIONS';

/** fetch over app.inject; `tap` may drop a request or its answer to simulate a bad network. */
export function injectFetch(
  app: FastifyInstance,
  tap: { before?: (path: string) => void; after?: (path: string) => void } = {},
): FetchLike & { calls: string[] } {
  const calls: string[] = [];
  const f = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    const path = `${url.pathname}${url.search}`;
    const method = (init.method ?? 'GET') as InjectMethod;
    calls.push(`${method} ${path}`);
    tap.before?.(path);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = init.body;
    const res = await app.inject({
      method,
      url: path,
      headers,
      ...(body === undefined || body === null
        ? {}
        : { payload: typeof body === 'string' ? body : Buffer.from(body as Uint8Array) }),
    });
    tap.after?.(path);
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out.set(k, String(v));
    const empty = res.statusCode === 204 || res.statusCode === 304 || method === 'HEAD';
    return new Response(empty ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: out,
    });
  };
  return Object.assign(f, { calls });
}

export type Laptop = {
  store: TribunalStore;
  local: SyncLocal;
  user: UserRecord;
  engine: SyncEngine;
  sleeps: number[];
};

export type World = {
  hub: HubHarness;
  org: OrgRecord;
  fetch: ReturnType<typeof injectFetch>;
  laptop(name: string, roles: Role[], fetchFn?: FetchLike): Promise<Laptop>;
  close(): Promise<void>;
};

export async function world(): Promise<World> {
  const backend = BACKENDS[0];
  if (!backend) throw new Error('no hub backend');
  const hub = await startHub(backend.config());
  const org = await hub.org('荆门市劳动人事争议仲裁院');
  const fetch = injectFetch(hub.app);
  const stores: TribunalStore[] = [];
  return {
    hub,
    org,
    fetch,
    laptop: async (name, roles, fetchFn = fetch) => {
      const user = await hub.user(org, name, roles);
      const { store } = harness();
      stores.push(store);
      const local = createSyncLocal(store);
      const enrolled = await enrollDevice(
        { local, publicKey: () => store.publicKeyJwk(), fetch: fetchFn },
        { hubUrl: HUB_URL, code: await hub.code(user), deviceName: `${name}的电脑` },
      );
      if (!enrolled.ok) throw new Error(`enroll failed: ${JSON.stringify(enrolled.error)}`);
      const sleeps: number[] = [];
      const engine = createSyncEngine({
        local,
        fetch: fetchFn,
        now: () => hub.clock.now,
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
        ownPublicKey: () => store.publicKeyJwk(),
      });
      return { store, local, user, engine, sleeps };
    },
    close: async () => {
      for (const s of stores) s.close();
      await hub.close();
    },
  };
}

/** Opens a case on a laptop as its enrolled user; returns the case id. */
export async function openCase(l: Laptop, caseId: string): Promise<void> {
  const author = await l.store.author();
  if (!author) throw new Error('not enrolled');
  const r = await l.store.write(author, [
    { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
  ]);
  if (!r.ok) throw new Error(r.error.message);
}

export async function writeNote(l: Laptop, caseId: string, noteId: string): Promise<void> {
  const author = await l.store.author();
  if (!author) throw new Error('not enrolled');
  const r = await l.store.write(author, [
    { caseId, type: 'note.recorded', payload: { ...SAMPLE_PAYLOADS['note.recorded'], noteId } },
  ]);
  if (!r.ok) throw new Error(r.error.message);
}
