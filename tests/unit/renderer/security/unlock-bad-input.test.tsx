// @vitest-environment jsdom
/*
 * #8 bad input on the unlock screen, as the user meets it: repeated wrong passphrases get a clear
 * message and a growing wait shown in seconds, and the right passphrase still opens the data once the
 * wait is over (never locked out); an OS keystore that changed since the last start is named with what
 * to do (the administrator's recovery procedure) and the 忘记口令 path stays open.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ipcError, type KeyBackend, type TribunalApi } from '#shared/ipc/contract';
import { UnlockGate } from '../../../../renderer/features/unlock/UnlockScreen';
import { createI18n } from '../../../../renderer/i18n';
import { openKeyring, type Keyring, type KeyringStorage } from '../../../../renderer/security/keyring';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PASS = 'the right passphrase 口令';

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

function fakeKeys(backend: KeyBackend): TribunalApi['keys'] & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    status: () => Promise.resolve({ ok: true, value: { available: true, backend, secure: true } }),
    store: (i) => {
      map.set(i.keyId, i.wrapped);
      return Promise.resolve({ ok: true, value: { backend } });
    },
    load: (i) => {
      const w = map.get(i.keyId);
      return Promise.resolve(
        w === undefined ? ipcError('not_found', 'no key') : { ok: true, value: { wrapped: w, backend } },
      );
    },
  };
}

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

function type(id: string, value: string) {
  const el = $(id) as HTMLInputElement;
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function attempt(passphrase: string): Promise<HTMLElement | null> {
  const before = $('unlock-error');
  type('unlock-passphrase', passphrase);
  act(() => {
    ($('unlock-passphrase') as HTMLInputElement).form?.requestSubmit();
  });
  await until(() => $('app') !== null || ($('unlock-error') !== null && $('unlock-error') !== before));
  return $('unlock-error');
}

function mount(keyring: Keyring, now: () => number) {
  host = document.createElement('div');
  document.body.append(host);
  const r = createRoot(host);
  root = r;
  const timers = { setInterval: () => 1, clearInterval: () => undefined };
  act(() => {
    r.render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <UnlockGate keyring={keyring} reload={() => undefined} now={now} autoLock={{ timers }}>
          {() => <p data-testid="app">unlocked</p>}
        </UnlockGate>
      </I18nextProvider>,
    );
  });
}

describe('unlock screen, bad input (#8)', () => {
  it('wrong passphrases: a clear message, a growing wait in seconds, and the data still opens afterwards', async () => {
    let t = Date.parse('2026-11-29T08:00:00Z');
    const now = () => t;
    const storage = memoryStorage();
    await openKeyring({ storage, iterations: 1000, now }).create(PASS);
    mount(openKeyring({ storage, iterations: 1000, now }), now);
    await until(() => $('unlock-passphrase') !== null);

    const first = await attempt('wrong guess one');
    expect(first?.dataset['code']).toBe('wrong_passphrase');
    expect(first?.textContent).toContain('口令不正确');
    expect(first?.textContent).not.toContain('秒后再试');
    await attempt('wrong guess two');
    const third = await attempt('wrong guess three');
    expect(third?.textContent).toContain('请 1 秒后再试');
    // Even the right passphrase waits out the delay — and is told so, not that it is wrong.
    const early = await attempt(PASS);
    expect(early?.dataset['code']).toBe('throttled');
    expect(early?.textContent).toContain('数据不会被锁定或删除');
    t += 1000;
    const fourth = await attempt('wrong guess four');
    expect(fourth?.textContent).toContain('请 2 秒后再试'); // the wait grows
    t += 2000;
    await attempt(PASS);
    await until(() => $('app') !== null);
  });

  it('an OS keystore that changed since the last start is named with what to do', async () => {
    const storage = memoryStorage();
    const keys = fakeKeys('gnome_libsecret');
    await openKeyring({ storage, iterations: 1000, platformKeys: keys }).create(PASS);
    // Next start: same secret, another backend (e.g. the profile moved to a KWallet session).
    const moved = fakeKeys('kwallet5');
    for (const [k, v] of keys.map) moved.map.set(k, v);
    mount(openKeyring({ storage, iterations: 1000, platformKeys: moved }), () => Date.now());
    await until(() => $('unlock-passphrase') !== null);
    const e = await attempt(PASS);
    expect(e?.dataset['code']).toBe('keystore_changed');
    expect(e?.textContent).toContain('系统钥匙串自上次启动后已变化');
    expect(e?.textContent).toContain('恢复流程');
    expect($('app')).toBeNull();
    expect(host?.textContent).toContain('忘记口令');
  });
});
