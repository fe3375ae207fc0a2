/* Fakes of the Electron pieces the shell touches (no Electron binary exists on CI machines). */
import { vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

type Listener = (...args: unknown[]) => void;

/** A webContents with an event emitter, a window-open handler slot and a session with permission slots. */
export function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
  const wc = {
    session,
    openHandler: undefined as undefined | ((d: { url: string }) => { action: string }),
    on(name: string, fn: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      return wc;
    },
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      wc.openHandler = h;
    },
    /** Emits an event with a preventable first argument; answers whether it was prevented. */
    emitPreventable(name: string, ...rest: unknown[]): boolean {
      const event = { preventDefault: vi.fn(), url: rest[0] };
      const fns = listeners.get(name) ?? [];
      if (fns.length === 0) throw new Error(`no listener for ${name}`);
      for (const fn of fns) fn(event, ...rest);
      return event.preventDefault.mock.calls.length > 0;
    },
  };
  return wc;
}

/** An invoke event from a frame at `url` (origin derived the way Chromium does for standard schemes). */
export function invokeEvent(url: string | null, origin?: string): IpcMainInvokeEvent {
  const frame =
    url === null
      ? null
      : { url, origin: origin ?? (url.startsWith('app://app') ? 'app://app' : new URL(url).origin) };
  return { senderFrame: frame, sender: { id: 1 } } as unknown as IpcMainInvokeEvent;
}

/** An ipcMain that records handlers so tests can invoke them. */
export function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  return {
    handlers,
    handle: (channel: string, fn: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) => {
      handlers.set(channel, fn);
    },
    invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
      const fn = handlers.get(channel);
      if (!fn) throw new Error(`no handler for ${channel}`);
      return fn(event, ...args);
    },
  };
}
