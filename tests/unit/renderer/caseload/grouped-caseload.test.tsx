// @vitest-environment jsdom
/*
 * Issue #9: a supervisor's caseload grouped by handler — one header per arbitrator / mediator with the
 * number of their cases (unassigned last), their cases under it, a header folds its group; the option is
 * offered only to a user holding the supervisor role. The grouped list is virtualised like the flat one.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import type { TribunalStore } from '../../../../renderer/data/store';
import { CaseloadPage } from '../../../../renderer/features/caseload/CaseloadPage';
import { groupLayout } from '../../../../renderer/features/caseload/GroupedCaseTable';
import { createI18n } from '../../../../renderer/i18n';
import { ENROLLMENT, harness } from '../data/store-harness';
import { waitFor } from '../mediation/harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(() => {
  for (const [prop, px] of [
    ['clientHeight', 600],
    ['clientWidth', 1000],
    ['offsetHeight', 600],
    ['offsetWidth', 1000],
  ] as const)
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => px });
});

const ARB_LI = '01900000-0000-7000-8000-0000000000b1';
const MED_SUN = '01900000-0000-7000-8000-0000000000b2';

let root: Root | null = null;
let host: HTMLDivElement | null = null;
let store: TribunalStore | null = null;
afterEach(() => {
  act(() => {
    root?.unmount();
  });
  host?.remove();
  store?.close();
});

/** Three cases of 李 (arbitrator), one of 孙 (mediator), one unassigned, as a supervisor synced them. */
async function seeded(roles: string[]) {
  const h = harness();
  store = h.store;
  await h.store.saveEnrollment({ ...ENROLLMENT, roles });
  const author = await h.store.author();
  if (!author) throw new Error('no author');
  for (const assignee of [ARB_LI, ARB_LI, MED_SUN, ARB_LI, null]) {
    const caseId = h.store.newId();
    const r = await h.store.write({ ...author, role: 'supervisor', roles: ['supervisor'] }, [
      {
        caseId,
        type: 'case.opened',
        payload: { ...SAMPLE_PAYLOADS['case.opened'], tempNumber: await h.store.nextTempNumber(author) },
      },
      ...(assignee === null
        ? []
        : [
            {
              caseId,
              type: 'case.assigned' as const,
              payload: { assigneeId: assignee, conflictCheckDone: true },
            },
          ]),
    ]);
    if (!r.ok) throw new Error(r.error.message);
  }
  const router = createMemoryRouter([{ path: '/cases', element: <CaseloadPage /> }], {
    initialEntries: ['/cases'],
  });
  host = document.createElement('div');
  document.body.append(host);
  const r = createRoot(host);
  root = r;
  await act(async () => {
    r.render(
      <Providers queryClient={createQueryClient()} i18n={createI18n('zh-CN')}>
        <DataProvider store={h.store}>
          <RouterProvider router={router} />
        </DataProvider>
      </Providers>,
    );
    await Promise.resolve();
  });
  return host;
}

const click = async (el: Element) => {
  await act(async () => {
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await Promise.resolve();
  });
};

describe('grouped caseload', () => {
  it('lays groups out as header + rows, folded groups as their header only', () => {
    const groups = [
      { assigneeId: 'a', count: 3 },
      { assigneeId: 'b', count: 1 },
    ];
    const open = groupLayout(groups, new Set());
    expect(open.total).toBe(6);
    expect([0, 1, 3, 4, 5, 6].map((i) => open.at(i))).toEqual([
      { kind: 'header', group: 0 },
      { kind: 'case', group: 0, offset: 0 },
      { kind: 'case', group: 0, offset: 2 },
      { kind: 'header', group: 1 },
      { kind: 'case', group: 1, offset: 0 },
      null,
    ]);
    const folded = groupLayout(groups, new Set(['a']));
    expect(folded.total).toBe(3);
    expect(folded.at(1)).toEqual({ kind: 'header', group: 1 });
  });

  it('groups a supervisor’s cases by handler, most first and unassigned last; a header folds', async () => {
    const el = await seeded(['supervisor']);
    const toggle = await waitFor(() => el.querySelector('[data-testid="group-by-handler"]'), 'group toggle');
    await waitFor(() => el.querySelectorAll('[data-testid="case-row"]').length === 5, 'flat rows');
    await click(toggle);
    const headers = () => [...el.querySelectorAll<HTMLElement>('[data-testid="case-group"]')];
    await waitFor(() => headers().length === 3, 'three groups');
    expect(headers().map((h) => [h.dataset['assignee'], h.textContent])).toEqual([
      [ARB_LI, `▾承办人 ${ARB_LI.slice(-8)}3 件`],
      [MED_SUN, `▾承办人 ${MED_SUN.slice(-8)}1 件`],
      ['', '▾未指派1 件'],
    ]);
    await waitFor(() => el.querySelectorAll('[data-testid="case-row"] a').length === 5, 'grouped rows');
    const first = headers()[0]?.querySelector('[data-testid="case-group-toggle"]');
    if (!first) throw new Error('no toggle');
    await click(first);
    await waitFor(() => el.querySelectorAll('[data-testid="case-row"]').length === 2, 'folded');
    expect(first.getAttribute('aria-expanded')).toBe('false');
  });

  it('offers grouping only to a supervisor', async () => {
    const el = await seeded(['arbitrator']);
    await waitFor(() => el.querySelectorAll('[data-testid="case-row"]').length === 5, 'rows');
    expect(el.querySelector('[data-testid="group-by-handler"]')).toBeNull();
  });
});
