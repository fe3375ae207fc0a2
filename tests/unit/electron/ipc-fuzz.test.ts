import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { ipcChannels } from '#shared/ipc/contract';
import { registerHandlers } from '../../../electron/ipc/handlers';
import { createJournalFile } from '../../../electron/journal-file';
import { createKeyStore } from '../../../electron/key-store';
import { fakeIpcMain, invokeEvent } from './fakes';

// reliability.md R4: random argument shapes on every channel never make main throw or reject.
let dir: string;
const ipc = fakeIpcMain();
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tribunal-fuzz-'));
  const pdf = () => Promise.resolve(Buffer.from('%PDF'));
  registerHandlers(ipc, {
    appInfo: { version: '0', platform: 'linux', hubOrigin: 'http://127.0.0.1:8787' },
    dialog: { showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }) },
    windowOf: () => null,
    documentsDir: dir,
    writeFileDurable: () => Promise.resolve(),
    createPrintWindow: () => ({
      destroy: vi.fn(),
      webContents: { loadURL: () => Promise.resolve(), printToPDF: pdf, print },
    }),
    journal: createJournalFile(path.join(dir, 'j.jsonl'), fs),
    keys: createKeyStore({
      dir: path.join(dir, 'keys'),
      platform: 'linux',
      safeStorage: {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'basic_text',
        encryptString: (s) => Buffer.from(s),
        decryptString: (b) => b.toString(),
      },
      fs: { readFile: (f) => fs.readFile(f), writeFileDurable: () => Promise.resolve() },
    }),
  });
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const print = (_options: unknown, done: (ok: boolean) => void) => {
  done(false);
};
const sender = { printToPDF: () => Promise.resolve(Buffer.from('%PDF')), print };
const senders: IpcMainInvokeEvent[] = [
  { ...invokeEvent('app://app/index.html'), sender } as unknown as IpcMainInvokeEvent,
  invokeEvent('https://evil.example/'),
  invokeEvent(null),
];

describe('IPC fuzz', () => {
  it.each([...ipcChannels])('%s answers every argument shape with a result', async (channel) => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...senders),
        fc.array(fc.anything({ withTypedArray: true, withNullPrototype: true }), { maxLength: 3 }),
        async (event, args) => {
          const r = (await ipc.invoke(channel, event, ...args)) as { ok: boolean; error?: { code: string } };
          expect(typeof r.ok).toBe('boolean');
          if (event !== senders[0]) expect(r.error?.code).toBe('forbidden_sender');
        },
      ),
      { numRuns: 300, seed: 20261128 },
    );
  });
});
