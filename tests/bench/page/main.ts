// Bench page entry: registers every benchmark module and exposes a runner to the harness.
import { benchmarks } from './registry';
import './idb-baseline';
import './evidence-import';
import './crypto-append';
import './caseload-100k';
import './start-100k';
import './save-one';
import './unlock-100k';
import './dashboard-100k';

declare global {
  var benchApi: {
    list: () => { name: string; runs: number; baseline?: string }[];
    runOnce: (name: string) => Promise<number>;
  };
}

globalThis.benchApi = {
  list: () =>
    benchmarks.map(({ name, runs, baseline }) => ({ name, runs, ...(baseline ? { baseline } : {}) })),
  runOnce: async (name) => {
    const b = benchmarks.find((x) => x.name === name);
    if (!b) throw new Error(`unknown benchmark ${name}`);
    return b.run();
  },
};
document.title = 'bench-ready';
