/*
 * The IPC contract in plain Chromium (conventions.md §6): the web mode and the e2e tests run the same
 * renderer without Electron. Inputs are parsed with the same schemas as in main, so both hosts accept
 * and refuse the same calls. What a browser cannot do is answered, never thrown:
 * - printToPdf: no PDF API in a page → `unsupported` (use `documents.print` and "Save as PDF").
 * - files.saveDialog: a download link; the browser picks the folder, so `path` is just the file name.
 * - keys: localStorage, reported as backend `browser` and `secure: false` (no OS keystore; the key
 *   stored here is only as safe as the passphrase wrapping it).
 */
import {
  ipcContract,
  ipcError,
  type IpcChannel,
  type IpcOutput,
  type IpcParsed,
  type IpcResult,
  type TribunalApi,
} from '#shared/ipc/contract';
import {
  createOpfsJournal,
  JournalOffsetError,
  JournalReplaceError,
  type BrowserJournal,
  type OpfsDirectory,
} from './opfs-journal';
import { createWorkerJournal, wrapWorker, type JournalWorkerLike } from './opfs-journal-client';
import { printDocument } from './browser-print';

export type BrowserPlatformOptions = {
  hubOrigin?: string;
  version?: string;
  /** The journal's folder; the OPFS root by default. */
  getDirectory?: () => Promise<OpfsDirectory>;
  /**
   * Starts the journal worker (a sync access handle, O(line) appends); null = none, then the fallback
   * journal (one writable per append) is used. By default the worker Vite bundles.
   */
  journalWorker?: () => JournalWorkerLike | null;
  /** A ready journal (the bench passes one it can close); built from the two options above by default. */
  journal?: BrowserJournal;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  document?: Document;
};

export const journalFileName = 'tribunal-journal.jsonl';
const keyPrefix = 'tribunal.keys.';

/** The hub origin from VITE_HUB_URL, else this page's origin. */
export function defaultHubOrigin(envUrl: string | undefined, location: Pick<Location, 'origin'>): string {
  if (envUrl !== undefined && envUrl !== '') {
    try {
      const url = new URL(envUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
    } catch {
      // fall through to the page origin
    }
  }
  return location.origin;
}

/** Parses like main does, then runs `impl`; any throw becomes an error result. */
function call<C extends IpcChannel>(
  channel: C,
  impl: (input: IpcParsed<C>) => Promise<IpcResult<IpcOutput<C>>>,
): (input?: unknown) => Promise<IpcResult<IpcOutput<C>>> {
  return async (input) => {
    const parsed = ipcContract[channel].safeParse(input);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => i.message).join('; ');
      return ipcError('invalid_input', `输入无效 (invalid input): ${detail}`);
    }
    try {
      return await impl(parsed.data as IpcParsed<C>);
    } catch (e) {
      if (e instanceof JournalOffsetError || e instanceof JournalReplaceError)
        return ipcError('invalid_input', e.message);
      const detail = e instanceof Error ? e.message : String(e);
      return ipcError('internal', `内部错误 (internal error in ${channel}): ${detail}`);
    }
  };
}

const value = <T>(v: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value: v });

function downloadBytes(doc: Document, name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}

/**
 * The app's journal worker, bundled by Vite as its own script from 'self' (null where there are no
 * workers). Kept out of opfs-journal-client.ts, which the worker's own bundle imports.
 */
function startJournalWorker(): JournalWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return wrapWorker(new Worker(new URL('./opfs-journal-worker.ts', import.meta.url), { type: 'module' }));
}

/** Builds the browser platform; every dependency can be injected for tests. */
export function createBrowserPlatform(options: BrowserPlatformOptions = {}): TribunalApi {
  const doc = options.document ?? document;
  const storage = options.storage ?? localStorage;
  const hubOrigin =
    options.hubOrigin ?? defaultHubOrigin(import.meta.env['VITE_HUB_URL'] as string | undefined, location);
  const getDirectory = options.getDirectory ?? (() => navigator.storage.getDirectory());
  const journal =
    options.journal ??
    createWorkerJournal({
      startWorker: options.journalWorker ?? startJournalWorker,
      getDirectory,
      fileName: journalFileName,
      fallback: () => createOpfsJournal(getDirectory, journalFileName),
    });

  const api: TribunalApi = {
    app: {
      info: call('app:info', () =>
        value({ version: options.version ?? '0.1.0-web', platform: 'browser', isElectron: false, hubOrigin }),
      ),
    },
    documents: {
      printToPdf: call('documents:printToPdf', () =>
        Promise.resolve(
          ipcError(
            'unsupported',
            '浏览器模式不能直接生成 PDF，请用“打印”并选择“另存为 PDF” (no PDF export in the browser: print and choose "Save as PDF")',
          ),
        ),
      ),
      print: call('documents:print', async (input) =>
        value({ printed: await printDocument(doc, input.html) }),
      ),
    },
    files: {
      saveDialog: call('files:saveDialog', (input) => {
        downloadBytes(doc, input.suggestedName, input.bytes);
        return value({ saved: true, path: input.suggestedName });
      }),
    },
    journal: {
      append: call('journal:append', async (input) => value({ offset: await journal.append(input.lines) })),
      read: call('journal:read', async (input) =>
        value(await journal.read(input.fromOffset, input.maxBytes)),
      ),
      replace: call('journal:replace', async (input) =>
        value({ offset: await journal.replace(input.lines, input.first, input.last) }),
      ),
    },
    keys: {
      store: call('keys:store', (input) => {
        storage.setItem(keyPrefix + input.keyId, input.wrapped);
        return value({ backend: 'browser' });
      }),
      load: call('keys:load', (input) => {
        const wrapped = storage.getItem(keyPrefix + input.keyId);
        return wrapped === null
          ? Promise.resolve(ipcError('not_found', `没有保存的密钥 (no stored key "${input.keyId}")`))
          : value({ wrapped, backend: 'browser' });
      }),
      status: call('keys:status', () => value({ available: true, backend: 'browser', secure: false })),
    },
    // A browser tells a page nothing about sleep; a hidden page locks instead (security/auto-lock.ts).
    power: { onLock: () => () => undefined },
  };
  return Object.freeze(api);
}
