// @vitest-environment jsdom
/* The intake page in a DOM over a real store: errors beside the field, input kept, one write, then the case file. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import { IntakePage } from '../../../../renderer/features/intake/IntakePage';
import { createI18n } from '../../../../renderer/i18n';
import type { Language } from '../../../../renderer/i18n/language';
import { ENROLLMENT, harness, type Harness } from '../data/store-harness';
import { byTestId, click, type, waitFor } from '../mediation/harness';
import { residentId } from './ids';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLDivElement | null = null;

afterEach(() => {
  act(() => {
    root?.unmount();
  });
  host?.remove();
});

async function mount(enrolled: boolean, language: Language = 'zh-CN') {
  const h: Harness = harness();
  if (enrolled) await h.store.saveEnrollment(ENROLLMENT);
  const router = createMemoryRouter(
    [
      { path: '/cases/new', element: <IntakePage /> },
      { path: '/cases/:caseId', element: <p data-testid="case-file">opened</p> },
      { path: '/enroll', element: <p>enroll</p> },
      { path: '/cases', element: <p>cases</p> },
    ],
    { initialEntries: ['/cases/new'] },
  );
  host = document.createElement('div');
  document.body.append(host);
  const r = createRoot(host);
  root = r;
  await act(async () => {
    r.render(
      <Providers queryClient={createQueryClient()} i18n={createI18n(language)}>
        <DataProvider store={h.store}>
          <RouterProvider router={router} />
        </DataProvider>
      </Providers>,
    );
    await Promise.resolve();
  });
  const el = host;
  return { h, router, el };
}

const input = (el: HTMLElement, id: string) => {
  const found = byTestId(el, id);
  if (!(found instanceof HTMLInputElement)) throw new Error(`no input ${id}`);
  return found;
};

describe('IntakePage', () => {
  it('says the device is not enrolled and keeps save disabled', async () => {
    const { el } = await mount(false);
    const notice = await waitFor(() => byTestId(el, 'not-enrolled'), 'notice');
    expect(notice.textContent).toContain('尚未登记');
    expect(notice.querySelector('a')?.getAttribute('href')).toBe('/enroll');
    expect((byTestId(el, 'intake-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('marks errors beside the fields, keeps what was typed, then saves once and opens the case', async () => {
    const { h, router, el } = await mount(true);
    await waitFor(() => !(byTestId(el, 'intake-save') as HTMLButtonElement).disabled, 'save enabled');
    const good = residentId(41);
    const bad = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    await type(input(el, 'workers-0-name'), '陈阿姨');
    await type(input(el, 'workers-0-idNumber'), bad);
    await click(byTestId(el, 'intake-save') as HTMLElement);
    const idError = await waitFor(() => byTestId(el, 'error-workers-0-idNumber'), 'id error');
    expect(idError.textContent).toMatch(/校验位错误/);
    expect(byTestId(el, 'error-employer-name')?.textContent).toMatch(/被申请人/);
    expect(input(el, 'workers-0-idNumber').getAttribute('aria-invalid')).toBe('true');
    expect(input(el, 'workers-0-name').value).toBe('陈阿姨');
    expect(input(el, 'workers-0-idNumber').value).toBe(bad);
    expect(await h.store.queryCaseIds({})).toEqual([]);

    await type(input(el, 'workers-0-idNumber'), good);
    await type(input(el, 'employer-name'), '某家政服务公司');
    await type(input(el, 'claims-0-amount'), '4500');
    await click(byTestId(el, 'intake-save') as HTMLElement);
    await waitFor(() => byTestId(el, 'case-file'), 'case file');
    const [caseId] = await h.store.queryCaseIds({});
    expect(router.state.location.pathname).toBe(`/cases/${caseId ?? ''}`);
    const state = await h.store.caseState(caseId ?? '');
    expect(state?.parties.map((p) => p.current.name)).toEqual(['陈阿姨', '某家政服务公司']);
    expect(state?.amountClaimedFen).toBe(450_000);
    expect(state?.numbers.temporary).toMatch(/^临-0000D1-0001$/);
  });

  it('in the English UI the errors beside the fields are English', async () => {
    const { el } = await mount(true, 'en');
    await waitFor(() => !(byTestId(el, 'intake-save') as HTMLButtonElement).disabled, 'save enabled');
    const good = residentId(41);
    await type(input(el, 'workers-0-idNumber'), good.slice(0, 17) + (good.endsWith('1') ? '2' : '1'));
    await type(input(el, 'claims-0-amount'), '-5');
    await click(byTestId(el, 'intake-save') as HTMLElement);
    const nameError = await waitFor(() => byTestId(el, 'error-workers-0-name'), 'name error');
    expect(nameError.textContent).toBe('Enter the name');
    expect(byTestId(el, 'error-employer-name')?.textContent).toBe('Enter the respondent (employer) name');
    expect(byTestId(el, 'error-workers-0-idNumber')?.textContent).toMatch(/check/i);
    expect(byTestId(el, 'error-claims-0-amount')?.textContent).toMatch(/negative/i);
    expect(el.querySelectorAll('.field-error').length).toBeGreaterThanOrEqual(4);
    for (const e of el.querySelectorAll('.field-error'))
      expect(e.textContent).not.toMatch(/[\u4e00-\u9fff]|msg:/);
  });
});
