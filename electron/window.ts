/*
 * The one window factory (reliability.md R1). Every renderer runs isolated and sandboxed with no Node;
 * the preload is the only bridge. Print windows get the same preferences, no preload and no JavaScript:
 * they only lay out HTML built from party-supplied text.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The exact preferences of the app window; tests assert each one. */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export type MainWindowOptions = { preloadPath: string; startUrl: string; devTools: boolean };

/** Creates the app window, shown once its first paint is ready. */
export function createMainWindow(Window: WindowConstructor, options: MainWindowOptions): BrowserWindow {
  const win = new Window({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: '背包仲裁庭',
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  win.once('ready-to-show', () => {
    win.show();
  });
  win.loadURL(options.startUrl).catch(() => undefined);
  return win;
}

/** The partition for print windows: in memory only, its network blocked except `data:` (see main). */
export const printPartition = 'tribunal-print';

/** A hidden window that renders one HTML document for printing; scripts disabled. */
export function createPrintWindow(Window: WindowConstructor): BrowserWindow {
  const prefs = secureWebPreferences('', false);
  delete prefs.preload;
  return new Window({
    show: false,
    webPreferences: { ...prefs, javascript: false, partition: printPartition },
  });
}
