/* The caseload: filters → data-layer query → ids → the row wording (applicants, countdown, sync). */
import { describe, expect, it } from 'vitest';
import { caseRow, deadlineCell, syncCell } from '../../../../renderer/features/caseload/rows';
import { emptyFilters, toQuery } from '../../../../renderer/features/caseload/use-caseload';
import { defaultIntake, type IntakeForm } from '../../../../renderer/features/intake/intake-schema';
import { intakeDrafts } from '../../../../renderer/features/intake/to-drafts';
import { caseNumberTails } from '../../../../renderer/data/projections';
import type { CaseSummary } from '../../../../renderer/data/store';
import { ENROLLMENT, harness } from '../data/store-harness';
import { residentId } from '../intake/ids';

const TODAY = '2026-11-28';

const summary = (patch: Partial<CaseSummary>): CaseSummary => ({
  caseId: 'c1',
  number: '临-0000D1-0001',
  temporary: true,
  kind: 'mediation',
  status: 'registered',
  categories: ['wage_arrears'],
  caseCause: '拖欠工资纠纷',
  applicants: ['张三', '李四'],
  respondents: ['某劳务公司'],
  workerCount: 12,
  collective: true,
  amountClaimedFen: 0,
  amountRecoveredFen: 0,
  nextDeadline: { ruleId: 'mediationPeriod', nameZh: '调解期限', due: '2026-12-01', state: 'due_soon' },
  inConflict: false,
  receivedAt: null,
  assigneeId: null,
  lastHlc: null,
  ...patch,
});

describe('caseload rows', () => {
  it('names the first applicant and the head count, and colours the countdown', () => {
    const row = caseRow(summary({}), TODAY, null, null);
    expect(row.applicants).toEqual({ first: '张三', count: 12 });
    expect(row.deadline).toMatchObject({ kind: 'days', days: 3, tone: 'warn' });
    expect(row.sync).toBe('pending');
    expect(row.assignee).toEqual({ kind: 'none' });
  });

  it('red when overdue, plain when far, none without a deadline', () => {
    const at = (due: string) => deadlineCell({ ruleId: 'x', nameZh: 'x', due, state: '' }, TODAY);
    expect(at('2026-11-27')).toMatchObject({ days: -1, tone: 'danger' });
    expect(at('2026-12-10')).toMatchObject({ days: 12, tone: 'neutral' });
    expect(deadlineCell(null, TODAY)).toEqual({ kind: 'none' });
    expect(deadlineCell({ ruleId: 'x', nameZh: '审限', due: null, state: 'unknown' }, TODAY)).toEqual({
      kind: 'unknown',
      name: '审限',
    });
  });

  it('marks my cases, others by id tail', () => {
    expect(caseRow(summary({ assigneeId: 'u-me' }), TODAY, 'u-me', null).assignee).toEqual({ kind: 'me' });
    expect(caseRow(summary({ assigneeId: 'u-2' }), TODAY, 'u-me', null).assignee).toEqual({
      kind: 'other',
      id: 'u-2',
    });
  });

  it('sync state from the outbox: conflict first, then refused, then not yet acknowledged', () => {
    const outbox = { pending: new Set(['c1', 'c2']), refused: new Set(['c2']) };
    const none = { pending: new Set<string>(), refused: new Set<string>() };
    expect(syncCell(summary({ caseId: 'c1', inConflict: true }), outbox)).toBe('conflict');
    expect(syncCell(summary({ caseId: 'c2' }), outbox)).toBe('refused');
    expect(syncCell(summary({ caseId: 'c1' }), outbox)).toBe('pending');
    // A temporary number no longer decides it: what the hub acknowledged does.
    expect(syncCell(summary({ caseId: 'c3', temporary: true }), outbox)).toBe('synced');
    expect(syncCell(summary({ caseId: 'c1', temporary: false }), none)).toBe('synced');
    // Before the outbox is read, a case is only claimed saved on this device.
    expect(syncCell(summary({ caseId: 'c3' }), null)).toBe('pending');
  });

  it('turns filters into the data-layer query', () => {
    expect(toQuery(emptyFilters, null)).toEqual({});
    expect(
      toQuery(
        {
          search: ' 张 ',
          deadline: 'overdue',
          status: 'registered',
          category: 'wage_arrears',
          mine: true,
          unsynced: true,
        },
        'u1',
      ),
    ).toEqual({
      search: '张',
      deadline: 'overdue',
      statuses: ['registered'],
      categories: ['wage_arrears'],
      assigneeId: 'u1',
      unsynced: true,
    });
  });
});

describe('case number search terms', () => {
  it('the sequence at the end of a temporary or official number, with and without leading zeros', () => {
    expect(caseNumberTails('临-97BCD6-0012')).toEqual(['0012', '12']);
    expect(caseNumberTails('荆劳人仲字〔2026〕第123号')).toEqual(['123']);
    expect(caseNumberTails('临-97BCD6-0000')).toEqual(['0000', '0']);
    expect(caseNumberTails('无号')).toEqual([]);
  });
});

describe('caseload query over intake cases', () => {
  it('finds a case by worker name prefix, employer, ID tail and temp number; filters by category', async () => {
    const h = harness();
    await h.store.saveEnrollment(ENROLLMENT);
    const author = await h.store.author();
    if (!author) throw new Error('not enrolled');
    const open = async (worker: string, employer: string, seed: number, cat: IntakeForm['categories']) => {
      const f = defaultIntake();
      f.categories = cat;
      f.workers = [{ name: worker, idNumber: residentId(seed), phone: '', amount: '' }];
      f.employer = { ...f.employer, name: employer };
      const caseId = h.store.newId();
      const tempNumber = await h.store.nextTempNumber(author);
      const r = await h.store.write(
        author,
        intakeDrafts(f, {
          caseId,
          tempNumber,
          receivedAt: '2026-11-28T01:00:00.000Z',
          today: TODAY,
          newId: h.store.newId,
          placeZh: (p) => p,
          categoryZh: (c) => c,
          chainZh: (c) => c,
        }),
      );
      if (!r.ok) throw new Error(r.error.message);
      return { caseId, tempNumber, id: residentId(seed) };
    };
    const a = await open('张三', '荆门建工', 1, ['wage_arrears']);
    const b = await open('李四', '某外卖平台', 2, ['platform_gig']);
    expect(await h.store.queryCaseIds({})).toHaveLength(2);
    expect(await h.store.queryCaseIds({ search: '张' })).toEqual([a.caseId]);
    expect(await h.store.queryCaseIds({ search: '某外卖' })).toEqual([b.caseId]);
    expect(await h.store.queryCaseIds({ search: a.id.slice(-4) })).toEqual([a.caseId]);
    expect(await h.store.queryCaseIds({ search: b.tempNumber })).toEqual([b.caseId]);
    // The sequence of the number, as said aloud: 0002 or 2.
    expect(b.tempNumber.endsWith('-0002')).toBe(true);
    expect(await h.store.queryCaseIds({ search: '0002' })).toEqual([b.caseId]);
    expect(await h.store.queryCaseIds({ search: '2' })).toEqual([b.caseId]);
    expect(await h.store.queryCaseIds({ categories: ['platform_gig'] })).toEqual([b.caseId]);
    const [s] = await h.store.summaries([a.caseId]);
    if (!s) throw new Error('no summary');
    // A new mediation case runs its 15-day mediation period from the day it was received.
    expect(caseRow(s, TODAY, author.userId, null).deadline).toMatchObject({ kind: 'days' });
  });
});
