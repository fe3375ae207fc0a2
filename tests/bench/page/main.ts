// Bench page entry: registers every benchmark module and exposes a runner to the harness.
import { benchmarks } from './registry';
import './idb-baseline';
import './evidence-import';
import './crypto-append';
import './caseload-100k';
import './caseload-photos-50k';
import './start-100k';
import './save-one';
import './unlock-100k';
import './dashboard-100k';
import './evidence-large';

declare global {
  var benchApi: {
    list: () => {
      name: string;
      runs: number;
      baseline?: string;
      optIn?: string;
      sampleMemory?: boolean;
      inputPdf?: number;
      freshLoad?: boolean;
    }[];
    runOnce: (name: string) => Promise<number>;
    prepare: (name: string) => Promise<void>;
  };
  /** A fresh-load run's result (ms since navigation start) or its error message. */
  var benchResult: number | string | undefined;
}

globalThis.benchApi = {
  list: () =>
    benchmarks.map(({ name, runs, baseline, optIn, sampleMemory, inputPdf, freshLoad }) => ({
      name,
      runs,
      ...(baseline ? { baseline } : {}),
      ...(optIn ? { optIn } : {}),
      ...(sampleMemory ? { sampleMemory } : {}),
      ...(inputPdf ? { inputPdf } : {}),
      ...(freshLoad ? { freshLoad } : {}),
    })),
  runOnce: async (name) => {
    const b = benchmarks.find((x) => x.name === name);
    if (!b) throw new Error(`unknown benchmark ${name}`);
    return b.run();
  },
  prepare: async (name) => {
    await benchmarks.find((x) => x.name === name)?.prepare?.();
  },
};
// Where the runner puts a file from disk for benches that declare `inputPdf` (setInputFiles).
const fileInput = document.createElement('input');
fileInput.type = 'file';
fileInput.id = 'bench-file';
document.body.append(fileInput);
document.title = 'bench-ready';

// A fresh load for one run of a freshLoad bench (run-bench.mjs): run it now, from this navigation.
const fresh = new URLSearchParams(location.search).get('run');
if (fresh !== null)
  globalThis.benchApi.runOnce(fresh).then(
    (ms) => {
      globalThis.benchResult = ms;
    },
    (e: unknown) => {
      globalThis.benchResult = e instanceof Error ? e.message : String(e);
    },
  );
