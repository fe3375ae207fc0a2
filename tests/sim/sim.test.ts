// The seeded multi-device simulation (tests/sim/README.md). SIM_SEEDS=<n> runs more seeds, SIM_FIRST=<k>
// starts elsewhere, SIM_SEED=<s> replays one seed and prints what it did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed, type SeedResult } from './scenario';
import { startSimHub, type SimHub } from './world';

const intEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${raw}`);
  return n;
};

const ONE = process.env['SIM_SEED'];
const FIRST = ONE !== undefined && ONE !== '' ? intEnv('SIM_SEED', 1) : intEnv('SIM_FIRST', 1);
const SEEDS = ONE !== undefined && ONE !== '' ? 1 : intEnv('SIM_SEEDS', 1000);
const CHUNK = 100;

export const repro = (seed: number): string =>
  `SIM_SEED=${String(seed)} npx vitest run tests/sim/sim.test.ts`;

export function describeFailure(r: SeedResult): string {
  return [
    `seed ${String(r.seed)} failed (${String(r.violations.length)} violations); repro: ${repro(r.seed)}`,
    ...r.violations.slice(0, 20).map((v) => `  - ${v}`),
    `  stats: ${JSON.stringify(r.stats)}`,
  ].join('\n');
}

let hub: SimHub;
beforeAll(async () => {
  hub = await startSimHub();
});
afterAll(async () => {
  await hub.close();
});

describe(`multi-device simulation, seeds ${String(FIRST)}..${String(FIRST + SEEDS - 1)}`, () => {
  for (let start = FIRST; start < FIRST + SEEDS; start += CHUNK) {
    const end = Math.min(start + CHUNK, FIRST + SEEDS) - 1;
    it(
      `seeds ${String(start)}..${String(end)}: replicas and hub converge, nothing acknowledged lost or doubled, every conflict everywhere`,
      { timeout: 600_000 },
      async () => {
        const failures: string[] = [];
        for (let seed = start; seed <= end; seed++) {
          const r = await runSeed(hub, seed);
          if (SEEDS === 1) console.log(`seed ${String(seed)}: ${JSON.stringify(r.stats)}`);
          if (r.violations.length > 0) {
            failures.push(describeFailure(r));
            console.error(describeFailure(r));
          }
        }
        expect(failures).toEqual([]);
      },
    );
  }
});
