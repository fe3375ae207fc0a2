// @vitest-environment jsdom
/* useWrite and the top bar: a write the disk refused is shown as 保存失败, never as saved (#4 part 5). */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { DataProvider, useWrite, type WriteOutcome } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import type { Draft } from '../../../../renderer/data/store';
import { createI18n } from '../../../../renderer/i18n';
import { reportSaveState, saveStateStore } from '../../../../renderer/stores/save-state';
import { ENROLLMENT, harness, type Harness } from '../data/store-harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => {
    root?.unmount();
  });
});

/** Mounts a component holding useWrite and returns its mutateAsync. */
async function mountWriter(h: Harness): Promise<(drafts: Draft[]) => Promise<WriteOutcome>> {
  const slot: { write?: (drafts: Draft[]) => Promise<WriteOutcome> } = {};
  function Writer() {
    const m = useWrite();
    slot.write = (drafts) => m.mutateAsync(drafts);
    return null;
  }
  const host = document.createElement('div');
  const r = createRoot(host);
  root = r;
  await act(async () => {
    r.render(
      <Providers queryClient={createQueryClient()} i18n={createI18n('zh-CN')}>
        <DataProvider store={h.store}>
          <Writer />
        </DataProvider>
      </Providers>,
    );
    await Promise.resolve();
  });
  const { write } = slot;
  if (!write) throw new Error('writer not mounted');
  return write;
}

const opened = (h: Harness): Draft[] => [
  { caseId: h.store.newId(), type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
];

describe('useWrite save state', () => {
  it('saved → 已保存到本机; the journal failing → 保存失败; an invalid draft leaves it as it was', async () => {
    const h = harness();
    await h.store.saveEnrollment(ENROLLMENT);
    const write = await mountWriter(h);
    reportSaveState('synced');

    let r = await act(() => write(opened(h)));
    expect(r.ok).toBe(true);
    expect(saveStateStore.getState().current).toBe('saved-local');

    const append = h.journal.append.bind(h.journal);
    h.journal.append = () =>
      Promise.resolve({ ok: false, error: { code: 'disk_full', message: '磁盘已满' } });
    r = await act(() => write(opened(h)));
    expect(!r.ok && r.error.code).toBe('journal_failed');
    expect(saveStateStore.getState().current).toBe('save-failed');

    h.journal.append = append;
    reportSaveState('saved-local');
    const bad: Draft = {
      caseId: h.store.newId(),
      type: 'party.added',
      payload: { ...SAMPLE_PAYLOADS['party.added'], name: '' },
    };
    r = await act(() => write([...opened(h), bad]));
    expect(!r.ok && r.error.code).toBe('invalid_event');
    expect(saveStateStore.getState().current).toBe('saved-local');
  });
});
