/*
 * One implementation per channel of the contract, each registered through `handle()`. OS services are
 * injected (dialog, print window, journal, key store) so the whole table runs in tests without Electron.
 */
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain, WebContents } from 'electron';
import { ipcError, type AppInfo } from '#shared/ipc/contract';
import { JournalOffsetError, JournalReplaceError, type JournalFile } from '../journal-file';
import type { KeyStore } from '../key-store';
import { handle } from './handle';
import { pdfOptions, PrintLoadError, printPdf, type PrintInput } from './print';

export type PrintWindow = Pick<BrowserWindow, 'destroy'> & {
  readonly webContents: Pick<WebContents, 'loadURL' | 'printToPDF' | 'print'>;
};

export type HandlerDeps = {
  appInfo: Omit<AppInfo, 'isElectron'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The window a dialog belongs to, for the sender of a call. */
  windowOf: (sender: WebContents) => BrowserWindow | null;
  documentsDir: string;
  writeFileDurable: (file: string, data: Uint8Array) => Promise<void>;
  createPrintWindow: () => PrintWindow;
  journal: JournalFile;
  keys: KeyStore;
};

/** Runs `job` on the sender page, or on a hidden print window holding `html` (destroyed afterwards). */
async function withPrintTarget<T>(
  input: PrintInput,
  sender: WebContents,
  deps: HandlerDeps,
  job: (wc: Pick<WebContents, 'printToPDF' | 'print'>) => Promise<T>,
): Promise<T> {
  if (input.html === undefined) return job(sender);
  const win = deps.createPrintWindow();
  try {
    try {
      await win.webContents.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(input.html)}`);
    } catch (e) {
      throw new PrintLoadError(e);
    }
    return await job(win.webContents);
  } finally {
    win.destroy();
  }
}

const printWithDialog = (wc: Pick<WebContents, 'print'>, input: PrintInput) =>
  new Promise<boolean>((resolve) => {
    wc.print(
      { silent: false, printBackground: input.printBackground, landscape: input.landscape },
      (done) => {
        resolve(done);
      },
    );
  });

/** Registers every channel of the contract. */
export function registerHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: HandlerDeps): void {
  handle(ipcMain, 'app:info', () => ({ ok: true, value: { ...deps.appInfo, isElectron: true } }));

  handle(ipcMain, 'documents:printToPdf', (input, { event }) =>
    printPdf(() => withPrintTarget(input, event.sender, deps, (wc) => wc.printToPDF(pdfOptions(input)))),
  );

  handle(ipcMain, 'documents:print', async (input, { event }) => {
    const printed = await withPrintTarget(input, event.sender, deps, (wc) => printWithDialog(wc, input));
    return { ok: true, value: { printed } };
  });

  handle(ipcMain, 'files:saveDialog', async (input, { event }) => {
    const options = {
      defaultPath: path.join(deps.documentsDir, input.suggestedName),
      filters: input.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    };
    const win = deps.windowOf(event.sender);
    const choice = await (win
      ? deps.dialog.showSaveDialog(win, options)
      : deps.dialog.showSaveDialog(options));
    if (choice.canceled || choice.filePath === '') {
      return { ok: true, value: { saved: false } };
    }
    await deps.writeFileDurable(choice.filePath, input.bytes);
    return { ok: true, value: { saved: true, path: choice.filePath } };
  });

  handle(ipcMain, 'journal:append', async (input) => ({
    ok: true,
    value: { offset: await deps.journal.append(input.lines) },
  }));

  handle(ipcMain, 'journal:read', async (input) => {
    try {
      return { ok: true, value: await deps.journal.read(input.fromOffset, input.maxBytes) };
    } catch (e) {
      if (e instanceof JournalOffsetError) return ipcError('invalid_input', e.message);
      throw e;
    }
  });

  handle(ipcMain, 'journal:replace', async (input) => {
    try {
      return {
        ok: true,
        value: { offset: await deps.journal.replace(input.lines, input.first, input.last) },
      };
    } catch (e) {
      if (e instanceof JournalReplaceError) return ipcError('invalid_input', e.message);
      throw e;
    }
  });

  handle(ipcMain, 'keys:store', (input) => deps.keys.store(input.keyId, input.wrapped));
  handle(ipcMain, 'keys:load', (input) => deps.keys.load(input.keyId));
  handle(ipcMain, 'keys:status', () => ({ ok: true, value: deps.keys.status() }));
}
