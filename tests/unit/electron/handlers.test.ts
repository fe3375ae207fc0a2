import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dialog, SafeStorage } from 'electron';
import { ipcChannels } from '#shared/ipc/contract';
import { registerHandlers, type HandlerDeps } from '../../../electron/ipc/handlers';
import { createJournalFile } from '../../../electron/journal-file';
import { createKeyStore } from '../../../electron/key-store';
import { fakeIpcMain, invokeEvent } from './fakes';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tribunal-handlers-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const fakeSafeStorage = (
  backend: ReturnType<SafeStorage['getSelectedStorageBackend']>,
  available = true,
) => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (s: string) => Buffer.from(`sealed:${s}`),
  decryptString: (b: Buffer) => b.toString('utf8').replace(/^sealed:/, ''),
});

function setup(
  overrides: Partial<HandlerDeps> = {},
  backend: 'gnome_libsecret' | 'basic_text' = 'gnome_libsecret',
) {
  const ipc = fakeIpcMain();
  const written = new Map<string, Uint8Array>();
  const sender = { printToPDF: vi.fn(() => Promise.resolve(Buffer.from('%PDF-page'))) };
  const printWin = {
    destroy: vi.fn(),
    webContents: {
      loadURL: vi.fn(() => Promise.resolve()),
      printToPDF: vi.fn(() => Promise.resolve(Buffer.from('%PDF-html'))),
      print: vi.fn(),
    },
  };
  const deps: HandlerDeps = {
    appInfo: { version: '0.1.0', platform: 'linux', hubOrigin: 'http://127.0.0.1:8787' },
    dialog: {
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: false, filePath: '/home/u/a.pdf' })),
    },
    windowOf: () => null,
    documentsDir: '/home/u/Documents',
    writeFileDurable: (f, d) => {
      written.set(f, d);
      return Promise.resolve();
    },
    createPrintWindow: () => printWin,
    journal: createJournalFile(path.join(dir, 'j.jsonl'), fs),
    keys: createKeyStore({
      dir: path.join(dir, 'keys'),
      platform: 'linux',
      safeStorage: fakeSafeStorage(backend),
      fs: {
        readFile: (f) => fs.readFile(f),
        writeFileDurable: async (f, d) => {
          await fs.mkdir(path.dirname(f), { recursive: true });
          await fs.writeFile(f, d);
        },
      },
    }),
    ...overrides,
  };
  registerHandlers(ipc, deps);
  const event = { ...invokeEvent('app://app/index.html'), sender } as unknown as ReturnType<
    typeof invokeEvent
  >;
  const call = (channel: string, ...args: unknown[]) => ipc.invoke(channel, event, ...args);
  return { ipc, call, written, sender, printWin, deps };
}

describe('IPC handlers', () => {
  it('registers exactly the contract channels', () => {
    const { ipc } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual([...ipcChannels].sort());
  });

  it('every channel refuses a foreign sender', async () => {
    const { ipc } = setup();
    for (const channel of ipcChannels) {
      const r = await ipc.invoke(channel, invokeEvent('https://evil.example/'), undefined);
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
  });

  it('every channel answers garbage with an error result', async () => {
    const { ipc } = setup();
    const event = invokeEvent('app://app/');
    for (const channel of ipcChannels) {
      for (const junk of [42, 'x', [1], { evil: true }]) {
        const r = await ipc.invoke(channel, event, junk);
        expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }
    }
  });

  it('app:info', async () => {
    expect(await setup().call('app:info', undefined)).toEqual({
      ok: true,
      value: { version: '0.1.0', platform: 'linux', hubOrigin: 'http://127.0.0.1:8787', isElectron: true },
    });
  });

  it('printToPdf: the current page, as bytes', async () => {
    const { call, sender } = setup();
    const r = await call('documents:printToPdf', {});
    expect(r).toEqual({
      ok: true,
      value: {
        pdf: new Uint8Array(Buffer.from('%PDF-page')),
        sha256: createHash('sha256').update('%PDF-page').digest('hex'),
      },
    });
    expect(sender.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'A4', landscape: false, printBackground: true }),
    );
  });

  it('printToPdf: given HTML in a hidden window that is destroyed afterwards', async () => {
    const { call, printWin } = setup();
    const r = await call('documents:printToPdf', { html: '<p>裁决书</p>', pageSize: 'A5' });
    expect(r).toMatchObject({ ok: true });
    expect(printWin.webContents.loadURL).toHaveBeenCalledWith(
      `data:text/html;charset=utf-8,${encodeURIComponent('<p>裁决书</p>')}`,
    );
    expect(printWin.destroy).toHaveBeenCalledOnce();
  });

  it('printToPdf: a failing print is an error result and the window is still destroyed', async () => {
    const { call, printWin } = setup();
    printWin.webContents.printToPDF.mockRejectedValueOnce(new Error('printer on fire'));
    expect(await call('documents:printToPdf', { html: '<p>x</p>' })).toMatchObject({
      ok: false,
      error: { code: 'io' },
    });
    expect(printWin.destroy).toHaveBeenCalledOnce();
  });

  it('saveDialog: writes the bytes where the user chose', async () => {
    const { call, written } = setup();
    const bytes = new Uint8Array([1, 2, 3]);
    const r = await call('files:saveDialog', {
      suggestedName: '调解书.pdf',
      bytes,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(r).toEqual({ ok: true, value: { saved: true, path: '/home/u/a.pdf' } });
    expect(written.get('/home/u/a.pdf')).toEqual(bytes);
  });

  it('saveDialog: cancel writes nothing', async () => {
    const dialog = { showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true, filePath: '' })) };
    const { call, written } = setup({ dialog: dialog as unknown as Pick<Dialog, 'showSaveDialog'> });
    expect(await call('files:saveDialog', { suggestedName: 'a.pdf', bytes: new Uint8Array(1) })).toEqual({
      ok: true,
      value: { saved: false },
    });
    expect(written.size).toBe(0);
  });

  it.each(['../a.pdf', 'a/b.pdf', 'C:\\x.pdf', '..', 'a\u0000.pdf', ''])(
    'saveDialog: refuses the suggested name %j',
    async (suggestedName) => {
      const { call } = setup();
      expect(await call('files:saveDialog', { suggestedName, bytes: new Uint8Array(1) })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    },
  );

  it('journal: append then read; a bad offset is invalid_input', async () => {
    const { call } = setup();
    expect(await call('journal:append', { lines: ['{"e":1}'] })).toEqual({ ok: true, value: { offset: 8 } });
    expect(await call('journal:read', { fromOffset: 0 })).toEqual({
      ok: true,
      value: { lines: ['{"e":1}'], nextOffset: 8, end: true },
    });
    expect(await call('journal:read', { fromOffset: 3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('journal:append', { lines: ['a\nb'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('journal:append', { lines: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('journal:replace: parts to a temp file, renamed over the journal on the last; out of order is invalid_input', async () => {
    const { call } = setup();
    expect(await call('journal:append', { lines: ['{"plain":1}'] })).toMatchObject({ ok: true });
    expect(await call('journal:replace', { lines: ['{"a":1}'], first: true, last: false })).toEqual({
      ok: true,
      value: { offset: 8 },
    });
    expect(await call('journal:read', { fromOffset: 0 })).toMatchObject({
      value: { lines: ['{"plain":1}'] },
    });
    expect(await call('journal:replace', { lines: ['{"b":2}'], first: false, last: true })).toEqual({
      ok: true,
      value: { offset: 16 },
    });
    expect(await call('journal:read', { fromOffset: 0 })).toMatchObject({
      value: { lines: ['{"a":1}', '{"b":2}'], end: true },
    });
    expect(await call('journal:replace', { lines: [], first: false, last: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('journal:replace', { lines: ['x\ny'], first: true, last: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('keys: store, load, status on a secure backend', async () => {
    const { call } = setup();
    expect(await call('keys:status', undefined)).toEqual({
      ok: true,
      value: { available: true, backend: 'gnome_libsecret', secure: true },
    });
    expect(await call('keys:store', { keyId: 'data-key', wrapped: 'QUJD' })).toEqual({
      ok: true,
      value: { backend: 'gnome_libsecret' },
    });
    expect(await call('keys:load', { keyId: 'data-key' })).toEqual({
      ok: true,
      value: { wrapped: 'QUJD', backend: 'gnome_libsecret' },
    });
    expect(await call('keys:load', { keyId: 'other' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call('keys:load', { keyId: '../x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('keys: refuses basic_text', async () => {
    const { call } = setup({}, 'basic_text');
    expect(await call('keys:status', undefined)).toMatchObject({
      ok: true,
      value: { secure: false, backend: 'basic_text' },
    });
    expect(await call('keys:store', { keyId: 'k', wrapped: 'QUJD' })).toMatchObject({
      ok: false,
      error: { code: 'insecure_backend' },
    });
  });
});

describe('key store backend changes', () => {
  it('refuses to load after the backend changed', async () => {
    const writeFileDurable = async (f: string, d: Uint8Array) => {
      await fs.mkdir(path.dirname(f), { recursive: true });
      await fs.writeFile(f, d);
    };
    const make = (backend: 'kwallet5' | 'gnome_libsecret') =>
      createKeyStore({
        dir: path.join(dir, 'keys'),
        platform: 'linux',
        safeStorage: fakeSafeStorage(backend),
        fs: { readFile: (f) => fs.readFile(f), writeFileDurable },
      });
    expect((await make('gnome_libsecret').store('k', 'QUJD')).ok).toBe(true);
    expect(await make('kwallet5').load('k')).toMatchObject({ ok: false, error: { code: 'backend_changed' } });
    expect(await make('kwallet5').store('k', 'QUJD')).toMatchObject({
      ok: false,
      error: { code: 'backend_changed' },
    });
  });

  it('a key the keyring can no longer decrypt is backend_changed, not a crash', async () => {
    const fsx = {
      readFile: (f: string) =>
        Promise.resolve(Buffer.from(f.endsWith('backend.json') ? '{"backend":"gnome_libsecret"}' : 'sealed')),
      writeFileDurable: () => Promise.resolve(),
    };
    const ss = {
      ...fakeSafeStorage('gnome_libsecret'),
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    const store = createKeyStore({ dir, platform: 'linux', safeStorage: ss, fs: fsx });
    expect(await store.load('k')).toMatchObject({ ok: false, error: { code: 'backend_changed' } });
  });

  it('reports keychain on macOS and dpapi on Windows without asking for a Linux backend', () => {
    const ss = {
      ...fakeSafeStorage('unknown'),
      getSelectedStorageBackend: () => {
        throw new Error('linux only');
      },
    };
    const fsx = { readFile: () => Promise.reject(new Error('x')), writeFileDurable: () => Promise.resolve() };
    expect(createKeyStore({ dir, platform: 'darwin', safeStorage: ss, fs: fsx }).status().backend).toBe(
      'keychain',
    );
    expect(createKeyStore({ dir, platform: 'win32', safeStorage: ss, fs: fsx }).status().backend).toBe(
      'dpapi',
    );
  });

  it('unavailable encryption is not secure', () => {
    const fsx = { readFile: () => Promise.reject(new Error('x')), writeFileDurable: () => Promise.resolve() };
    const s = createKeyStore({
      dir,
      platform: 'linux',
      safeStorage: fakeSafeStorage('gnome_libsecret', false),
      fs: fsx,
    });
    expect(s.status()).toEqual({ available: false, backend: 'gnome_libsecret', secure: false });
  });
});
