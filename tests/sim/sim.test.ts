// The seeded multi-device simulation (tests/sim/README.md). SIM_SEEDS=<n> runs more seeds, SIM_FIRST=<k>
// starts elsewhere, SIM_SEED=<s> replays one seed and prints its stats (SIM_TRACE=1: every request and
// fault too), SIM_SIZE=large makes each seed bigger. Seeds run in SIM_WORKERS worker threads (default 2,
// one per core of the CI machine) or, with SIM_WORKERS=0, in SIM_LANES lanes in this process.
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaneAnswer, LaneRequest } from './lane';
import { LARGE, SMALL, runSeed, type SeedResult } from './scenario';
import { startSimHub } from './world';

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
// One seed replayed (and traced) runs here, where its output can be printed.
const WORKERS = ONE ? 0 : intEnv('SIM_WORKERS', 2);
const SIZE_NAME = process.env['SIM_SIZE'] === 'large' ? 'large' : 'small';
const SIZE = SIZE_NAME === 'large' ? LARGE : SMALL;
const TRACE = ONE && process.env['SIM_TRACE'] === '1';
const CHUNK = 100;

export const repro = (seed: number): string =>
  `SIM_SEED=${String(seed)}${SIZE_NAME === 'large' ? ' SIM_SIZE=large' : ''} npx vitest run tests/sim/sim.test.ts`;

/** One seed with every request and fault printed (SIM_SEED=… SIM_TRACE=1). */
async function traced(seed: number): Promise<SeedResult> {
  const hub = await startSimHub();
  const trace: string[] = [];
  try {
    return await runSeed(hub, seed, { size: SIZE, trace });
  } finally {
    console.log(trace.join('\n'));
    await hub.close();
  }
}

function describeFailure(r: SeedResult): string {
  return [
    `seed ${String(r.seed)} failed (${String(r.violations.length)} violations); repro: ${repro(r.seed)}`,
    ...r.violations.slice(0, 20).map((v) => `  - ${v}`),
    `  stats: ${JSON.stringify(r.stats)}`,
  ].join('\n');
}

/** Runs seeds one after another on its own hub, in a worker thread or in this process. */
type Runner = { run(seed: number): Promise<SeedResult>; close(): Promise<void> };

function workerRunner(): Runner {
  const w = new Worker(new URL('./lane-worker.mjs', import.meta.url), { workerData: { size: SIZE_NAME } });
  const waiting = new Map<number, { ok: (r: SeedResult) => void; fail: (e: Error) => void }>();
  w.on('message', (m: LaneAnswer) => {
    const p = waiting.get(m.seed);
    waiting.delete(m.seed);
    if ('error' in m) p?.fail(new Error(`seed ${String(m.seed)} threw: ${m.error}\nrepro: ${repro(m.seed)}`));
    else p?.ok(m.result);
  });
  w.on('error', (e) => {
    for (const p of waiting.values()) p.fail(e);
    waiting.clear();
  });
  const send = (m: LaneRequest): void => {
    w.postMessage(m);
  };
  return {
    run: (seed) =>
      new Promise<SeedResult>((ok, fail) => {
        waiting.set(seed, { ok, fail });
        send({ seed });
      }),
    close: async () => {
      const exited = new Promise<void>((r) =>
        w.once('exit', () => {
          r();
        }),
      );
      send({ close: true });
      await exited;
    },
  };
}

async function inProcessRunner(): Promise<Runner> {
  const hub = await startSimHub();
  return { run: (seed) => runSeed(hub, seed, { size: SIZE }), close: () => hub.close() };
}

let runners: Runner[] = [];
beforeAll(async () => {
  runners =
    WORKERS > 0
      ? Array.from({ length: WORKERS }, workerRunner)
      : await Promise.all(Array.from({ length: LANES }, inProcessRunner));
});
afterAll(async () => {
  for (const r of runners) await r.close();
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
          runners.map(async (runner) => {
            for (let seed = next++; seed <= end; seed = next++) {
              const r = ONE && TRACE ? await traced(seed) : await runner.run(seed);
              if (ONE) console.log(`seed ${String(seed)}: ${JSON.stringify(r.stats)}`);
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
