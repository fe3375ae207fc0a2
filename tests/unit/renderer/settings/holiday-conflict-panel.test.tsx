// @vitest-environment jsdom
/* 节假日日历 conflicts (#4): a year typed on this laptop that differs from the version published on the
 * hub is shown to the administrator with both versions; replacing the hub's needs a reason (kept for the
 * next sync), keeping the hub's removes the local entry; a non-administrator can only keep the hub's.
 * The 2027 dates are a TEST FIXTURE, not the State Council's arrangement. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublishedHolidayYear } from '#shared/sync/wire-calendar';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import { loadHolidayCalendar, resetHolidayCalendarForTests } from '../../../../renderer/app/holiday-calendar';
import {
  ADDED_HOLIDAY_YEARS_KEY,
  HOLIDAY_YEARS_SYNC_KEY,
  holidayYearsPort,
} from '../../../../renderer/data/holiday-years';
import {
  HolidayCalendarView,
  type HolidayAccess,
} from '../../../../renderer/features/settings/HolidayCalendarPanel';
import { createI18n } from '../../../../renderer/i18n';
import type { Language } from '../../../../renderer/i18n/language';
import { byTestId, click, type, waitFor } from '../mediation/harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SOURCE = '测试夹具（并非国务院办公厅通知）';
const LOCAL = { source: SOURCE, holidays: { 元旦: ['2027-01-01'], 测试假日: ['2027-01-13'] }, workdays: [] };
const HUB: PublishedHolidayYear = {
  year: 2027,
  data: { source: SOURCE, holidays: { 元旦: ['2027-01-01'] }, workdays: ['2027-01-09'] },
  version: 2,
  publishedAt: '2026-11-28T09:00:00.000Z',
  publishedBy: { userId: 'u1', userName: '管理员乙', orgId: 'o1', orgName: '荆门市总工会' },
};

let root: Root | null = null;
let host: HTMLDivElement | null = null;
let rows = new Map<string, unknown>();
const port = holidayYearsPort({
  get: (key) => Promise.resolve(structuredClone(rows.get(key))),
  put: (key, value) => {
    rows.set(key, structuredClone(value));
    return Promise.resolve();
  },
});

beforeEach(async () => {
  rows = new Map<string, unknown>([
    [ADDED_HOLIDAY_YEARS_KEY, { '2027': LOCAL }],
    [HOLIDAY_YEARS_SYNC_KEY, { hub: { '2027': HUB }, replace: {}, refused: {} }],
  ]);
  resetHolidayCalendarForTests();
  await loadHolidayCalendar(port);
});

afterEach(() => {
  act(() => {
    root?.unmount();
  });
  host?.remove();
});

async function render(access: HolidayAccess, language: Language = 'zh-CN') {
  host = document.createElement('div');
  document.body.append(host);
  const r = createRoot(host);
  root = r;
  await act(async () => {
    r.render(
      <Providers queryClient={createQueryClient()} i18n={createI18n(language)}>
        <HolidayCalendarView port={port} access={access} onChanged={() => Promise.resolve()} />
      </Providers>,
    );
    await Promise.resolve();
  });
  return host;
}

const must = (el: ParentNode, id: string): HTMLElement => {
  const f = byTestId(el, id);
  if (!f) throw new Error(`no element ${id}`);
  return f;
};

const field = (el: ParentNode, id: string) => {
  const f = byTestId(el, id);
  if (!(f instanceof HTMLInputElement)) throw new Error(`no field ${id}`);
  return f;
};

describe('a holiday year in conflict with the hub', () => {
  it('shows both versions to the administrator, and a replacement needs a reason', async () => {
    const el = await render('admin');
    expect(must(el, 'holiday-year-2027').getAttribute('data-status')).toBe('conflict');
    expect(must(el, 'holiday-status-2027').textContent).toBe('与同步枢纽发布的版本不一致');
    const local = must(el, 'holiday-local-2027').textContent;
    const hub = must(el, 'holiday-hub-2027').textContent;
    expect(local).toContain('测试假日 2027-01-13');
    expect(local).toContain('调休上班：无');
    expect(hub).toContain('第 2 版，荆门市总工会 管理员乙，2026-11-28');
    expect(hub).toContain('调休上班：2027-01-09');
    expect(hub).not.toContain('测试假日');
    // No remove button on a conflicting year: the decision is one of the two below.
    expect(el.querySelector('[data-testid="holiday-remove-2027"]')).toBeNull();

    await click(must(el, 'holiday-replace-2027'));
    await waitFor(() => byTestId(el, 'holiday-conflict-error-2027'));
    expect(must(el, 'holiday-conflict-error-2027').textContent).toContain('请写明替换枢纽版本的理由');
    expect(rows.get(HOLIDAY_YEARS_SYNC_KEY)).toMatchObject({ replace: {} });

    await type(field(el, 'holiday-replace-reason-2027'), '核对通知原文：1 月 13 日放假');
    await click(must(el, 'holiday-replace-2027'));
    await waitFor(() => byTestId(el, 'holiday-replace-pending-2027'));
    expect(must(el, 'holiday-replace-pending-2027').textContent).toContain('核对通知原文：1 月 13 日放假');
    expect(rows.get(HOLIDAY_YEARS_SYNC_KEY)).toMatchObject({
      replace: { '2027': '核对通知原文：1 月 13 日放假' },
    });
  });

  it("keeping the hub's version removes the local entry and the conflict", async () => {
    const el = await render('admin');
    await click(must(el, 'holiday-keep-hub-2027'));
    await waitFor(() => el.querySelector('[data-testid="holiday-conflicts"]') === null, 'no conflicts');
    expect(rows.get(ADDED_HOLIDAY_YEARS_KEY)).toEqual({});
    expect(must(el, 'holiday-year-2027').getAttribute('data-status')).toBe('published');
    expect(must(el, 'holiday-year-2027').textContent).toContain('同步枢纽发布');
  });

  it('offers a non-administrator only the hub version, in English too', async () => {
    const el = await render('not_admin', 'en');
    expect(must(el, 'holiday-conflicts').textContent).toContain(
      'a year typed here differs from the sync hub version',
    );
    expect(el.querySelector('[data-testid="holiday-replace-2027"]')).toBeNull();
    expect(must(el, 'holiday-conflict-2027').textContent).toContain(
      "Only an administrator may replace the sync hub's version",
    );
    expect(must(el, 'holiday-keep-hub-2027')).toBeTruthy();
  });
});
