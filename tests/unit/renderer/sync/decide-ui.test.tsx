// @vitest-environment jsdom
/*
 * The sync page's decision on a set-aside record: discarding without a reason is refused with a message
 * (nothing recorded), with a reason it is recorded; sending again is offered only for causes outside the
 * record (forbidden), and a payload_too_large record says to record a corrected entry instead.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
import type { PendingEvent } from '../../../../renderer/data/outbox';
import { RejectedList, type SetAsideActions } from '../../../../renderer/features/sync/RejectedList';
import { createI18n } from '../../../../renderer/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const aside = (id: string, lastError: string, decision?: PendingEvent['decision']): PendingEvent => ({
  event: {
    id,
    caseId: '01930000-0000-7000-8000-0000000000c1',
    type: 'note.recorded',
  } as unknown as CaseEvent,
  attempts: 1,
  lastError,
  setAside: true,
  ...(decision ? { decision } : {}),
});

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

async function show(list: PendingEvent[], actions: SetAsideActions, language: 'zh-CN' | 'en' = 'zh-CN') {
  const host = document.createElement('div');
  document.body.append(host);
  const root: Root = createRoot(host);
  await act(async () => {
    root.render(
      <I18nextProvider i18n={createI18n(language)}>
        <RejectedList pending={[]} setAside={list} actions={actions} />
      </I18nextProvider>,
    );
    await Promise.resolve();
  });
  cleanup = () => {
    act(() => {
      root.unmount();
    });
    host.remove();
  };
  return host;
}

function type(el: HTMLTextAreaElement, value: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
  descriptor?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('deciding about a set-aside record', () => {
  it('refuses a discard without a reason, records one with a reason', async () => {
    const calls: string[] = [];
    const actions: SetAsideActions = {
      resend: (id, note) => {
        calls.push(`resend ${id} ${note}`);
        return Promise.resolve(null);
      },
      discard: (id, note) => {
        calls.push(`discard ${id} ${note}`);
        return Promise.resolve(null);
      },
    };
    const host = await show([aside('e1', 'forbidden: not assigned')], actions);
    const discard = host.querySelector<HTMLButtonElement>('[data-testid="decide-discard"]');
    await act(async () => {
      discard?.click();
      await Promise.resolve();
    });
    expect(host.querySelector('[data-testid="decide-error"]')?.textContent).toContain('请写明理由');
    expect(calls).toEqual([]);
    const note = host.querySelector<HTMLTextAreaElement>('[data-testid="decide-note"]');
    if (!note) throw new Error('no note field');
    await act(async () => {
      type(note, '  已补录更正记录 ');
      await Promise.resolve();
    });
    await act(async () => {
      discard?.click();
      await Promise.resolve();
    });
    expect(calls).toEqual(['discard e1 已补录更正记录']);
    expect(host.querySelector('[data-testid="decide-error"]')).toBeNull();
    await act(async () => {
      host.querySelector<HTMLButtonElement>('[data-testid="decide-resend"]')?.click();
      await Promise.resolve();
    });
    expect(calls.at(-1)).toBe('resend e1 已补录更正记录');
  });

  it('offers no re-send for a record too large, and shows a recorded decision instead of the form', async () => {
    const none: SetAsideActions = {
      resend: () => Promise.resolve(null),
      discard: () => Promise.resolve(null),
    };
    const host = await show(
      [
        aside('e2', 'payload_too_large'),
        aside('e3', 'forbidden', {
          kind: 'discarded',
          at: Date.UTC(2026, 10, 29, 2),
          by: '王调解',
          note: '重复',
        }),
      ],
      none,
    );
    const rows = [...host.querySelectorAll('li')];
    expect(rows[0]?.querySelector('[data-testid="decide-resend"]')).toBeNull();
    expect(rows[0]?.textContent).toContain('请在案件中补录一条更正后的记录');
    expect(rows[1]?.querySelector('[data-testid="decide-discard"]')).toBeNull();
    expect(rows[1]?.querySelector('[data-testid="sync-decision"]')?.textContent).toContain(
      '由 王调解 放弃上传：重复',
    );
    // Only the open one is counted as waiting for a decision.
    expect(host.textContent).toContain('1 条记录被枢纽拒收');
  });
});
