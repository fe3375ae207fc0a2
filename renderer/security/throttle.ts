/*
 * Growing delay after wrong passphrases: free tries first, then 1 s, 2 s, 4 s … capped at 5 minutes.
 * It slows guessing through the UI only (the PBKDF2 cost protects the copied file); the data itself is
 * never locked out or wiped by failures.
 */

export type Failures = { count: number; lastAt: number };

const FREE_TRIES = 3;
const CAP_MS = 5 * 60_000;

/** How long to wait after `count` consecutive failures before the next try is accepted. */
export function throttleDelayMs(count: number): number {
  if (count < FREE_TRIES) return 0;
  return Math.min(CAP_MS, 1000 * 2 ** (count - FREE_TRIES));
}
