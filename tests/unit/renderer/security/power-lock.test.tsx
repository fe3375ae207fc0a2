// @vitest-environment jsdom
/*
 * Lock on suspend, the renderer half (#8): the host's `power.onLock` signal (here the real preload
 * bridge over a fake ipcRenderer) locks an unlocked gate: the app and its session are dropped and the
 * renderer reloads; the subscription ends with the session. The browser platform never signals.
 */
import { EventEmitter } from 'node:events';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBridge } from '../../../../electron/bridge';
import { UnlockGate } from '../../../../renderer/features/unlock/UnlockScreen';
import { createI18n } from '../../../../renderer/i18n';
import { createBrowserPlatform } from '../../../../renderer/platform/browser';
import { openKeyring, type KeyringStorage } from '../../../../renderer/security/keyring';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement | null = null;
let root: Root | null = null;
afterEach(() => {
  act(() => {
    root?.unmount();
  });
  host?.remove();
});

const $ = (id: string) => host?.querySelector<HTMLElement>(`[data-testid="${id}"]`) ?? null;

async function until(check: () => boolean) {
  for (let i = 0; i < 2000 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 5)));
  expect(check()).toBe(true);
}

function memoryStorage(): KeyringStorage {
  const map = new Map<string, unknown>();
  return {
    get: (k) => Promise.resolve(structuredClone(map.get(k))),
    put: (k, v) => {
      map.set(k, structuredClone(v));
      return Promise.resolve();
    },
  };
}

describe('power:lock → UnlockGate', () => {
  it('a suspend signal from main locks: app gone, renderer reloaded, listener removed', async () => {
    const storage = memoryStorage();
    await openKeyring({ storage, iterations: 1000 }).create('the right passphrase');
    const keyring = openKeyring({ storage, iterations: 1000 });
    const ipcRenderer = new EventEmitter();
    const api = buildBridge(
      () => Promise.resolve({ ok: true, value: null }),
      (event, listener) => {
        const h = () => {
          listener();
        };
        ipcRenderer.on(event, h);
        return () => {
          ipcRenderer.removeListener(event, h);
        };
      },
    );
    let reloads = 0;
    host = document.createElement('div');
    document.body.append(host);
    const r = createRoot(host);
    root = r;
    act(() => {
      r.render(
        <I18nextProvider i18n={createI18n('zh-CN')}>
          <UnlockGate
            keyring={keyring}
            lockSignal={(lock) => api.power.onLock(lock)}
            reload={() => {
              reloads++;
            }}
            autoLock={{ timers: { setInterval: () => 1, clearInterval: () => undefined } }}
          >
            <p data-testid="app">案件</p>
          </UnlockGate>
        </I18nextProvider>,
      );
    });
    await until(() => $('unlock-passphrase') !== null);
    expect(ipcRenderer.listenerCount('power:lock')).toBe(0); // nothing to lock yet
    const input = $('unlock-passphrase') as HTMLInputElement;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(
        input,
        'the right passphrase',
      );
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      input.form?.requestSubmit();
    });
    await until(() => $('app') !== null);
    expect(ipcRenderer.listenerCount('power:lock')).toBe(1);

    act(() => {
      ipcRenderer.emit('power:lock', { sender: 'main' }); // what webContents.send('power:lock') delivers
    });
    expect($('app')).toBeNull();
    expect($('locked')).not.toBeNull();
    expect(reloads).toBe(1);
    expect(ipcRenderer.listenerCount('power:lock')).toBe(0);
  });

  it('the browser platform has the signal but never fires it', () => {
    const platform = createBrowserPlatform();
    let fired = 0;
    const off = platform.power.onLock(() => {
      fired++;
    });
    off();
    expect(fired).toBe(0);
  });
});
