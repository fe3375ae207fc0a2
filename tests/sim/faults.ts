// The fault layer between a laptop and the hub, and the kill points around its SyncLocal. Every decision
// is drawn from the seed's generator, so a seed replays the same faults.
import type { SyncLocal } from '../../renderer/data/outbox';
import type { FetchLike } from '../../renderer/sync/hub-client';
import type { Rng } from './prng';
import {
  deliver,
  toWire,
  type Incarnation,
  type LaptopCore,
  type SimHub,
  type WireRequest,
  type Wiring,
} from './world';

export type FaultRates = {
  /** The request never reaches the hub. */
  dropRequest: number;
  /** The hub committed, the answer is lost. */
  dropAnswer: number;
  /** A push or pull reaches the hub twice (the client sees the second answer). */
  duplicate: number;
  /** A copy of a push or pull is held back and delivered later, after other traffic (answer discarded). */
  late: number;
  /** The app is killed during a push or pull request: before it is sent, or after the hub committed. */
  killInRequest: number;
  /** The app is killed just before or just after a SyncLocal call (between local commits). */
  killInLocal: number;
};

export const DEFAULT_FAULTS: FaultRates = {
  dropRequest: 0.05,
  dropAnswer: 0.08,
  duplicate: 0.08,
  late: 0.05,
  killInRequest: 0.02,
  killInLocal: 0.006,
};

export const NO_FAULTS: FaultRates = {
  dropRequest: 0,
  dropAnswer: 0,
  duplicate: 0,
  late: 0,
  killInRequest: 0,
  killInLocal: 0,
};

/** The deliberately broken client: the pull checkpoint is saved before the page is committed. */
export type Broken = 'checkpoint-before-commit' | null;

export type FaultCounters = {
  droppedRequests: number;
  droppedAnswers: number;
  duplicated: number;
  late: number;
  kills: number;
  rejections: { laptop: string; id: string; reason: string }[];
};

export type Net = {
  rates: FaultRates;
  /** When set, one line per request and fault (SIM_TRACE=1 with SIM_SEED). */
  trace?: string[];
  /** Requests held back, delivered later by the scenario. */
  late: WireRequest[];
  counters: FaultCounters;
};

/** A promise that never settles: the code awaiting it is frozen, as in a killed process. */
const frozen = <T>(): Promise<T> => new Promise<T>(() => undefined);

const offlineError = (): TypeError => new TypeError('Failed to fetch');

function faultyFetch(hub: SimHub, l: LaptopCore, inc: Incarnation, rng: Rng, net: Net): FetchLike {
  return async (input, init) => {
    if (inc.dead) return frozen();
    const req = toWire(input, init);
    const r = net.rates;
    const note = (what: string): void => {
      net.trace?.push(
        `${String(hub.clock.now)} ${l.name} ${req.method} ${req.path.split('?')[0] ?? ''} ${what}`,
      );
    };
    if (l.offline) {
      note('offline');
      throw offlineError();
    }
    // Token calls only get lost requests: no lost answer, kill or copy. The hub rotates the refresh token
    // on every use and revokes the device when a rotated one comes back after its 10 s grace (hub README,
    // token lifetimes), so a lost refresh answer followed by a kill or a dead network for more than 10 s
    // revokes the laptop (seed 1006 did exactly that). That is the contract, reported, not simulated.
    const sync = req.path.startsWith('/v1/sync/');
    if (rng.chance(r.dropRequest)) {
      net.counters.droppedRequests++;
      note('request lost');
      throw offlineError();
    }
    if (sync && rng.chance(r.killInRequest)) {
      net.counters.kills++;
      note('killed before sending');
      inc.kill();
      return frozen();
    }
    if (sync && rng.chance(r.late)) {
      net.counters.late++;
      net.late.push(req);
    }
    let res = await deliver(hub.app, req);
    if (sync && rng.chance(r.duplicate)) {
      net.counters.duplicated++;
      note(`${String(res.status)}, sent twice`);
      res = await deliver(hub.app, req);
    }
    if (sync && rng.chance(r.killInRequest)) {
      net.counters.kills++;
      note(`${String(res.status)}, killed after the hub answered`);
      inc.kill();
      return frozen();
    }
    if (sync && rng.chance(r.dropAnswer)) {
      net.counters.droppedAnswers++;
      note(`${String(res.status)}, answer lost`);
      throw offlineError();
    }
    note(String(res.status));
    return res;
  };
}

/** The SyncLocal methods around which a kill may land (not the session: see faultyFetch). */
const KILLABLE = new Set([
  'pending',
  'acknowledge',
  'recordRejection',
  'setAside',
  'receive',
  'observeClocks',
  'cursor',
  'saveCursor',
  'storedNear',
  'saveDeviceKeys',
  'quarantine',
  'blobQueue',
  'saveBlobQueue',
  'status',
  'saveStatus',
]);

function killPoints(
  l: LaptopCore,
  inc: Incarnation,
  local: SyncLocal,
  rng: Rng,
  net: Net,
  broken: Broken,
): SyncLocal {
  const maybeKill = (): boolean => {
    if (inc.dead) return true;
    if (!rng.chance(net.rates.killInLocal)) return false;
    net.counters.kills++;
    net.trace?.push(`${l.name} killed around a local call`);
    inc.kill();
    return true;
  };
  // The broken variant: receive() only remembers the page; saveCursor() saves the checkpoint FIRST and
  // commits the page after it, so a kill in between loses the page for good.
  let unsaved: Parameters<SyncLocal['receive']>[0] = [];
  const wrapped: Partial<Record<keyof SyncLocal, unknown>> = {};
  const out = new Proxy(local, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function' || typeof prop !== 'string') return v;
      const name = prop;
      if (name in wrapped) return wrapped[name as keyof SyncLocal];
      const f = async (...args: unknown[]): Promise<unknown> => {
        const killable = KILLABLE.has(name);
        if (killable && maybeKill()) return frozen();
        if (broken === 'checkpoint-before-commit' && name === 'receive') {
          const events = args[0] as Parameters<SyncLocal['receive']>[0];
          unsaved = [...unsaved, ...events];
          return { ok: true, value: { stored: events.map((e) => e.id), skipped: [] } };
        }
        const result: unknown = await Reflect.apply(v, target, args);
        if (broken === 'checkpoint-before-commit' && name === 'saveCursor') {
          if (maybeKill()) return frozen();
          const page = unsaved;
          unsaved = [];
          await local.receive(page);
        }
        if (name === 'pending' && Array.isArray(result))
          for (const p of result as Awaited<ReturnType<SyncLocal['pending']>>)
            l.offered.set(p.event.id, p.event.hash);
        if (name === 'acknowledge')
          for (const id of args[0] as readonly string[]) l.acked.set(id, l.offered.get(id) ?? '?');
        if (name === 'recordRejection')
          net.counters.rejections.push({ laptop: l.name, id: String(args[0]), reason: String(args[1]) });
        if (killable && maybeKill()) return frozen();
        return result;
      };
      wrapped[name as keyof SyncLocal] = f;
      return f;
    },
  });
  return out;
}

/** The wiring of a laptop: kill points around its SyncLocal and the fault layer on its fetch. */
export function faultWiring(hub: SimHub, rng: Rng, net: Net, broken: Broken): (l: LaptopCore) => Wiring {
  return (l) => (inc, local) => ({
    local: killPoints(l, inc, local, rng, net, broken),
    fetch: faultyFetch(hub, l, inc, rng, net),
  });
}
