/* The recorder's autosave: the snapshot parser, the debouncer and the keeper (injected timers, no real time). */
import { describe, expect, it } from 'vitest';
import {
  createDebouncer,
  createDraftKeeper,
  parseSnapshot,
  snapshotValue,
  type DraftStatus,
  type RecorderSnapshot,
  type Timers,
} from '../../../../renderer/features/mediation/transcript-draft';

/** Timers the test advances by hand. */
function manualTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => {
      seq += 1;
      pending.set(seq, { at: now + ms, fn });
      return seq;
    },
    clear: (h) => {
      if (typeof h === 'number') pending.delete(h);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > now) continue;
      pending.delete(id);
      t.fn();
    }
  };
  return { timers, advance, pending: () => pending.size };
}

const SNAP: RecorderSnapshot = {
  sessionId: 's1',
  kind: 'hearing',
  venue: 'site',
  place: '掇刀区某工地',
  mobile: true,
  isPublic: true,
  people: [{ name: '王调解', role: '调解员', partyId: '' }],
  start: '2026-11-28T01:00:00.000Z',
  lines: [{ speaker: '王调解', text: '现在开庭' }],
  speaker: 0,
  utterance: '张三说',
};

describe('parseSnapshot', () => {
  it('reads back what snapshotValue stored', () => {
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshotValue(SNAP))))).toEqual(SNAP);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'text'],
    ['no version', { ...SNAP }],
    ['a later version', { ...snapshotValue(SNAP), v: 2 }],
    ['an unknown session kind', { ...snapshotValue(SNAP), kind: 'party' }],
    ['a line without text', { ...snapshotValue(SNAP), lines: [{ speaker: 'a' }] }],
    ['a negative speaker', { ...snapshotValue(SNAP), speaker: -1 }],
  ])('refuses %s', (_what, value) => {
    expect(parseSnapshot(value)).toBeNull();
  });
});

describe('createDebouncer', () => {
  it('saves the latest value once typing pauses, flushes at once, drops after cancel', () => {
    const { timers, advance } = manualTimers();
    const saved: string[] = [];
    const d = createDebouncer<string>((v) => saved.push(v), 400, timers);
    d.push('现');
    advance(200);
    d.push('现在');
    advance(399);
    expect(saved).toEqual([]);
    advance(1);
    expect(saved).toEqual(['现在']);
    d.push('现在开庭');
    d.flush();
    expect(saved).toEqual(['现在', '现在开庭']);
    d.flush();
    expect(saved).toHaveLength(2);
    d.push('不要');
    d.cancel();
    advance(1000);
    expect(saved).toHaveLength(2);
  });
});

describe('createDraftKeeper', () => {
  function setup(stored?: RecorderSnapshot) {
    const { timers, advance } = manualTimers();
    const rows = new Map<string, unknown>();
    const statuses: DraftStatus[] = [];
    let clock = 1000;
    const gates: (() => void)[] = [];
    let gate = false;
    const drafts = {
      save: async (key: string, value: unknown) => {
        if (gate) await new Promise<void>((r) => gates.push(r));
        rows.set(key, value);
        clock += 1;
        return { savedAt: clock, value };
      },
      clear: (key: string) => {
        rows.delete(key);
        return Promise.resolve();
      },
    };
    const keeper = createDraftKeeper({
      drafts,
      key: 'transcript:c1',
      ms: 400,
      onStatus: (s) => statuses.push(s),
      stored,
      timers,
    });
    return {
      keeper,
      rows,
      statuses,
      advance,
      hold: () => {
        gate = true;
      },
      release: () => {
        for (const g of gates.splice(0)) g();
      },
    };
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('saves each change after the pause and reports the save time', async () => {
    const s = setup();
    s.keeper.push(SNAP);
    s.advance(400);
    await tick();
    expect(s.rows.get('transcript:c1')).toEqual(snapshotValue(SNAP));
    expect(s.statuses).toEqual([{ kind: 'saved', at: 1001, resumed: false }]);
  });

  it('does not write a resumed draft again until it changes', async () => {
    const s = setup(SNAP);
    s.keeper.push({ ...SNAP });
    s.advance(1000);
    await tick();
    expect(s.rows.size).toBe(0);
    s.keeper.push({ ...SNAP, utterance: '张三说：欠薪' });
    s.advance(400);
    await tick();
    expect(s.rows.size).toBe(1);
  });

  it('close waits for a save on its way, then clears: the draft never comes back', async () => {
    const s = setup();
    s.hold();
    s.keeper.push(SNAP);
    s.keeper.flush();
    const closing = s.keeper.close();
    s.keeper.push({ ...SNAP, utterance: 'after' });
    s.advance(1000);
    s.release();
    await closing;
    expect(s.rows.size).toBe(0);
  });

  it('a failed save is reported with its message, not swallowed', async () => {
    const statuses: DraftStatus[] = [];
    const { timers, advance } = manualTimers();
    const keeper = createDraftKeeper({
      drafts: {
        save: () => Promise.reject(new Error('QuotaExceededError')),
        clear: () => Promise.resolve(),
      },
      key: 'k',
      ms: 400,
      onStatus: (x) => statuses.push(x),
      timers,
    });
    keeper.push(SNAP);
    advance(400);
    await tick();
    expect(statuses).toEqual([{ kind: 'failed', message: 'QuotaExceededError' }]);
  });
});
