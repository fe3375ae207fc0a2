// Limits from the environment: set ones are taken, unset or empty ones keep the defaults, and a value
// that is not a positive whole number is refused with the variable named (the hub does not start).
import { describe, expect, it } from 'vitest';
import { limitsFromEnv } from '../../../hub/src/limits-env';

describe('limitsFromEnv', () => {
  it('takes the set limits and leaves the rest to the defaults', () => {
    expect(
      limitsFromEnv({
        HUB_MAX_BODY_BYTES: '2097152',
        HUB_MAX_EVENTS_PER_PUSH: ' 200 ',
        HUB_MAX_BLOB_BYTES: '',
      }),
    ).toEqual({
      ok: true,
      value: { maxBodyBytes: 2_097_152, maxEventsPerPush: 200 },
    });
    expect(limitsFromEnv({})).toEqual({ ok: true, value: {} });
  });

  it.each(['0', '-5', '1.5', '1e6', 'abc', '99999999999999999999'])('refuses %s', (v) => {
    const r = limitsFromEnv({ HUB_MAX_CHUNK_BYTES: v });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('HUB_MAX_CHUNK_BYTES');
  });
});
