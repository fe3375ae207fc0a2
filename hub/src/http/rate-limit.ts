/*
 * Fixed-window request limits per key (client address for enrollment and token refresh, device for
 * sync), answered with 429 `rate_limited` and Retry-After (R23). In memory: one hub process's view;
 * several processes each enforce their own window.
 */
export type RateLimiter = {
  /** null when allowed, else the seconds to wait. */
  hit(key: string): number | null;
};

export function createRateLimiter(clock: () => number, perWindow: number, windowMs: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit: (key) => {
      const now = clock();
      const w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        if (windows.size > 50_000) windows.clear();
        windows.set(key, { start: now, count: 1 });
        return null;
      }
      w.count += 1;
      return w.count > perWindow ? Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) : null;
    },
  };
}
