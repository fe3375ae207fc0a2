// @vitest-environment jsdom
/*
 * Settings → 本机安全 (#8): the device key facts and the passphrase change through the page: old +
 * new + confirm with a strength hint; a wrong old passphrase, a mismatch and a weak new one are named
 * and change nothing; a change rewraps only (what was sealed before opens under the new passphrase with
 * the same key id) and the old passphrase stops working; a new wrap that cannot be read back is never
 * promoted and the old passphrase keeps working.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { SecurityPanel } from '../../../../renderer/features/settings/SecurityPanel';
import { createI18n } from '../../../../renderer/i18n';
import { KEYFILE_META_KEY, type KeyFile } from '../../../../renderer/security/keyfile';
import { openKeyring, type Keyring, type KeyringStorage } from '../../../../renderer/security/keyring';
import { KeyringProvider } from '../../../../renderer/security/keyring-context';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const OLD = '旧口令·荆门背包仲裁庭';
const NEW = '新口令·二〇二六年十一月';

function memoryStorage(mangle?: (kf: KeyFile) => KeyFile): KeyringStorage & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: (k) => Promise.resolve(structuredClone(map.get(k))),
    put: (k, v) => {
      map.set(k, structuredClone(k === KEYFILE_META_KEY && mangle ? mangle(v as KeyFile) : v));
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
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const submitButton = () => $('passphrase-form')?.querySelector('button[type="submit"]') as HTMLButtonElement;

function mount(keyring: Keyring) {
  host = document.createElement('div');
  document.body.append(host);
  const r = createRoot(host);
  root = r;
  act(() => {
    r.render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <QueryClientProvider client={new QueryClient()}>
          <KeyringProvider keyring={keyring}>
            <SecurityPanel />
          </KeyringProvider>
        </QueryClientProvider>
      </I18nextProvider>,
    );
  });
}

async function change(old: string, next: string, confirm = next) {
  type('passphrase-old', old);
  type('passphrase-new', next);
  type('passphrase-confirm', confirm);
  act(() => {
    submitButton().form?.requestSubmit();
  });
  await until(() => $('passphrase-error') !== null || $('passphrase-changed') !== null);
}

describe('Settings: device security and passphrase change', () => {
  it('shows the key facts; names a wrong old passphrase, a mismatch and a weak one; then changes', async () => {
    const storage = memoryStorage();
    const keyring = openKeyring({ storage, iterations: 1000 });
    const first = await keyring.create(OLD);
    if (!first.ok) throw new Error(first.error.message);
    const sealed = await first.value.codec.seal('caseStates', { worker: '张三', phone: '13800138000' });
    mount(keyring);
    await until(() => $('device-key') !== null);
    expect($('device-key')?.textContent).toContain(first.value.keyId);
    expect($('keystore-backend')?.dataset['state']).toBe('unavailable');
    expect($('escrow-state')?.textContent).toContain('未托管');

    type('passphrase-new', 'short');
    expect($('passphrase-strength')?.textContent).toContain('强度：弱');
    type('passphrase-new', NEW);
    type('passphrase-confirm', `${NEW}!`);
    expect(host?.textContent).toContain('两次输入的口令不一致');
    expect(submitButton().disabled).toBe(true);

    await change('不是当前口令的口令', NEW);
    expect($('passphrase-error')?.textContent).toBe('口令不正确');
    expect($('passphrase-old')?.getAttribute('aria-invalid')).toBe('true');

    await change(OLD, 'short1');
    expect($('passphrase-error')?.textContent).toBe('口令至少需要 8 个字符');
    expect((await keyring.unlock(OLD)).ok).toBe(true); // nothing changed so far

    const wrapBefore = (storage.map.get(KEYFILE_META_KEY) as KeyFile).passphrase;
    await change(OLD, NEW);
    expect($('passphrase-changed')?.textContent).toContain('口令已修改');
    expect(($('passphrase-old') as HTMLInputElement).value).toBe(''); // fields cleared

    const kf = storage.map.get(KEYFILE_META_KEY) as KeyFile;
    expect(kf.pending).toBeUndefined();
    expect(kf.passphrase.salt).not.toBe(wrapBefore.salt);
    expect(kf.keyId).toBe(first.value.keyId); // same data key: nothing re-encrypted
    expect(await keyring.unlock(OLD)).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    const after = await keyring.unlock(NEW);
    if (!after.ok) throw new Error(after.error.message);
    expect(await after.value.codec.open('caseStates', sealed)).toEqual({
      worker: '张三',
      phone: '13800138000',
    });
  });

  it('a new wrap that does not read back is never promoted: the old passphrase keeps working', async () => {
    // The disk drops the pending wrap (a failed write): verification fails before the old wrap goes.
    const storage = memoryStorage((kf) => ({ ...kf, pending: undefined }));
    const keyring = openKeyring({ storage, iterations: 1000 });
    if (!(await keyring.create(OLD)).ok) throw new Error('create failed');
    mount(keyring);
    await until(() => $('passphrase-form') !== null);
    await change(OLD, NEW);
    expect($('passphrase-error')?.textContent).toContain('旧口令仍然有效');
    expect((await keyring.unlock(OLD)).ok).toBe(true);
    expect((await keyring.unlock(NEW)).ok).toBe(false);
  });

  it('renders nothing without an unlock gate (no keyring)', () => {
    host = document.createElement('div');
    document.body.append(host);
    const r = createRoot(host);
    root = r;
    act(() => {
      r.render(
        <I18nextProvider i18n={createI18n('zh-CN')}>
          <QueryClientProvider client={new QueryClient()}>
            <SecurityPanel />
          </QueryClientProvider>
        </I18nextProvider>,
      );
    });
    expect(host.textContent).toBe('');
  });
});
