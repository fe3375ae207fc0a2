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
    }[];
    runOnce: (name: string) => Promise<number>;
  };
}

globalThis.benchApi = {
  list: () =>
    benchmarks.map(({ name, runs, baseline, optIn, sampleMemory, inputPdf }) => ({
      name,
      runs,
      ...(baseline ? { baseline } : {}),
      ...(optIn ? { optIn } : {}),
      ...(sampleMemory ? { sampleMemory } : {}),
      ...(inputPdf ? { inputPdf } : {}),
    })),
  runOnce: async (name) => {
    const b = benchmarks.find((x) => x.name === name);
    if (!b) throw new Error(`unknown benchmark ${name}`);
    return b.run();
  },
};
// Where the runner puts a file from disk for benches that declare `inputPdf` (setInputFiles).
const fileInput = document.createElement('input');
fileInput.type = 'file';
fileInput.id = 'bench-file';
document.body.append(fileInput);
document.title = 'bench-ready';
