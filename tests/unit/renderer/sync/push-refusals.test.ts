// A refusal for a passing or device-wide cause (here clock_drift) does not set the event aside: it stays
// at the head with its reason, the rest of that batch (chain_gap only because of it) is not marked, and
// the next run sends the head alone; once accepted, the tail follows.
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '#shared/util/result';
import type { HubClient } from '../../../../renderer/sync/hub-client';
import { pushOutbox } from '../../../../renderer/sync/push';
import type { TokenSource } from '../../../../renderer/sync/session';
import { openCase, world, writeNote, type World } from './support';

const CASE_A = '01930000-0000-7000-8000-0000000000c1';
const tokens: TokenSource = { withToken: (call) => call('t') };

let w: World;
afterEach(async () => {
  await w.close();
});

/** A hub that refuses the first event it sees with `clock_drift` until `healed`, and the rest of that batch as chain_gap. */
function driftingHub(state: { healed: boolean; batches: number[] }): HubClient {
  const none = () => Promise.reject(new Error('not used'));
  return {
    enroll: none,
    refresh: none,
    pull: none,
    blobHead: none,
    blobPatch: none,
    blobGet: none,
    push: (_t, events) => {
      state.batches.push(events.length);
      const ids = events.map((e) => (e as { id: string }).id);
      const results = ids.map((id, i) =>
        state.healed
          ? { id, status: 'accepted' as const, hubSeq: i + 1 }
          : i === 0
            ? { id, status: 'rejected' as const, reason: 'clock_drift' as const, detail: 'ahead' }
            : { id, status: 'rejected' as const, reason: 'chain_gap' as const },
      );
      return Promise.resolve(ok({ results, hubTime: '2026-11-28T09:00:00.000Z' }));
    },
  };
}

describe('push refusals that do not condemn the event', () => {
  it('blocks at the head with its reason, sends it alone next time, then the tail', async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    await openCase(a, CASE_A);
    await writeNote(a, CASE_A, '01930000-0000-7000-8000-000000000101');
    const state = { healed: false, batches: [] as number[] };
    const client = driftingHub(state);

    const first = await pushOutbox({ local: a.local, client, tokens });
    expect(first.ok && first.value).toEqual({ pushed: 0, rejected: 1, blocked: true });
    const left = await a.local.pending(10);
    expect(left.map((p) => p.lastError)).toEqual(['clock_drift: ahead', undefined]);
    expect(await a.local.setAsideList()).toEqual([]);

    const second = await pushOutbox({ local: a.local, client, tokens });
    expect(second.ok && second.value.blocked).toBe(true);
    expect(state.batches).toEqual([2, 1]);

    state.healed = true;
    const third = await pushOutbox({ local: a.local, client, tokens });
    expect(third.ok && third.value).toEqual({ pushed: 2, rejected: 0, blocked: false });
    expect(state.batches).toEqual([2, 1, 1, 1]);
    expect(await a.local.pendingCount()).toBe(0);
  });
});
