// The simulation can fail: a client that saves its pull checkpoint before committing the page (R12 the
// wrong way round) loses a page when it is killed in between, and the checker names the case it misses.
// Also: a seed replays the same way, alone or after other seeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FAULTS } from './faults';
import { runSeed, type SeedResult } from './scenario';
import { startSimHub, type SimHub } from './world';

let hub: SimHub;
beforeAll(async () => {
  hub = await startSimHub();
});
afterAll(async () => {
  await hub.close();
});

describe('the simulation checker', () => {
  it(
    'catches a client that advances its pull checkpoint before committing within 40 seeds, and the real client passes that seed',
    { timeout: 300_000 },
    async () => {
      // Kills between local steps are made more frequent so the broken window is hit often.
      const faults = { ...DEFAULT_FAULTS, killInLocal: 0.05 };
      let caught: SeedResult | null = null;
      for (let seed = 1; seed <= 40 && caught === null; seed++) {
        const r = await runSeed(hub, seed, { faults, broken: 'checkpoint-before-commit' });
        if (r.violations.length > 0) caught = r;
      }
      expect(caught).not.toBeNull();
      if (!caught) return;
      // The lost page shows as data the laptop misses, not as a crash of the harness.
      expect(caught.violations.some((v) => /misses (case|hub event)|state differs/.test(v))).toBe(true);
      expect((await runSeed(hub, caught.seed, { faults })).violations).toEqual([]);
    },
  );

  it('replays a seed identically: same stats alone and after other seeds', { timeout: 120_000 }, async () => {
    const alone = await runSeed(hub, 7);
    await runSeed(hub, 8);
    const again = await runSeed(hub, 7);
    expect(again.stats).toEqual(alone.stats);
    expect(again.violations).toEqual(alone.violations);
  });
});
