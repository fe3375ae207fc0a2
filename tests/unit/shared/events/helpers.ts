/* Shared fixtures for the event tests: deterministic devices and a case id. */
import { createTestDevice, type TestDevice } from '#shared/events/testing';
import { createUuidV7 } from '#shared/util/ids';

export const CASE_ID = '01930000-0000-7000-8000-000000000001';

/** A clock that starts at `start` and advances `step` ms per call. */
export const stepClock = (start: number, step = 1000) => {
  let t = start - step;
  return () => (t += step);
};

/** A device with a deterministic clock and ids (the random part of ids comes from `salt`). */
export function device(
  deviceId: string,
  salt: number,
  start = Date.UTC(2026, 10, 28, 9),
  keys?: CryptoKeyPair,
): Promise<TestDevice> {
  const clock = stepClock(start);
  return createTestDevice({
    deviceId,
    userId: `user-${deviceId}`,
    orgId: 'org-1',
    role: 'mediator',
    clock,
    ids: createUuidV7(clock, (n) => new Uint8Array(n).fill(salt)),
    ...(keys ? { keys } : {}),
  });
}
