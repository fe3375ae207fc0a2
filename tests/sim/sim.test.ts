// The seeded multi-device simulation (tests/sim/README.md). SIM_SEEDS=<n> runs more seeds, SIM_FIRST=<k>
// starts elsewhere, SIM_SEED=<s> replays one seed and prints its stats (SIM_TRACE=1: every request and
// fault too), SIM_SIZE=large makes each seed bigger, SIM_LANES=<n> runs that many seeds at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE, SMALL, runSeed, type SeedResult } from './scenario';
import { startSimHub, type SimHub } from './world';

const intEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${raw}`);
  return n;
};

const ONE = process.env['SIM_SEED'] !== undefined && process.env['SIM_SEED'] !== '';
const FIRST = ONE ? intEnv('SIM_SEED', 1) : intEnv('SIM_FIRST', 1);
const SEEDS = ONE ? 1 : intEnv('SIM_SEEDS', 1000);
const LANES = Math.max(1, intEnv('SIM_LANES', 2));
const SIZE_NAME = process.env['SIM_SIZE'] === 'large' ? 'large' : 'small';
const SIZE = SIZE_NAME === 'large' ? LARGE : SMALL;
const TRACE = ONE && process.env['SIM_TRACE'] === '1';
const CHUNK = 100;

export const repro = (seed: number): string =>
  `SIM_SEED=${String(seed)}${SIZE_NAME === 'large' ? ' SIM_SIZE=large' : ''} npx vitest run tests/sim/sim.test.ts`;

function describeFailure(r: SeedResult): string {
  return [
    `seed ${String(r.seed)} failed (${String(r.violations.length)} violations); repro: ${repro(r.seed)}`,
    ...r.violations.slice(0, 20).map((v) => `  - ${v}`),
    `  stats: ${JSON.stringify(r.stats)}`,
  ].join('\n');
}

// One hub per lane: a lane runs its seeds one after another; lanes share nothing but the process.
let hubs: SimHub[] = [];
beforeAll(async () => {
  hubs = await Promise.all(Array.from({ length: LANES }, () => startSimHub()));
});
afterAll(async () => {
  for (const h of hubs) await h.close();
});

describe(`multi-device simulation (${SIZE_NAME}), seeds ${String(FIRST)}..${String(FIRST + SEEDS - 1)}`, () => {
  for (let start = FIRST; start < FIRST + SEEDS; start += CHUNK) {
    const end = Math.min(start + CHUNK, FIRST + SEEDS) - 1;
    it(
      `seeds ${String(start)}..${String(end)}: replicas and hub converge, nothing acknowledged lost or doubled, every conflict everywhere`,
      { timeout: 900_000 },
      async () => {
        const failures: string[] = [];
        let next = start;
        await Promise.all(
          hubs.map(async (hub) => {
            for (let seed = next++; seed <= end; seed = next++) {
              const trace: string[] = [];
              const r = await runSeed(hub, seed, { size: SIZE, ...(TRACE ? { trace } : {}) });
              if (ONE) console.log([...trace, `seed ${String(seed)}: ${JSON.stringify(r.stats)}`].join('\n'));
              if (r.violations.length > 0) {
                failures.push(describeFailure(r));
                console.error(describeFailure(r));
              }
            }
          }),
        );
        expect(failures.sort()).toEqual([]);
      },
    );
  }
});
