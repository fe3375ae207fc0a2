// @vitest-environment jsdom
/* The whole app renders in a DOM: rail, top bar states, and the lock overlay react to their stores. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/app/App';
import { createI18n } from '../../../../renderer/i18n';
import { reportSaveState } from '../../../../renderer/stores/save-state';
import { unlockScreen } from '../../../../renderer/stores/lock';
import { harness } from '../data/store-harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let unmount: () => void;

beforeEach(async () => {
  window.location.hash = '#/cases';
  host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => {
    const h = harness();
    root.render(<App i18n={createI18n('zh-CN')} openStore={() => h.reopen()} />);
    await Promise.resolve();
  });
  // The store opens and checks the journal before the shell renders.
  for (let i = 0; i < 1000 && host.querySelector('[data-testid="boot-opening"]'); i++)
    await act(() => new Promise((r) => setTimeout(r, 10)));
  unmount = () => {
    act(() => {
      root.unmount();
    });
  };
});

afterEach(() => {
  unmount();
  host.remove();
  unlockScreen();
  reportSaveState('saved-local');
});

const byTestId = (id: string) => host.querySelector(`[data-testid="${id}"]`);

describe('app shell', () => {
  it('shows the rail in Chinese and the caseload page', () => {
    const labels = [...host.querySelectorAll('nav a')].map((a) => a.textContent);
    expect(labels).toEqual(['案件', '今日', '统计', '同步', '设置']);
    expect(host.querySelector('h1')?.textContent).toBe('案件');
  });

  it('shows the save state a feature reports, with text', () => {
    expect(byTestId('save-state')?.textContent).toContain('已保存到本机');
    act(() => {
      reportSaveState('sync-failed');
    });
    expect(byTestId('save-state')?.textContent).toContain('同步失败');
    expect(byTestId('save-state')?.querySelector('svg')).not.toBeNull();
  });

  it('the lock button covers the frame and makes it inert', () => {
    const lock = byTestId('lock') as HTMLButtonElement;
    act(() => {
      lock.click();
    });
    expect(document.querySelector('[data-testid="lock-overlay"]')).not.toBeNull();
    expect(host.querySelector('.shell')?.hasAttribute('inert')).toBe(true);
  });
});
