// @vitest-environment jsdom
/* The unlock gate: first-run setup, unlock with a wrong then right passphrase, recovery, and locking. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { UnlockGate } from '../../../../renderer/features/unlock/UnlockScreen';
import { createI18n } from '../../../../renderer/i18n';
import { openKeyring, type KeyringStorage, type Unlocked } from '../../../../renderer/security/keyring';
import { lockScreen } from '../../../../renderer/stores/lock';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function submit(id: string) {
  act(() => {
    ($(id) as HTMLInputElement).form?.requestSubmit();
  });
}

function mount(storage: KeyringStorage, opts: { now?: () => number; tick?: { fn: () => void } } = {}) {
  const keyring = openKeyring({ storage, iterations: 1000 });
  const state = { reloads: 0, sessions: [] as Unlocked[] };
  host = document.createElement('div');
  document.body.append(host);
  const r = createRoot(host);
  root = r;
  const timers = {
    setInterval: (fn: () => void) => {
      if (opts.tick) opts.tick.fn = fn;
      return 1;
    },
    clearInterval: () => undefined,
  };
  act(() => {
    r.render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <UnlockGate
          keyring={keyring}
          onUnlocked={(s) => state.sessions.push(s)}
          reload={() => {
            state.reloads++;
          }}
          {...(opts.now ? { now: opts.now } : {})}
          autoLock={{ timers }}
        >
          {(s) => <p data-testid="app">{s.keyId}</p>}
        </UnlockGate>
      </I18nextProvider>,
    );
  });
  return state;
}

describe('UnlockGate', () => {
  it('first run sets a passphrase (confirmed) and then shows the app', async () => {
    const storage = memoryStorage();
    const state = mount(storage);
    await until(() => $('setup-passphrase') !== null);
    type('setup-passphrase', 'a fine passphrase');
    type('setup-confirm', 'a fine passphrase!');
    expect(host?.textContent).toContain('两次输入的口令不一致');
    type('setup-confirm', 'a fine passphrase');
    expect(host?.textContent).toContain('强度：强');
    submit('setup-passphrase');
    await until(() => $('app') !== null);
    expect(state.sessions).toHaveLength(1);
    expect($('app')?.textContent).toBe(state.sessions[0]?.keyId);
  });

  it('names a wrong passphrase, then unlocks; locking drops the app and reloads', async () => {
    const storage = memoryStorage();
    await openKeyring({ storage, iterations: 1000 }).create('the right passphrase');
    const state = mount(storage);
    await until(() => $('unlock-passphrase') !== null);
    type('unlock-passphrase', 'not the passphrase');
    submit('unlock-passphrase');
    await until(() => $('unlock-error') !== null);
    expect($('unlock-error')?.textContent).toContain('口令不正确');
    expect($('app')).toBeNull();
    type('unlock-passphrase', 'the right passphrase');
    submit('unlock-passphrase');
    await until(() => $('app') !== null);
    act(() => {
      lockScreen();
    });
    expect($('app')).toBeNull();
    expect($('locked')).not.toBeNull();
    expect(state.reloads).toBe(1);
  });

  it('locks by itself after the idle time', async () => {
    const storage = memoryStorage();
    await openKeyring({ storage, iterations: 1000 }).create('the right passphrase');
    let t = 0;
    const tick = {
      fn: () => {
        // replaced by the gate's interval callback
      },
    };
    const state = mount(storage, { now: () => t, tick });
    await until(() => $('unlock-passphrase') !== null);
    type('unlock-passphrase', 'the right passphrase');
    submit('unlock-passphrase');
    await until(() => $('app') !== null);
    t += 9 * 60_000;
    act(() => {
      tick.fn();
    });
    expect($('app')).not.toBeNull();
    t += 60_000;
    act(() => {
      tick.fn();
    });
    expect($('app')).toBeNull();
    expect(state.reloads).toBe(1);
  });

  it('forgotten passphrase: shows the key id and the recovery steps; a foreign key is refused', async () => {
    const storage = memoryStorage();
    await openKeyring({ storage, iterations: 1000 }).create('the right passphrase');
    mount(storage);
    await until(() => $('unlock-forgot') !== null);
    act(() => {
      $('unlock-forgot')?.click();
    });
    expect($('recover-key-id')?.textContent).toMatch(/dk-[0-9a-f]{16}/);
    expect(host?.textContent).toContain('管理员');
    expect(host?.textContent).toContain('尚未向机构登记恢复密钥'); // no escrow: said plainly
    expect($('recover-wrapped')).toBeNull();
    type('recover-key', 'A'.repeat(43));
    type('recover-passphrase', 'a brand new passphrase');
    submit('recover-passphrase');
    await until(() => $('unlock-error') !== null);
    expect($('unlock-error')?.dataset.code).toBe('wrong_recovery_key');
  });
});
