// @vitest-environment jsdom
/*
 * The review tab over a real store (issue #9): a supervisor's extension within 15 days is signed as
 * `supervisor` and one beyond the cap (or a second one) is refused with the reason and stores nothing;
 * reassignment only to a known colleague of the same organisation; no closure approval while the case
 * has conflicts; sending back and approving show on the case; a handler sees no approval forms.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataProvider } from '../../../../renderer/app/data-provider';
import { Providers } from '../../../../renderer/app/providers';
import { createQueryClient } from '../../../../renderer/app/query-client';
import type { Draft, TribunalStore } from '../../../../renderer/data/store';
import { ReviewBanner, ReviewTab } from '../../../../renderer/features/review/ReviewTab';
import { useReview } from '../../../../renderer/features/review/use-review';
import { createI18n } from '../../../../renderer/i18n';
import { ENROLLMENT, harness } from '../data/store-harness';
import { byTestId, click, type, waitFor } from '../mediation/harness';

const saves: { suggestedName: string; bytes: Uint8Array }[] = [];
vi.mock('../../../../renderer/platform', () => ({
  getPlatform: () => ({
    files: {
      saveDialog: (i: { suggestedName: string; bytes: Uint8Array }) => {
        saves.push(i);
        return Promise.resolve({ ok: true, value: { saved: true, path: `/tmp/${i.suggestedName}` } });
      },
    },
    documents: { print: () => Promise.resolve({ ok: true, value: { printed: true } }) },
  }),
  isElectronHost: () => false,
}));

const OTHER_ORG = '01900000-0000-7000-8000-0000000000a2';
const COLLEAGUE = '01900000-0000-7000-8000-0000000000e2';
const STRANGER = '01900000-0000-7000-8000-0000000000e3';

type Mounted = {
  host: HTMLElement;
  caseId: string;
  events: () => Promise<{ type: string; payload: unknown; actor: { role: string } }[]>;
  store: TribunalStore;
  unmount: () => void;
};
let m: Mounted | undefined;
afterEach(() => {
  m?.unmount();
  m = undefined;
});

function Both({ caseId }: { caseId: string }) {
  const s = useReview(caseId).state;
  return (
    <>
      {s ? <ReviewBanner state={s} /> : null}
      <ReviewTab caseId={caseId} />
    </>
  );
}

/** An accepted arbitration case (the award limit runs), events by two colleagues and a stranger. */
async function mount(
  roles: string[],
  extra: (caseId: string, id: () => string) => Draft[] = () => [],
  accepted = true,
  prepare: (store: TribunalStore) => Promise<void> = () => Promise.resolve(),
) {
  const h = harness();
  await h.store.saveEnrollment({ ...ENROLLMENT, roles });
  await prepare(h.store);
  const author = await h.store.author();
  if (!author) throw new Error('no author');
  const id = h.store.newId;
  const caseId = id();
  const opened = await h.store.write(author, [
    {
      caseId,
      type: 'case.opened',
      payload: {
        kind: 'arbitration',
        tempNumber: '临-TEST-1',
        channel: 'walk_in',
        disputeCategories: ['wage_arrears'],
        caseCause: '追索劳动报酬',
        collective: false,
        receivedAt: '2026-11-20T02:00:00.000Z',
      },
    },
    ...(accepted
      ? [{ caseId, type: 'case.accepted' as const, payload: { acceptedAt: '2026-11-21T02:00:00.000Z' } }]
      : []),
  ]);
  if (!opened.ok) throw new Error(opened.error.message);
  // Colleagues known to this device from synced events: one of this organisation, one of another.
  for (const [userId, orgId] of [
    [COLLEAGUE, ENROLLMENT.orgId],
    [STRANGER, OTHER_ORG],
  ] as const) {
    const r = await h.store.write({ ...author, userId, orgId, role: 'arbitrator', roles: ['arbitrator'] }, [
      { caseId, type: 'review.commented', payload: { text: '已阅卷' } },
    ]);
    if (!r.ok) throw new Error(r.error.message);
  }
  const more = extra(caseId, id);
  if (more.length > 0) {
    const r = await h.store.write(author, more);
    if (!r.ok) throw new Error(r.error.message);
  }
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => {
    root.render(
      <Providers queryClient={createQueryClient()} i18n={createI18n('zh-CN')}>
        <DataProvider store={h.store}>
          <Both caseId={caseId} />
        </DataProvider>
      </Providers>,
    );
    await Promise.resolve();
  });
  const mounted: Mounted = {
    host,
    caseId,
    store: h.store,
    events: async () => {
      const e = await h.store.caseEvents(caseId);
      if (!e.ok) throw new Error(e.error.message);
      return e.value;
    },
    unmount: () => {
      act(() => {
        root.unmount();
      });
      host.remove();
      h.store.close();
    },
  };
  m = mounted;
  return mounted;
}

const input = (host: HTMLElement, id: string) => {
  const el = byTestId(host, id);
  if (!(
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement
  ))
    throw new Error(`no input ${id}`);
  return el;
};

const button = (host: HTMLElement, id: string) => {
  const el = byTestId(host, id);
  if (!(el instanceof HTMLButtonElement)) throw new Error(`no button ${id}`);
  return el;
};

describe('review tab', () => {
  it('approves an extension up to 15 days as supervisor and refuses one beyond, storing nothing', async () => {
    const t = await mount(['mediator', 'supervisor']);
    await waitFor(() => byTestId(t.host, 'review-extension-days'), 'extension form');
    const before = (await t.events()).length;
    await type(input(t.host, 'review-extension-days'), '16');
    await type(input(t.host, 'review-extension-reason'), '案情复杂，需补充调查');
    await click(button(t.host, 'review-extension-submit'));
    const refused = await waitFor(() => byTestId(t.host, 'review-extension-error'), 'refusal');
    expect(refused.textContent).toBe('延长期限不得超过 15 日（还可延长 15 日）');
    expect((await t.events()).length).toBe(before);

    await type(input(t.host, 'review-extension-days'), '10');
    await click(button(t.host, 'review-extension-submit'));
    await waitFor(() => byTestId(t.host, 'review-extension-done'), 'done');
    const ext = (await t.events()).at(-1);
    expect(ext).toMatchObject({
      type: 'deadline.extended',
      payload: { ruleId: 'awardTimeLimit', days: 10, reason: '案情复杂，需补充调查' },
      actor: { role: 'supervisor' },
    });
    await waitFor(
      () => byTestId(t.host, 'review-history')?.textContent.includes('批准延期 10 日'),
      'history',
    );

    await type(input(t.host, 'review-extension-days'), '3');
    await type(input(t.host, 'review-extension-reason'), '再延');
    await click(button(t.host, 'review-extension-submit'));
    const again = await waitFor(() => byTestId(t.host, 'review-extension-error'), 'second refusal');
    expect(again.textContent).toBe('这个期限已经延长过，不能再延长');
    expect((await t.events()).length).toBe(before + 1);
  });

  it('reassigns only to a known colleague of the same organisation', async () => {
    const t = await mount(['supervisor']);
    await waitFor(() => byTestId(t.host, 'review-reassign-manual'), 'reassign form');
    const before = (await t.events()).length;
    await type(input(t.host, 'review-reassign-reason'), '原仲裁员回避');
    await type(input(t.host, 'review-reassign-manual'), STRANGER);
    await click(button(t.host, 'review-reassign-submit'));
    expect((await waitFor(() => byTestId(t.host, 'review-reassign-error'))).textContent).toBe(
      '只能改派给本机构的仲裁员或调解员',
    );
    await type(input(t.host, 'review-reassign-manual'), '01900000-0000-7000-8000-0000000000ff');
    await click(button(t.host, 'review-reassign-submit'));
    await waitFor(() => byTestId(t.host, 'review-reassign-error')?.textContent.startsWith('没有这个用户'));
    expect((await t.events()).length).toBe(before);

    await type(input(t.host, 'review-reassign-manual'), '');
    const select = input(t.host, 'review-reassign-user');
    expect([...select.querySelectorAll('option')].map((o) => o.value)).toEqual(['', COLLEAGUE]);
    await type(select, COLLEAGUE);
    await click(button(t.host, 'review-reassign-submit'));
    await waitFor(() => byTestId(t.host, 'review-reassign-done'));
    expect((await t.events()).at(-1)).toMatchObject({
      type: 'case.reassigned',
      payload: { assigneeId: COLLEAGUE, reason: '原仲裁员回避' },
      actor: { role: 'supervisor' },
    });
  });

  it('refuses a closure approval while the case is in conflict', async () => {
    const requestId = '01900000-0000-7000-8000-00000000c001';
    const t = await mount(['supervisor'], (caseId) => [
      {
        caseId,
        type: 'closure.requested',
        payload: { requestId, closureType: 'arbitral_mediation', summary: '仲裁调解结案' },
      },
      {
        caseId,
        type: 'case.closed',
        payload: { closureType: 'arbitral_mediation', closedAt: '2026-11-28T02:00:00.000Z', summary: '一' },
      },
      {
        caseId,
        type: 'case.closed',
        payload: { closureType: 'withdrawn', closedAt: '2026-11-28T03:00:00.000Z', summary: '二' },
      },
    ]);
    await waitFor(() => byTestId(t.host, 'review-state-pending'), 'pending banner');
    const before = (await t.events()).length;
    await click(await waitFor(() => byTestId(t.host, 'review-closure-approve'), 'approve button'));
    expect((await waitFor(() => byTestId(t.host, 'review-closure-error'))).textContent).toBe(
      '案件有未解决的冲突，先处理冲突再批准结案',
    );
    expect((await t.events()).length).toBe(before);
  });

  it('approves a closure request, then sending back shows on the case', async () => {
    const requestId = '01900000-0000-7000-8000-00000000c002';
    const t = await mount(['supervisor'], (caseId) => [
      {
        caseId,
        type: 'closure.requested',
        payload: { requestId, closureType: 'arbitral_mediation', summary: '仲裁调解结案' },
      },
    ]);
    await click(await waitFor(() => byTestId(t.host, 'review-closure-approve'), 'approve button'));
    await waitFor(() => byTestId(t.host, 'review-state-approved'), 'approved banner');
    expect((await t.events()).at(-1)).toMatchObject({ type: 'closure.approved', payload: { requestId } });

    await click(button(t.host, 'review-sendback-submit'));
    expect((await waitFor(() => byTestId(t.host, 'review-sendback-error'))).textContent).toBe(
      '请填写退回理由',
    );
    await type(input(t.host, 'review-sendback-reason'), '缺少送达回证');
    await click(button(t.host, 'review-sendback-submit'));
    const banner = await waitFor(() => byTestId(t.host, 'review-state-returned'), 'returned banner');
    expect(banner.textContent).toBe('已退回补充：缺少送达回证');
  });

  it('lets a handler comment and request closure, with no approval forms', async () => {
    const t = await mount(['arbitrator']);
    await waitFor(() => byTestId(t.host, 'review-comment-text'), 'comment form');
    expect(byTestId(t.host, 'review-extension')).toBeNull();
    expect(byTestId(t.host, 'review-reassign')).toBeNull();
    await type(input(t.host, 'review-comment-text'), '请补充考勤记录');
    await click(button(t.host, 'review-comment-submit'));
    await waitFor(() => byTestId(t.host, 'review-comment-done'));
    await type(input(t.host, 'review-closure-summary'), '双方达成调解');
    await click(button(t.host, 'review-closure-request-submit'));
    await waitFor(() => byTestId(t.host, 'review-state-pending'), 'pending banner');
    const types = (await t.events()).slice(-2).map((e) => [e.type, e.actor.role]);
    expect(types).toEqual([
      ['review.commented', 'arbitrator'],
      ['closure.requested', 'arbitrator'],
    ]);
  });

  it('lets a supervisor approve acceptance (the award limit then runs) and a handler close the case', async () => {
    const t = await mount(['supervisor'], () => [], false);
    const none = await waitFor(() => byTestId(t.host, 'review-extension'), 'extension block');
    expect(none.textContent).toContain('本案没有可以依法延长的期限');
    await click(await waitFor(() => byTestId(t.host, 'review-accept-submit'), 'accept button'));
    await waitFor(() => byTestId(t.host, 'review-extension-days'), 'extension form after acceptance');
    expect((await t.events()).at(-1)).toMatchObject({ type: 'case.accepted', actor: { role: 'supervisor' } });

    await type(input(t.host, 'review-close-type'), 'arbitral_mediation');
    await type(input(t.host, 'review-close-summary'), '仲裁调解结案');
    await click(button(t.host, 'review-close-submit'));
    await waitFor(() => byTestId(t.host, 'review-close-done'), 'closed');
    expect((await t.events()).at(-1)).toMatchObject({
      type: 'case.closed',
      payload: { closureType: 'arbitral_mediation', summary: '仲裁调解结案' },
    });
  });

  it('lists the synced organisation directory by name and role for reassignment, and still refuses another organisation', async () => {
    const DIRECTORY_ONLY = '01900000-0000-7000-8000-0000000000e4';
    const t = await mount(
      ['supervisor', 'arbitrator'],
      () => [],
      true,
      (store) =>
        store.saveOrgDirectory({
          org: { id: ENROLLMENT.orgId, name: ENROLLMENT.orgName, kind: 'arbitration' },
          users: [
            { id: DIRECTORY_ONLY, name: '孙仲裁', roles: ['arbitrator'] },
            { id: COLLEAGUE, name: '李调解', roles: ['mediator', 'clerk'] },
            { id: ENROLLMENT.userId, name: '王调解', roles: ['supervisor', 'arbitrator'] },
          ],
          fetchedAt: '2026-11-28T02:00:00.000Z',
        }),
    );
    await waitFor(() => byTestId(t.host, 'review-reassign-directory')?.textContent.includes('荆门市'));
    expect(byTestId(t.host, 'review-reassign-directory')?.textContent).toBe(
      '人员名单：荆门市劳动人事争议仲裁院，2026/11/28 10:00:00 同步',
    );
    const select = input(t.host, 'review-reassign-user');
    if (!(select instanceof HTMLSelectElement)) throw new Error('no select');
    await waitFor(() => select.options.length === 4, 'directory options');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      '—',
      '李调解（调解员、书记员）',
      '孙仲裁（仲裁员）',
      '王调解（本人，主管、仲裁员）',
    ]);
    // Another organisation's user typed by id is refused before anything is signed.
    await type(input(t.host, 'review-reassign-reason'), '案多人少，改派');
    await type(input(t.host, 'review-reassign-manual'), STRANGER);
    await click(button(t.host, 'review-reassign-submit'));
    expect((await waitFor(() => byTestId(t.host, 'review-reassign-error'))).textContent).toBe(
      '只能改派给本机构的仲裁员或调解员',
    );
    await type(input(t.host, 'review-reassign-manual'), '');
    await act(async () => {
      select.value = DIRECTORY_ONLY;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await Promise.resolve();
    });
    await click(button(t.host, 'review-reassign-submit'));
    await waitFor(() => byTestId(t.host, 'review-reassign-done'));
    const last = (await t.events()).at(-1);
    expect(last).toMatchObject({ type: 'case.reassigned', payload: { assigneeId: DIRECTORY_ONLY } });
    expect(last?.actor.role).toBe('supervisor');
  });

  it('exports the element sheet as JSON and prints it, each recorded in the export audit trail', async () => {
    saves.length = 0;
    const t = await mount(['arbitrator'], (caseId, id) => [
      {
        caseId,
        type: 'party.added',
        payload: {
          partyId: id(),
          role: 'applicant',
          kind: 'worker',
          name: '张三',
          idNumber: '420802199001011234',
        },
      },
    ]);
    await waitFor(() => byTestId(t.host, 'element-sheet'), 'element sheet');
    expect(byTestId(t.host, 'element-sheet')?.textContent).toContain('张三，****1234');
    await click(button(t.host, 'element-sheet-json'));
    await waitFor(() => byTestId(t.host, 'element-sheet-status')?.textContent.startsWith('已导出'));
    const saved = saves[0];
    expect(saved?.suggestedName).toBe('劳动争议事实要素采集表-临-TEST-1.json');
    const sheet = JSON.parse(new TextDecoder().decode(saved?.bytes)) as { caseId: string; items: unknown[] };
    expect(sheet.caseId).toBe(t.caseId);
    expect(sheet.items).toHaveLength(10);
    expect(JSON.stringify(sheet)).not.toContain('420802199001011234');
    await click(button(t.host, 'element-sheet-print'));
    await waitFor(() => byTestId(t.host, 'element-sheet-status')?.textContent === '要素表已打印');
    const trail = await t.store.exportAudit();
    expect(trail.map((r) => [r.kind, r.format, r.rows, r.cases, r.caseId, r.period, r.sentAt])).toEqual([
      ['element_sheet', 'json', 10, 1, t.caseId, null, null],
      ['element_sheet', 'pdf', 10, 1, t.caseId, null, null],
    ]);
    expect(trail[0]?.disclosure).toEqual(['party_names', 'masked_id_numbers', 'employment_facts', 'claims']);
    expect(trail[0]?.userId).toBe(ENROLLMENT.userId);
    expect(await t.store.unsentExports()).toHaveLength(2);
  });
});
