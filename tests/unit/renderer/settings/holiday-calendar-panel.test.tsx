// @vitest-environment jsdom
/* 节假日日历 in Settings (#3/#4): the years with their origin, an administrator adding a year, refusals
 * shown beside their fields with everything typed kept, and no form for an enrolled non-admin. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import {
  currentHolidayCalendar,
  loadHolidayCalendar,
  resetHolidayCalendarForTests,
} from '../../../../renderer/app/holiday-calendar';
import { ADDED_HOLIDAY_YEARS_KEY, holidayYearsPort } from '../../../../renderer/data/holiday-years';
import {
  HolidayCalendarView,
  type HolidayAccess,
} from '../../../../renderer/features/settings/HolidayCalendarPanel';
import { createI18n } from '../../../../renderer/i18n';
import type { Language } from '../../../../renderer/i18n/language';
import { byTestId, click, type, waitFor } from '../mediation/harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLDivElement | null = null;
let rows = new Map<string, unknown>();
const port = holidayYearsPort({
  get: (key) => Promise.resolve(rows.get(key)),
  put: (key, value) => {
    rows.set(key, structuredClone(value));
    return Promise.resolve();
  },
});

beforeEach(async () => {
  rows = new Map();
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
  let changed = 0;
  await act(async () => {
    r.render(
      <Providers queryClient={createQueryClient()} i18n={createI18n(language)}>
        <HolidayCalendarView
          port={port}
          access={access}
          onChanged={() => {
            changed += 1;
            return Promise.resolve();
          }}
        />
      </Providers>,
    );
    await Promise.resolve();
  });
  return { el: host, changed: () => changed };
}

const input = (el: ParentNode, id: string) => {
  const found = byTestId(el, id);
  if (!(found instanceof HTMLInputElement || found instanceof HTMLTextAreaElement))
    throw new Error(`no field ${id}`);
  return found;
};
const errorsOf = (el: ParentNode, field: string) =>
  [...el.querySelectorAll(`[data-testid="holiday-error-${field}"]`)].map((e) => e.textContent);

async function fill(el: ParentNode, v: { year: string; source: string; days: string; workdays: string }) {
  await type(input(el, 'holiday-year'), v.year);
  await type(input(el, 'holiday-source'), v.source);
  await type(input(el, 'holiday-days'), v.days);
  await type(input(el, 'holiday-workdays'), v.workdays);
}

async function submit(el: ParentNode) {
  const button = byTestId(el, 'holiday-submit');
  if (!button) throw new Error('no submit');
  await click(button);
  await act(() => new Promise((r) => setTimeout(r, 0)));
}

// A TEST FIXTURE, not the State Council's 2027 arrangement (the app never ships or guesses one).
const SOURCE = '测试夹具（并非国务院办公厅通知）';

describe('节假日日历 panel', () => {
  it('lists the bundled years with their source', async () => {
    const { el } = await render('admin');
    const y2026 = byTestId(el, 'holiday-year-2026');
    expect(y2026?.dataset.origin).toBe('bundled');
    expect(y2026?.textContent).toContain('随软件发布');
    expect(y2026?.textContent).toContain('国务院办公厅');
    expect(byTestId(el, 'holiday-year-2027')).toBeNull();
  });

  it('refuses bad input beside each field, keeps what was typed, then adds the year', async () => {
    const { el, changed } = await render('admin');
    // 1. no source, a line without a date
    await fill(el, { year: '2027', source: '', days: '测试假日 2027-01-01\n春节', workdays: '' });
    await submit(el);
    expect(errorsOf(el, 'source')[0]).toContain('必须注明来源');
    expect(errorsOf(el, 'holidays')[0]).toContain('第 2 行');
    expect(byTestId(el, 'holiday-error-summary')?.textContent).toContain('未保存');
    expect(input(el, 'holiday-days').value).toBe('测试假日 2027-01-01\n春节');
    expect(input(el, 'holiday-year').value).toBe('2027');
    expect(input(el, 'holiday-source').getAttribute('aria-invalid')).toBe('true');

    // 2. a make-up day on a Wednesday is refused by the year's validation
    await type(input(el, 'holiday-source'), SOURCE);
    await type(input(el, 'holiday-days'), '测试假日 2027-01-01');
    await type(input(el, 'holiday-workdays'), '2027-01-06');
    await submit(el);
    expect(errorsOf(el, 'workdays')[0]).toContain('应为周六或周日');
    expect(errorsOf(el, 'source')).toEqual([]);
    expect(input(el, 'holiday-workdays').value).toBe('2027-01-06');
    expect(rows.size).toBe(0);

    // 3. a bundled year is refused, not overwritten
    await type(input(el, 'holiday-year'), '2026');
    await type(input(el, 'holiday-workdays'), '');
    await type(input(el, 'holiday-days'), '测试假日 2026-03-03');
    await submit(el);
    expect(errorsOf(el, 'year')[0]).toContain('随软件发布');
    expect(input(el, 'holiday-source').value).toBe(SOURCE);

    // 4. fixed: saved, listed as 管理员录入, in the calendar
    await type(input(el, 'holiday-year'), '2027');
    await type(input(el, 'holiday-days'), '测试假日 2027-01-01\n测试长假 2027-01-04..2027-01-05');
    await type(input(el, 'holiday-workdays'), '2027-01-09');
    await submit(el);
    await waitFor(() => byTestId(el, 'holiday-saved'), 'saved');
    const y2027 = byTestId(el, 'holiday-year-2027');
    expect(y2027?.dataset.origin).toBe('admin');
    expect(y2027?.textContent).toContain('管理员录入');
    expect(y2027?.textContent).toContain(SOURCE);
    expect(rows.get(ADDED_HOLIDAY_YEARS_KEY)).toEqual({
      '2027': {
        source: SOURCE,
        holidays: { 测试假日: ['2027-01-01'], 测试长假: ['2027-01-04', '2027-01-05'] },
        workdays: ['2027-01-09'],
      },
    });
    expect(currentHolidayCalendar().years.has(2027)).toBe(true);
    expect(changed()).toBe(1);
    expect(byTestId(el, 'holiday-error-summary')).toBeNull();
  });

  it('shows the messages in English when the UI is English', async () => {
    const { el } = await render('not_enrolled', 'en');
    expect(byTestId(el, 'holiday-access-note')?.textContent).toContain('this device only');
    await fill(el, { year: '27', source: '', days: '', workdays: '' });
    await submit(el);
    expect(errorsOf(el, 'year')[0]).toBe('Enter a 4-digit year');
    expect(errorsOf(el, 'holidays')[0]).toBe('Enter at least one day off');
  });

  it('has no form for an enrolled user without the admin role', async () => {
    const { el } = await render('not_admin');
    expect(byTestId(el, 'holiday-form')).toBeNull();
    expect(byTestId(el, 'holiday-not-admin')?.textContent).toContain('管理员角色');
    expect(byTestId(el, 'holiday-year-2025')).not.toBeNull();
  });
});
