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
};

export const benchmarks: Benchmark[] = [];
export const register = (b: Benchmark): void => {
  benchmarks.push(b);
};
