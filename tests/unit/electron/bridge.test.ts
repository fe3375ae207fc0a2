import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '#shared/ipc/contract';
import { buildBridge } from '../../../electron/bridge';

describe('preload bridge', () => {
  it('exposes exactly one function per channel, namespaced and frozen', () => {
    const api = buildBridge(() => Promise.resolve({ ok: true, value: null }));
    const exposed = Object.entries(api).flatMap(([ns, fns]) =>
      Object.keys(fns as object).map((m) => `${ns}:${m}`),
    );
    // One function per call channel, plus `power.onLock` for the one main → renderer event (#8).
    expect(exposed.sort()).toEqual([...ipcChannels, 'power:onLock'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const ns of Object.values(api)) expect(Object.isFrozen(ns)).toBe(true);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|send|ipc/i);
  });

  it('forwards channel and input, one argument only', async () => {
    const invoke = vi.fn(() => Promise.resolve({ ok: true, value: { offset: 3 } }));
    const api = buildBridge(invoke);
    expect(await api.journal.append({ lines: ['x'] })).toEqual({ ok: true, value: { offset: 3 } });
    expect(invoke).toHaveBeenCalledWith('journal:append', { lines: ['x'] });
    await api.app.info();
    expect(invoke).toHaveBeenLastCalledWith('app:info', undefined);
  });

  it('turns a rejected invoke into an error result', async () => {
    const api = buildBridge(() => Promise.reject(new Error('No handler registered')));
    expect(await api.keys.status()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
