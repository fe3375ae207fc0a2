// @vitest-environment jsdom
/* Masked by default; a reveal is recorded before the value is shown, and a failed record keeps it masked. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../../renderer/i18n';
import {
  containsUnmaskedPersonalNumber,
  exportDisclosure,
  maskField,
} from '../../../../renderer/security/masking';
import { RevealButton } from '../../../../renderer/security/RevealButton';
import type { RevealAudit } from '../../../../renderer/security/masking';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ID = '42080219900101123X';
const PHONE = '13812345678';

describe('exportDisclosure', () => {
  it('says which sensitive fields an export carries and whether they are masked', () => {
    expect(exportDisclosure([], true)).toContain('不含');
    expect(exportDisclosure(['idNumber', 'phone', 'idNumber'], true)).toBe(
      '本文件含个人敏感信息（证件号码、电话号码），已按规定部分遮蔽。',
    );
    expect(exportDisclosure(['health'], false)).toContain('完整的个人敏感信息（健康信息）');
  });
});

describe('maskField', () => {
  it('masks every sensitive field kind', () => {
    expect(maskField('idNumber', ID)).toBe('4208**********123X');
    expect(maskField('phone', PHONE)).toBe('138****5678');
    expect(maskField('bankAccount', '6222021234567890123')).toBe('************0123');
    expect(maskField('address', '湖北省荆门市东宝区某某路12号')).toBe('湖北省荆门市****');
    expect(maskField('health', '左手骨折')).not.toContain('骨折');
    expect(maskField('hardship', '低保户')).not.toContain('低保');
    for (const f of ['idNumber', 'phone'] as const)
      expect(containsUnmaskedPersonalNumber(maskField(f, f === 'idNumber' ? ID : PHONE))).toBe(false);
    expect(containsUnmaskedPersonalNumber(`身份证 ${ID}`)).toBe(true);
    expect(containsUnmaskedPersonalNumber(`电话 ${PHONE}`)).toBe(true);
  });
});

let host: HTMLDivElement | null = null;
let root: Root | null = null;
afterEach(() => {
  act(() => {
    root?.unmount();
  });
  host?.remove();
});

async function renderReveal(onReveal: (a: RevealAudit) => Promise<boolean>) {
  host = document.createElement('div');
  document.body.append(host);
  const r = createRoot(host);
  root = r;
  await act(async () => {
    r.render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <RevealButton field="idNumber" value={ID} purpose="核对身份" partyId="p-1" onReveal={onReveal} />
      </I18nextProvider>,
    );
    await Promise.resolve();
  });
  return host;
}

const flush = () => act(() => new Promise((r) => setTimeout(r, 0)));

describe('RevealButton', () => {
  it('shows the mask, records the reveal, then shows the value', async () => {
    const audits: RevealAudit[] = [];
    const h = await renderReveal((a) => {
      audits.push(a);
      return Promise.resolve(true);
    });
    expect(h.textContent).toContain('4208**********123X');
    expect(h.textContent).not.toContain(ID);
    const button = h.querySelector<HTMLButtonElement>('[data-testid="reveal-idNumber"]');
    expect(button?.getAttribute('aria-label')).toContain('证件号码');
    act(() => {
      button?.click();
    });
    await flush();
    expect(audits).toEqual([{ field: 'idNumber', purpose: '核对身份', partyId: 'p-1' }]);
    expect(h.querySelector('[data-testid="revealed-idNumber"]')?.textContent).toBe(ID);
  });

  it('stays masked when the audit event could not be stored', async () => {
    for (const outcome of [() => Promise.resolve(false), () => Promise.reject(new Error('disk full'))]) {
      const h = await renderReveal(outcome);
      act(() => {
        h.querySelector<HTMLButtonElement>('[data-testid="reveal-idNumber"]')?.click();
      });
      await flush();
      expect(h.textContent).not.toContain(ID);
      act(() => {
        root?.unmount();
      });
      h.remove();
    }
  });
});
