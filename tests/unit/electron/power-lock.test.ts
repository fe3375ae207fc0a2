/*
 * Lock on suspend (#8): powerMonitor's 'suspend' and 'lock-screen' reach the app window as the
 * contract's `power:lock` event; through the preload bridge the page's listener runs with no argument
 * (the IPC event object never reaches the page). The shell wires it once the app is ready.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { ipcEvents } from '#shared/ipc/contract';
import { buildBridge } from '../../../electron/bridge';
import { LOCK_EVENTS, watchPowerLock } from '../../../electron/power-lock';
import { startShell, type ElectronModule } from '../../../electron/shell';

/** A webContents that delivers `send` to a fake ipcRenderer, as Electron does across processes. */
function wire() {
  const ipcRenderer = new EventEmitter();
  const wc = {
    destroyed: false,
    send: vi.fn((channel: string, ...args: unknown[]) => {
      ipcRenderer.emit(channel, { sender: 'ipc event object' }, ...args);
    }),
    isDestroyed() {
      return wc.destroyed;
    },
  };
  // The same subscribe the preload passes (electron/preload.ts).
  const api = buildBridge(
    () => Promise.resolve({ ok: true, value: null }),
    (event, listener) => {
      const handler = () => {
        listener();
      };
      ipcRenderer.on(event, handler);
      return () => {
        ipcRenderer.removeListener(event, handler);
      };
    },
  );
  return { ipcRenderer, wc, api };
}

describe('watchPowerLock', () => {
  it('suspend and lock-screen each tell the window to lock; the page listener gets no argument', () => {
    expect(ipcEvents).toEqual(['power:lock']);
    expect(LOCK_EVENTS).toEqual(['suspend', 'lock-screen']);
    const powerMonitor = new EventEmitter();
    const { wc, api } = wire();
    const heard: unknown[][] = [];
    const off = api.power.onLock((...args: unknown[]) => {
      heard.push(args);
    });
    const stop = watchPowerLock(powerMonitor, () => wc);
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('resume'); // waking does not lock (nor unlock)
    expect(wc.send.mock.calls).toEqual([['power:lock'], ['power:lock']]);
    expect(heard).toEqual([[], []]);

    off();
    powerMonitor.emit('suspend');
    expect(heard).toHaveLength(2);
    stop();
    powerMonitor.emit('suspend');
    expect(wc.send).toHaveBeenCalledTimes(3);
    expect(powerMonitor.listenerCount('suspend')).toBe(0);
  });

  it('does nothing without a live window', () => {
    const powerMonitor = new EventEmitter();
    const { wc } = wire();
    wc.destroyed = true;
    watchPowerLock(powerMonitor, () => wc);
    watchPowerLock(powerMonitor, () => undefined);
    powerMonitor.emit('suspend');
    expect(wc.send).not.toHaveBeenCalled();
  });

  it('the bridge ignores a non-function listener', () => {
    const { api, ipcRenderer } = wire();
    const off = (api.power.onLock as (x: unknown) => () => void)('not a function');
    expect(ipcRenderer.listenerCount('power:lock')).toBe(0);
    off();
  });
});

describe('startShell', () => {
  it('after ready, suspend locks the main window', async () => {
    const powerMonitor = new EventEmitter();
    const sent: string[] = [];
    class BrowserWindow {
      static fromWebContents = vi.fn(() => null);
      webContents = {
        send: (channel: string) => sent.push(channel),
        isDestroyed: () => false,
      };
      once() {}
      isDestroyed() {
        return false;
      }
      loadURL() {
        return Promise.resolve();
      }
    }
    const electron = {
      app: {
        requestSingleInstanceLock: () => true,
        quit: vi.fn(),
        exit: vi.fn(),
        on: vi.fn(),
        whenReady: () => Promise.resolve(),
        getPath: (name: string) => `/tmp/tribunal-power-test/${name}`,
        getVersion: () => '0.1.0',
      },
      BrowserWindow,
      dialog: {},
      ipcMain: { handle: vi.fn() },
      powerMonitor,
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      safeStorage: {},
      session: { fromPartition: () => ({ webRequest: { onBeforeRequest: vi.fn() } }) },
      shell: { openExternal: vi.fn() },
    };
    expect(powerMonitor.listenerCount('suspend')).toBe(0); // not before ready
    startShell(electron as unknown as ElectronModule, {
      hubOrigin: 'http://127.0.0.1:8787',
      rendererRoot: '/nonexistent/renderer',
      preloadPath: '/x/preload.cjs',
      devTools: false,
    });
    await vi.waitFor(() => {
      expect(powerMonitor.listenerCount('suspend')).toBe(1);
    });
    expect(powerMonitor.listenerCount('lock-screen')).toBe(1);
    powerMonitor.emit('suspend');
    expect(sent).toEqual(['power:lock']);
    expect(electron.app.exit).not.toHaveBeenCalled();
  });
});
