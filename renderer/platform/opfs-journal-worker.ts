/*
 * The journal worker (opfs-journal-client.ts starts it in browser mode): owns the journal file's
 * FileSystemSyncAccessHandle, which only a dedicated worker can open, and answers append/read/replace
 * requests in order (opfs-sync-journal.ts). Built by Vite as its own script from 'self', so the page's
 * CSP (worker-src 'self') needs no relaxation; Electron never starts it (its journal is a file in main).
 */
import {
  createSyncJournal,
  serveJournal,
  type JournalWorkerScope,
  type OpfsSyncDirectory,
} from './opfs-sync-journal';

const canSync =
  typeof FileSystemFileHandle !== 'undefined' && 'createSyncAccessHandle' in FileSystemFileHandle.prototype;

const isDirectory = (d: unknown): d is OpfsSyncDirectory =>
  typeof FileSystemDirectoryHandle !== 'undefined' && d instanceof FileSystemDirectoryHandle;

serveJournal(globalThis as unknown as JournalWorkerScope, (dir, fileName) =>
  canSync && isDirectory(dir) ? createSyncJournal(() => Promise.resolve(dir), fileName) : null,
);
