/*
 * The browser implementation of the IPC contract (placeholder until the full version lands below).
 */
import type { TribunalApi } from '#shared/ipc/contract';
import { ipcError } from '#shared/ipc/contract';

const unsupported = () =>
  Promise.resolve(ipcError('unsupported', '浏览器模式暂不支持 (not yet supported in the browser)'));

/** Builds the browser platform. */
export function createBrowserPlatform(): TribunalApi {
  return Object.freeze({
    app: { info: unsupported },
    documents: { printToPdf: unsupported, print: unsupported },
    files: { saveDialog: unsupported },
    journal: { append: unsupported, read: unsupported },
    keys: { store: unsupported, load: unsupported, status: unsupported },
  });
}
