// @vitest-environment jsdom
/*
 * Masking in the case file's 当事人 tab (#8 part 4, domain.md §4.5): ID number, phone and address are
 * masked by default; 显示 first stores an audit.revealed event (who: the enrolled user, when: the
 * writer's clock, which field and party, why) and only then shows the value; one field revealed leaves
 * the others masked; if the audit event cannot be stored the value stays masked.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import type { TribunalStore } from '../../../../renderer/data/store';
import { PartiesTab } from '../../../../renderer/features/case/PartiesTab';
import { createI18n } from '../../../../renderer/i18n';
import { ENROLLMENT, harness } from '../data/store-harness';
import { byTestId, click, waitFor } from '../mediation/harness';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ID = '420802199001011234';
const PHONE = '13812345678';
const ADDRESS = '湖北省荆门市东宝区泉口街道象山大道12号';

let root: Root | null = null;
let host: HTMLDivElement | null = null;
afterEach(() => {
  act(() => {
    root?.unmount();
  });
  host?.remove();
});

async function setup(): Promise<{ store: TribunalStore; caseId: string; partyId: string; el: HTMLElement }> {
  const { store } = harness();
  await store.saveEnrollment(ENROLLMENT);
  const author = await store.author();
  if (!author) throw new Error('no author');
  const caseId = store.newId();
  const partyId = store.newId();
  const r = await store.write(author, [
    { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
    {
      caseId,
      type: 'party.added',
      payload: {
        partyId,
        role: 'applicant',
        kind: 'worker',
        name: '张三',
        idNumber: ID,
        phone: PHONE,
        address: ADDRESS,
      },
    },
  ]);
  if (!r.ok) throw new Error(r.error.message);
  host = document.createElement('div');
  document.body.append(host);
  const rt = createRoot(host);
  root = rt;
  await act(async () => {
    rt.render(
      <Providers queryClient={createQueryClient()} i18n={createI18n('zh-CN')}>
        <DataProvider store={store}>
          <PartiesTab caseId={caseId} />
        </DataProvider>
      </Providers>,
    );
    await Promise.resolve();
  });
  const el = host;
  await waitFor(() => byTestId(el, 'party-card'), 'party card');
  return { store, caseId, partyId, el };
}

async function reveals(store: TribunalStore, caseId: string) {
  const events = await store.caseEvents(caseId);
  if (!events.ok) throw new Error(events.error.message);
  return events.value.filter((e) => e.type === 'audit.revealed');
}

describe('当事人 tab: masked by default, reveal audited', () => {
  it('shows ID, phone and address masked; revealing the ID records who, when, which field, why', async () => {
    const { store, caseId, partyId, el } = await setup();
    const text = () => el.textContent;
    expect(text()).not.toContain(ID);
    expect(text()).not.toContain(PHONE);
    expect(text()).not.toContain(ADDRESS);
    expect(byTestId(el, 'party-phone')?.textContent).toContain('5678'); // the masked tail stays usable
    expect(await reveals(store, caseId)).toEqual([]);

    const button = byTestId(el, 'reveal-idNumber');
    if (!button) throw new Error('no reveal button');
    expect(button.getAttribute('aria-label')).toBe('显示完整证件号码（将记录查看日志）');
    await click(button);
    const shown = await waitFor(() => byTestId(el, 'revealed-idNumber'), 'revealed ID');
    expect(shown.textContent).toBe(ID);
    expect(text()).not.toContain(PHONE); // only the field asked for
    expect(text()).not.toContain(ADDRESS);

    const [audit, ...more] = await reveals(store, caseId);
    expect(more).toEqual([]);
    expect(audit?.payload).toEqual({ field: 'idNumber', partyId, purpose: '核对当事人身份' });
    expect(audit?.actor).toMatchObject({ userId: ENROLLMENT.userId, deviceId: ENROLLMENT.deviceId });
    expect(audit?.at.wall).toMatch(/^2026-11-28T/); // the writer's clock (harness T0 day)

    await click(byTestId(el, 'reveal-phone') as HTMLElement);
    await waitFor(() => byTestId(el, 'revealed-phone'), 'revealed phone');
    expect((await reveals(store, caseId)).map((e) => e.payload.field)).toEqual(['idNumber', 'phone']);
  });

  it('keeps the value masked when the audit event cannot be stored', async () => {
    const { store, el } = await setup();
    store.close(); // every later write fails
    await click(byTestId(el, 'reveal-address') as HTMLElement);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    await waitFor(() => !(byTestId(el, 'reveal-address') as HTMLButtonElement).disabled, 'button back');
    expect(byTestId(el, 'revealed-address')).toBeNull();
    expect(el.textContent).not.toContain(ADDRESS);
  });
});
