// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels, type TribunalApi } from '#shared/ipc/contract';
import {
  createBrowserPlatform,
  defaultHubOrigin,
  journalFileName,
} from '../../../../renderer/platform/browser';
import { getPlatform } from '../../../../renderer/platform/index';
import { fakeOpfs } from './fake-opfs';

const memoryStorage = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};

const setup = () => {
  const fs = fakeOpfs();
  const storage = memoryStorage();
  const api = createBrowserPlatform({
    hubOrigin: 'http://127.0.0.1:8787',
    getDirectory: () => Promise.resolve(fs.dir),
    storage,
  });
  return { api, fs, storage };
};

afterEach(() => {
  delete globalThis.tribunal;
  vi.restoreAllMocks();
});

describe('getPlatform', () => {
  it('answers the Electron bridge when the preload exposed one', () => {
    const bridge = { app: {} } as unknown as TribunalApi;
    globalThis.tribunal = bridge;
    expect(getPlatform()).toBe(bridge);
  });

  it('falls back to the browser implementation with every channel', () => {
    const api = getPlatform();
    const methods = Object.entries(api).flatMap(([ns, fns]) =>
      Object.keys(fns as object).map((m) => `${ns}:${m}`),
    );
    expect(methods.sort()).toEqual([...ipcChannels, 'power:onLock'].sort()); // + the lock signal (#8)
    expect(Object.isFrozen(api)).toBe(true);
    expect(getPlatform()).toBe(api);
  });
});

describe('browser platform', () => {
  it('app info says it is not Electron', async () => {
    expect(await setup().api.app.info()).toEqual({
      ok: true,
      value: {
        version: '0.1.0-web',
        platform: 'browser',
        isElectron: false,
        hubOrigin: 'http://127.0.0.1:8787',
      },
    });
  });

  it('hub origin from VITE_HUB_URL, else the page origin', () => {
    const loc = { origin: 'http://127.0.0.1:5173' };
    expect(defaultHubOrigin('https://hub.example.gov.cn/v1', loc)).toBe('https://hub.example.gov.cn');
    expect(defaultHubOrigin(undefined, loc)).toBe(loc.origin);
    expect(defaultHubOrigin('javascript:alert(1)', loc)).toBe(loc.origin);
    expect(defaultHubOrigin('nonsense', loc)).toBe(loc.origin);
  });

  it('printToPdf is unsupported, with a clear message', async () => {
    const r = await setup().api.documents.printToPdf({});
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(!r.ok && r.error.message).toMatch(/PDF/);
  });

  it('print of the current page calls window.print', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    expect(await setup().api.documents.print({})).toEqual({ ok: true, value: { printed: true } });
    expect(print).toHaveBeenCalledOnce();
  });

  it('save makes a download link with the name and clicks it', async () => {
    const clicked: { name: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.href });
    });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const r = await setup().api.files.saveDialog({ suggestedName: '调解书.pdf', bytes: new Uint8Array([1]) });
    expect(r).toEqual({ ok: true, value: { saved: true, path: '调解书.pdf' } });
    expect(clicked).toEqual([{ name: '调解书.pdf', href: 'blob:x' }]);
    expect(document.querySelectorAll('a').length).toBe(0);
  });

  it('validates input with the same schemas as main', async () => {
    const { api } = setup();
    const bad = [
      () => api.files.saveDialog({ suggestedName: '../x', bytes: new Uint8Array(1) }),
      () => api.journal.append({ lines: ['a\nb'] }),
      () => api.journal.read({ fromOffset: -1 }),
      () => api.keys.load({ keyId: 'Bad Id' }),
      () => (api.keys.status as (x: unknown) => Promise<unknown>)({ surprise: 1 }),
    ];
    for (const run of bad) expect(await run()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('journal in OPFS: append then read', async () => {
    const { api, fs } = setup();
    expect(await api.journal.append({ lines: ['{"e":1}'] })).toEqual({ ok: true, value: { offset: 8 } });
    expect(fs.text(journalFileName)).toBe('{"e":1}\n');
    expect(await api.journal.read({ fromOffset: 0 })).toEqual({
      ok: true,
      value: { lines: ['{"e":1}'], nextOffset: 8, end: true },
    });
    expect(await api.journal.read({ fromOffset: 3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('a journal failure is an error result, not a throw', async () => {
    const api = createBrowserPlatform({
      hubOrigin: 'x',
      getDirectory: () => Promise.reject(new DOMException('no OPFS', 'SecurityError')),
      storage: memoryStorage(),
    });
    expect(await api.journal.append({ lines: ['x'] })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('keys: stored locally, reported as the insecure browser backend', async () => {
    const { api, storage } = setup();
    expect(await api.keys.status()).toEqual({
      ok: true,
      value: { available: true, backend: 'browser', secure: false },
    });
    expect(await api.keys.store({ keyId: 'data-key', wrapped: 'QUJD' })).toEqual({
      ok: true,
      value: { backend: 'browser' },
    });
    expect(storage.m.get('tribunal.keys.data-key')).toBe('QUJD');
    expect(await api.keys.load({ keyId: 'data-key' })).toEqual({
      ok: true,
      value: { wrapped: 'QUJD', backend: 'browser' },
    });
    expect(await api.keys.load({ keyId: 'none' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
