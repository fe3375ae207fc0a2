/*
 * The bridge selector: the renderer codes against `TribunalApi` and never knows its host. In Electron
 * the preload has exposed `window.tribunal`; in a plain browser the same contract is implemented with
 * web APIs (OPFS journal, download links, window.print).
 */
import type { TribunalApi } from '#shared/ipc/contract';
import { createBrowserPlatform } from './browser';

declare global {
  // Exposed by electron/preload.ts through contextBridge; absent in the browser.
  var tribunal: TribunalApi | undefined;
}

let browserPlatform: TribunalApi | undefined;

/** The platform API: Electron's bridge when present, else the (memoized) browser implementation. */
export function getPlatform(): TribunalApi {
  const bridge = globalThis.tribunal;
  if (bridge !== undefined) return bridge;
  browserPlatform ??= createBrowserPlatform();
  return browserPlatform;
}

/** True when running inside the Electron shell (the preload has exposed the bridge). */
export const isElectronHost = (): boolean => globalThis.tribunal !== undefined;
