// @vitest-environment jsdom
// The state of a file signed on another laptop, as the 证据清单 and the viewer show it: 未下载,
// 下载中 n%, 校验不符 (hash mismatch), not on the hub yet — in Chinese and English, with 立即下载
// except while a download runs.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { BlobState } from '../../../../renderer/features/evidence/BlobState';
import { createI18n } from '../../../../renderer/i18n';
import type { BlobTransfer } from '../../../../renderer/sync/download';

async function shown(transfer: BlobTransfer | undefined, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  let asked = 0;
  await act(async () => {
    root.render(
      <I18nextProvider i18n={createI18n(lang)}>
        <BlobState
          transfer={transfer}
          onFetch={() => {
            asked++;
          }}
        />
      </I18nextProvider>,
    );
    await Promise.resolve();
  });
  const el = host.querySelector('[data-testid="blob-state"]');
  const button = host.querySelector('button');
  const out = { text: el?.textContent ?? '', state: el?.getAttribute('data-state'), button };
  if (button)
    act(() => {
      button.click();
    });
  const result = { ...out, asked };
  act(() => {
    root.unmount();
  });
  host.remove();
  return result;
}

describe('BlobState', () => {
  it('says 未下载 and offers 立即下载 when nothing has arrived', async () => {
    const s = await shown(undefined);
    expect([s.text, s.state, s.asked]).toEqual(['未下载立即下载', 'missing', 1]);
  });

  it('shows the percentage while downloading, without a button', async () => {
    const s = await shown({ state: 'downloading', received: 1500, size: 4000 });
    expect([s.text, s.state, s.button]).toEqual(['下载中 37%', 'downloading', null]);
  });

  it('names a hash mismatch and a file not on the hub, in both languages', async () => {
    const mismatch: BlobTransfer = { state: 'failed', code: 'hash_mismatch', message: 'x' };
    expect((await shown(mismatch)).text).toContain('校验不符（hash mismatch）');
    expect((await shown(mismatch, 'en')).text).toContain('Hash mismatch');
    const absent: BlobTransfer = { state: 'failed', code: 'not_on_hub', message: 'x' };
    expect((await shown(absent)).text).toContain('枢纽上还没有');
    const other: BlobTransfer = { state: 'failed', code: 'storage_low', message: '本机存储空间不足' };
    expect((await shown(other)).text).toContain('下载失败：本机存储空间不足');
  });
});
