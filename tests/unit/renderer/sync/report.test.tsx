// @vitest-environment jsdom
/* What the user is told after a sync: the top bar's save state for the case on screen, and the rejected list. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
import type { PendingEvent, QuarantinedEvent, SyncLocal } from '../../../../renderer/data/outbox';
import type { TribunalStore } from '../../../../renderer/data/store';
import { QuarantineList } from '../../../../renderer/features/sync/QuarantineList';
import { RejectedList } from '../../../../renderer/features/sync/RejectedList';
import { caseOnScreen, reportAfterSync } from '../../../../renderer/features/sync/use-sync';
import { createI18n } from '../../../../renderer/i18n';
import type { SyncOutcome } from '../../../../renderer/sync/engine';
import { reportSaveState, saveStateStore } from '../../../../renderer/stores/save-state';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  reportSaveState('saved-local');
});

const okRun = { ok: true, at: 1 } as unknown as SyncOutcome;
const failed: SyncOutcome = { ok: false, at: 1, failure: { kind: 'network', message: 'down' } };
/** A local side whose outbox holds one event per case id; `!id` marks it as refused by the hub. */
const localWith = (caseIds: string[]) =>
  ({
    pending: () =>
      Promise.resolve(
        caseIds.map((c) => ({
          event: { caseId: c.replace('!', '') },
          attempts: 0,
          ...(c.startsWith('!') ? { lastError: 'forbidden' } : {}),
        })),
      ),
  }) as unknown as SyncLocal;
const storeWith = (conflict: string | null) =>
  ({
    caseState: (id: string) =>
      Promise.resolve(id === conflict ? { inConflict: true } : { inConflict: false }),
  }) as unknown as TribunalStore;
const current = () => saveStateStore.getState().current;

describe('save state after a sync', () => {
  it('reads the case on screen from the hash route', () => {
    expect(caseOnScreen('#/cases/0193-abc')).toBe('0193-abc');
    expect(caseOnScreen('#/cases/new')).toBeNull();
    expect(caseOnScreen('#/sync')).toBeNull();
  });

  it('已同步 when the case on screen has nothing left to send', async () => {
    await reportAfterSync(okRun, storeWith(null), localWith(['other']), 'c1');
    expect(current()).toBe('synced');
  });

  it('同步失败 when its events are still waiting (rejected or a failed run)', async () => {
    await reportAfterSync(okRun, storeWith(null), localWith(['!c1']), 'c1');
    expect(current()).toBe('sync-failed');
    reportSaveState('saved-local');
    await reportAfterSync(failed, storeWith(null), localWith(['c1']), 'c1');
    expect(current()).toBe('sync-failed');
  });

  it('a failed run with nothing of the case waiting leaves the state alone', async () => {
    await reportAfterSync(failed, storeWith(null), localWith([]), 'c1');
    expect(current()).toBe('saved-local');
  });

  it('a record written after the run pushed stays 已保存到本机', async () => {
    await reportAfterSync(okRun, storeWith(null), localWith(['c1']), 'c1');
    expect(current()).toBe('saved-local');
  });

  it('有冲突 when the case on screen is in conflict', async () => {
    await reportAfterSync(okRun, storeWith('c1'), localWith([]), 'c1');
    expect(current()).toBe('conflict');
  });
});

describe('RejectedList', () => {
  const pending = (seq: number, lastError?: string): PendingEvent => ({
    event: {
      id: `e${String(seq)}`,
      caseId: '01930000-0000-7000-8000-0000000000c1',
      type: 'note.recorded',
      deviceSeq: seq,
    } as unknown as CaseEvent,
    attempts: lastError ? 1 : 0,
    ...(lastError ? { lastError } : {}),
  });

  it('names each reason in Chinese and says how many records the first refusal blocks', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => {
      root.render(
        <I18nextProvider i18n={createI18n('zh-CN')}>
          <RejectedList pending={[pending(3, 'forbidden: no write'), pending(4, 'chain_gap'), pending(5)]} />
        </I18nextProvider>,
      );
      await Promise.resolve();
    });
    const text = host.textContent;
    expect(text).toContain('阻塞了本设备在枢纽上的记录链：其后的 2 条记录');
    expect(text).toContain('无权写入此案件');
    expect(text).toContain('no write');
    expect(text).toContain('记录链有缺口');
    expect([...host.querySelectorAll('li')].map((li) => li.dataset['reason'])).toEqual([
      'forbidden',
      'chain_gap',
    ]);
    act(() => {
      root.unmount();
    });
    host.remove();
  });

  it('lists records set aside for good apart from a blocking one, in both languages', async () => {
    const aside = { ...pending(2, 'forbidden: only the hub numbers cases'), setAside: true as const };
    for (const [language, words] of [
      ['zh-CN', '1 条记录被枢纽拒收且无法重试'],
      ['en', '1 records were refused by the hub for good'],
    ] as const) {
      const host = document.createElement('div');
      document.body.append(host);
      const root = createRoot(host);
      await act(async () => {
        root.render(
          <I18nextProvider i18n={createI18n(language)}>
            <RejectedList pending={[pending(3)]} setAside={[aside]} />
          </I18nextProvider>,
        );
        await Promise.resolve();
      });
      expect(host.textContent).toContain(words);
      expect(host.textContent).toContain('only the hub numbers cases');
      expect(host.querySelector('[role=alert]')).toBeNull();
      expect([...host.querySelectorAll('li')].map((li) => li.dataset['kind'])).toEqual(['set-aside']);
      act(() => {
        root.unmount();
      });
      host.remove();
    }
  });
});

describe('QuarantineList', () => {
  const entry = (id: string, why: string, detail = ''): QuarantinedEvent => ({
    id,
    caseId: '01930000-0000-7000-8000-0000000000c1',
    type: 'note.recorded',
    deviceId: '01930000-0000-7000-8000-0000000000d1',
    why,
    detail,
    receivedAt: 1,
    raw: {},
  });
  const render = async (language: 'zh-CN' | 'en', entries: QuarantinedEvent[]): Promise<string> => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => {
      root.render(
        <I18nextProvider i18n={createI18n(language)}>
          <QuarantineList entries={entries} />
        </I18nextProvider>,
      );
      await Promise.resolve();
    });
    const text = host.textContent;
    act(() => {
      root.unmount();
    });
    host.remove();
    return text;
  };

  it('says what each received record failed, in Chinese and in English, and that none was applied', async () => {
    const entries = [entry('e1', 'bad_signature', 'signature does not verify'), entry('e2', 'fork')];
    const zh = await render('zh-CN', entries);
    expect(zh).toContain('有 2 条从枢纽收到的记录没有通过本机校验');
    expect(zh).toContain('签名无法用该设备的公钥验证');
    expect(zh).toContain('记录链分叉');
    expect(zh).toContain('signature does not verify');
    expect(zh).toContain('案件 000000c1，设备 000000d1');
    const en = await render('en', entries);
    expect(en).toContain('2 records received from the hub failed the checks');
    expect(en).toContain('(a fork)');
    expect(await render('zh-CN', [])).toContain('收到的记录都已通过校验');
  });
});
