import { describe, expect, it, vi } from 'vitest';
import { createOpfsJournal } from '../../../../renderer/platform/opfs-journal';
import { journalPortFrom } from '../../../../renderer/platform/journal-port';
import type { TribunalApi } from '#shared/ipc/contract';
import { fakeOpfs } from './fake-opfs';

/** A journal API over the OPFS journal with a tiny page size, so paging is exercised. */
function apiOver(pageBytes: number) {
  const fs = fakeOpfs();
  const j = createOpfsJournal(() => Promise.resolve(fs.dir), 'j');
  const append = vi.fn(async ({ lines }: { lines: string[] }) => ({
    ok: true as const,
    value: { offset: await j.append(lines) },
  }));
  const read = vi.fn(async ({ fromOffset }: { fromOffset: number }) => ({
    ok: true as const,
    value: await j.read(fromOffset, pageBytes),
  }));
  const replace = vi.fn(async (input: { lines: string[]; first: boolean; last: boolean }) => ({
    ok: true as const,
    value: { offset: await j.replace(input.lines, input.first, input.last) },
  }));
  return {
    api: { journal: { append, read, replace } } as unknown as Pick<TribunalApi, 'journal'>,
    append,
    read,
    replace,
  };
}

describe('journal port over the platform', () => {
  it('batches large appends to the contract limit and reads everything back page by page', async () => {
    const { api, append, read } = apiOver(64);
    const port = journalPortFrom(api);
    const lines = Array.from({ length: 2500 }, (_, i) => `{"n":${i}}`);
    expect(await port.append(lines)).toEqual({ ok: true, value: undefined });
    expect(append).toHaveBeenCalledTimes(3);
    const all = await port.readAll();
    expect(all).toEqual({ ok: true, value: lines });
    expect(read.mock.calls.length).toBeGreaterThan(10);
  });

  it('stops at the first failing batch and passes the error on', async () => {
    const append = vi.fn(() =>
      Promise.resolve({ ok: false as const, error: { code: 'io' as const, message: 'disk' } }),
    );
    const port = journalPortFrom({ journal: { append, read: vi.fn(), replace: vi.fn() } });
    expect(await port.append(Array.from({ length: 1500 }, () => 'x'))).toMatchObject({
      ok: false,
      error: { code: 'io' },
    });
    expect(append).toHaveBeenCalledOnce();
  });

  it('replaces the whole journal in contract-sized parts, first and last marked', async () => {
    const { api, replace } = apiOver(4096);
    const port = journalPortFrom(api);
    await port.append(['plain']);
    const lines = Array.from({ length: 2100 }, (_, i) => `{"s":${i}}`);
    expect(await port.replace(lines)).toEqual({ ok: true, value: undefined });
    expect(replace.mock.calls.map(([c]) => [c.lines.length, c.first, c.last])).toEqual([
      [1000, true, false],
      [1000, false, false],
      [100, false, true],
    ]);
    expect(await port.readAll()).toEqual({ ok: true, value: lines });
    // An empty replacement is one call that is both first and last.
    expect(await port.replace([])).toEqual({ ok: true, value: undefined });
    expect(replace.mock.calls.at(-1)?.[0]).toEqual({ lines: [], first: true, last: true });
    expect(await port.readAll()).toEqual({ ok: true, value: [] });
  });
});
