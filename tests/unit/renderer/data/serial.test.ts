import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../../../renderer/data/serial';

describe('createSerialQueue', () => {
  it('runs tasks one at a time in submission order, and a failure does not block the next', async () => {
    const serial = createSerialQueue();
    const log: string[] = [];
    let open = (): void => undefined;
    const gate = new Promise<void>((r) => (open = r));
    const a = serial(async () => {
      log.push('a:start');
      await gate;
      log.push('a:end');
    });
    const b = serial(() => Promise.reject(new Error('b failed')));
    const c = serial(() => {
      log.push('c');
      return Promise.resolve(3);
    });
    await Promise.resolve();
    expect(log).toEqual(['a:start']);
    open();
    await a;
    await expect(b).rejects.toThrow('b failed');
    expect(await c).toBe(3);
    expect(log).toEqual(['a:start', 'a:end', 'c']);
  });
});
