// @vitest-environment jsdom
/* The start-up rebuild after a reducer change runs in the background with a status line, and leaves every case current. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { reduceCase } from '#shared/case/index';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { ProjectionRebuild } from '../../../../renderer/app/ProjectionRebuild';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import { createI18n } from '../../../../renderer/i18n';
import { device, enrolled, makeStale, openCases } from '../data/rebuild-harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('ProjectionRebuild', () => {
  it('shows progress, then done, and the stored states equal a fresh reduce', async () => {
    const d = device();
    const v1 = d.open('test-v1');
    await v1.projectionsStale();
    const ids = await openCases(v1, await enrolled(v1), ['张三', '李四', '王五']);
    await makeStale(v1, ids);
    v1.close();

    const store = d.open('test-v2');
    const host = document.createElement('div');
    const root = createRoot(host);
    const seen = new Set<string>();
    await act(async () => {
      root.render(
        <Providers queryClient={createQueryClient()} i18n={createI18n('zh-CN')}>
          <DataProvider store={store}>
            <ProjectionRebuild store={store} />
            <p data-testid="screen">案件列表</p>
          </DataProvider>
        </Providers>,
      );
      await Promise.resolve();
    });
    // The screen below is there from the start: the rebuild does not hold it back.
    expect(host.querySelector('[data-testid="screen"]')).not.toBeNull();
    for (let i = 0; i < 500; i++) {
      const line = host.querySelector('[data-testid="projection-rebuild"]')?.textContent ?? '';
      if (line !== '') seen.add(line);
      if (line.includes('已按新版本重新计算 3 件')) break;
      await act(() => new Promise((r) => setTimeout(r, 5)));
    }
    expect([...seen].some((l) => l.includes('正在按新版本重新计算'))).toBe(true);
    expect([...seen].at(-1)).toContain('已按新版本重新计算 3 件案件的数据');
    for (const id of ids) {
      const events = await store.caseEvents(id);
      if (!events.ok) throw new Error(events.error.message);
      expect(await store.caseState(id)).toEqual(reduceCase(events.value));
    }
    expect(await store.projectionsStale()).toBe(false);
    act(() => {
      root.unmount();
    });
    store.close();
  });

  it('shows nothing when the stored states are current', async () => {
    const store = device().open();
    const host = document.createElement('div');
    const root = createRoot(host);
    await act(async () => {
      root.render(
        <Providers queryClient={createQueryClient()} i18n={createI18n('zh-CN')}>
          <DataProvider store={store}>
            <ProjectionRebuild store={store} />
          </DataProvider>
        </Providers>,
      );
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(host.querySelector('[data-testid="projection-rebuild"]')).toBeNull();
    act(() => {
      root.unmount();
    });
    store.close();
  });
});
