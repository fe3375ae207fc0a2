/*
 * Wires the shell together from an injected electron module, so a test can run the whole start-up
 * against a fake: single-instance lock, app:// scheme, hardening of every webContents, IPC handlers,
 * the print session's network lock, and the window.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type * as Electron from 'electron';
import { buildCsp, WASM_WORKER_PATH } from './csp';
import { writeFileDurable } from './durable-fs';
import { hardenWebContents, type HardenDeps } from './harden';
import { registerHandlers } from './ipc/handlers';
import { createJournalFile } from './journal-file';
import { createKeyStore } from './key-store';
import { watchPowerLock } from './power-lock';
import { appSchemePrivileges, createAppProtocolHandler } from './protocol';
import { appOrigin, defaultExternalHosts } from './url-gate';
import { createMainWindow, createPrintWindow, printPartition } from './window';

export type ElectronModule = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'dialog'
  | 'ipcMain'
  | 'powerMonitor'
  | 'protocol'
  | 'safeStorage'
  | 'session'
  | 'shell'
>;

export type ShellConfig = {
  hubOrigin: string;
  rendererRoot: string;
  preloadPath: string;
  devTools: boolean;
};

/** Asks through a modal dialog whether the camera may be used; the default button is "deny". */
function cameraDialog(electron: ElectronModule): HardenDeps['askCamera'] {
  return async (wc) => {
    const win = electron.BrowserWindow.fromWebContents(wc);
    const options = {
      type: 'question' as const,
      buttons: ['允许 Allow', '拒绝 Deny'],
      defaultId: 1,
      cancelId: 1,
      title: '摄像头 Camera',
      message: '允许背包仲裁庭使用摄像头拍摄证据吗？',
      detail: 'Allow Backpack Tribunal to use the camera to photograph evidence?',
    };
    const answer = await (win
      ? electron.dialog.showMessageBox(win, options)
      : electron.dialog.showMessageBox(options));
    return answer.response === 0;
  };
}

/** Starts the shell. Call once, before the app is ready (scheme privileges must precede `ready`). */
export function startShell(electron: ElectronModule, config: ShellConfig): void {
  const { app } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // two instances appending to one journal would interleave writes
    return;
  }
  electron.protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

  const hardenDeps: HardenDeps = {
    externalHosts: defaultExternalHosts,
    openExternal: (url) => electron.shell.openExternal(url),
    askCamera: cameraDialog(electron),
  };
  app.on('web-contents-created', (_event, wc) => {
    hardenWebContents(wc, hardenDeps);
  });

  let mainWindow: Electron.BrowserWindow | undefined;
  const openWindow = () => {
    mainWindow = createMainWindow(electron.BrowserWindow, {
      preloadPath: config.preloadPath,
      startUrl: `${appOrigin}/index.html`,
      devTools: config.devTools,
    });
  };
  app.on('second-instance', () => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    app.quit();
  });

  app
    .whenReady()
    .then(() => {
      const userData = app.getPath('userData');
      electron.protocol.handle(
        'app',
        createAppProtocolHandler({
          root: config.rendererRoot,
          csp: buildCsp(config.hubOrigin),
          workerCsp: { path: WASM_WORKER_PATH, csp: buildCsp(config.hubOrigin, { wasm: true }) },
          fs,
        }),
      );
      // Print windows only lay out given HTML: no network at all, not even to the hub.
      electron.session.fromPartition(printPartition).webRequest.onBeforeRequest((details, callback) => {
        callback({ cancel: !details.url.startsWith('data:') });
      });
      registerHandlers(electron.ipcMain, {
        appInfo: { version: app.getVersion(), platform: process.platform, hubOrigin: config.hubOrigin },
        dialog: electron.dialog,
        // The sender is the real webContents Electron handed to the IPC event.
        // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
        windowOf: (wc) => electron.BrowserWindow.fromWebContents(wc),
        documentsDir: app.getPath('documents'),
        writeFileDurable,
        createPrintWindow: () => createPrintWindow(electron.BrowserWindow),
        journal: createJournalFile(path.join(userData, 'journal', 'events.jsonl'), fs),
        keys: createKeyStore({
          dir: path.join(userData, 'keys'),
          platform: process.platform,
          safeStorage: electron.safeStorage,
          fs: { readFile: (f) => fs.readFile(f), writeFileDurable },
        }),
      });
      openWindow();
      // Sleep or an OS screen lock locks the app: the renderer drops its key and reloads (#8).
      watchPowerLock(electron.powerMonitor, () =>
        mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : undefined,
      );
    })
    .catch((e: unknown) => {
      process.stderr.write(`背包仲裁庭启动失败 (start-up failed): ${String(e)}\n`);
      app.exit(1);
    });
}
