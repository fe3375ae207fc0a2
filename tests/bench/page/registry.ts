/*
 * Benchmarks that run inside Chromium. Each returns the milliseconds of one measured run; the harness
 * (run-bench.mjs) repeats it and reports min / median, and a ratio against the baseline it names.
 */
export type Benchmark = {
  name: string;
  /** Name of the benchmark this one is compared with (a ratio is reported), if any. */
  baseline?: string;
  runs: number;
  run: () => Promise<number>;
  /** Runs only when this environment variable is set (slow or disk-hungry benches, e.g. BENCH_LARGE). */
  optIn?: string;
  /** The runner samples the page's JS heap and ArrayBuffer memory (CDP) during each run; peaks reported. */
  sampleMemory?: boolean;
  /** The runner writes a PDF of this many bytes to disk and sets it on the page's #bench-file input. */
  inputPdf?: number;
  /**
   * Measured from navigation start: each run is a fresh load of the bench page (?run=<name>) and `run`
   * returns performance.now() at the measured point; `prepare` runs once before, in the bench page.
   */
  freshLoad?: boolean;
  prepare?: () => Promise<void>;
};

export const benchmarks: Benchmark[] = [];
export const register = (b: Benchmark): void => {
  benchmarks.push(b);
};
