import { describe, expect, it, vi } from 'vitest';
import { startShell, type ElectronModule } from '../../../electron/shell';
import { appSchemePrivileges } from '../../../electron/protocol';
import { fakeWebContents } from './fakes';
import { ipcChannels } from '#shared/ipc/channels';

type Listener = (...args: unknown[]) => void;

function fakeElectron(gotLock = true) {
  const appListeners = new Map<string, Listener>();
  const windows: { options: { webPreferences?: Record<string, unknown> }; url?: string }[] = [];
  let protocolHandler: ((r: Request) => Promise<Response>) | undefined;
  let onBeforeRequest: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
  class BrowserWindow {
    static fromWebContents = vi.fn(() => null);
    rec: (typeof windows)[number];
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      this.rec = { options };
      windows.push(this.rec);
    }
    once() {}
    loadURL(url: string) {
      this.rec.url = url;
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      requestSingleInstanceLock: () => gotLock,
      quit: vi.fn(),
      exit: vi.fn(),
      on: (name: string, fn: Listener) => appListeners.set(name, fn),
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => `/tmp/tribunal-shell-test/${name}`,
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    dialog: { showMessageBox: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: vi.fn() },
    powerMonitor: { on: vi.fn(), removeListener: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((_scheme: string, h: (r: Request) => Promise<Response>) => {
        protocolHandler = h;
      }),
    },
    safeStorage: {},
    session: {
      fromPartition: () => ({
        webRequest: {
          onBeforeRequest: (fn: typeof onBeforeRequest) => {
            onBeforeRequest = fn;
          },
        },
      }),
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
  };
  return {
    electron: electron as unknown as ElectronModule,
    raw: electron,
    appListeners,
    windows,
    protocolHandler: () => protocolHandler,
    onBeforeRequest: () => onBeforeRequest,
  };
}

const config = {
  hubOrigin: 'http://127.0.0.1:8787',
  rendererRoot: '/nonexistent/renderer',
  preloadPath: '/x/preload.cjs',
  devTools: false,
};

describe('startShell', () => {
  it('quits when another instance holds the lock (one journal writer)', () => {
    const f = fakeElectron(false);
    startShell(f.electron, config);
    expect(f.raw.app.quit).toHaveBeenCalled();
    expect(f.raw.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  it('registers app:// as privileged before ready, hardens every webContents, then opens the window', async () => {
    const f = fakeElectron();
    startShell(f.electron, config);
    expect(f.raw.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([appSchemePrivileges]);
    expect(appSchemePrivileges.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true });

    const wc = fakeWebContents();
    f.appListeners.get('web-contents-created')?.({}, wc);
    expect(wc.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);

    await vi.waitFor(() => {
      expect(f.windows).toHaveLength(1);
    });
    expect(f.windows[0]?.url).toBe('app://app/index.html');
    expect(f.windows[0]?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(f.raw.ipcMain.handle).toHaveBeenCalledTimes(ipcChannels.length);
    expect(f.raw.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const res = await f.protocolHandler()?.(new Request('app://app/index.html'));
    expect(res?.status).toBe(404);
    expect(res?.headers.get('content-security-policy')).toContain("connect-src 'self' http://127.0.0.1:8787");
  });

  it('blocks all network in the print session except data: URLs', async () => {
    const f = fakeElectron();
    startShell(f.electron, config);
    await vi.waitFor(() => {
      expect(f.onBeforeRequest()).toBeDefined();
    });
    const decide = (url: string) =>
      new Promise<boolean>((resolve) => {
        f.onBeforeRequest()?.({ url }, (r) => {
          resolve(r.cancel);
        });
      });
    expect(await decide('data:text/html,x')).toBe(false);
    expect(await decide('https://evil.example/pixel.png')).toBe(true);
    expect(await decide('http://127.0.0.1:8787/v1/health')).toBe(true);
    expect(await decide('file:///etc/passwd')).toBe(true);
  });
});
