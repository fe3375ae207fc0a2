// One lane of seeds in a worker thread (sim.test.ts, SIM_WORKERS): its own hub; seeds arrive as messages
// and run one after another; each result (or the error that stopped a seed) goes back as a message.
import { parentPort, workerData } from 'node:worker_threads';
import { LARGE, SMALL, runSeed } from './scenario';
import { startSimHub } from './world';

export type LaneRequest = { seed: number } | { close: true };
export type LaneAnswer =
  { seed: number; result: Awaited<ReturnType<typeof runSeed>> } | { seed: number; error: string };

const port = parentPort;
if (!port) throw new Error('lane.ts runs in a worker thread');
const data: unknown = workerData;
const size =
  data !== null && typeof data === 'object' && 'size' in data && data.size === 'large' ? LARGE : SMALL;
const hub = await startSimHub();
let chain = Promise.resolve();
port.on('message', (m: LaneRequest) => {
  chain = chain.then(async () => {
    if ('close' in m) {
      await hub.close();
      port.close();
      return;
    }
    try {
      port.postMessage({ seed: m.seed, result: await runSeed(hub, m.seed, { size }) } satisfies LaneAnswer);
    } catch (e) {
      port.postMessage({
        seed: m.seed,
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      } satisfies LaneAnswer);
    }
  });
});
