// The yearbook-layout table (domain.md §8.1) over the hand-built caseload, and the 10-item element sheet.
import { beforeAll, describe, expect, it } from 'vitest';
import { reduceCase, type CaseState } from '#shared/case/index';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import type { HolidayCalendar } from '#shared/law/calendar';
import {
  buildElementSheet,
  buildYearbook,
  factsOf,
  YEARBOOK_CAUSES,
  type YearbookTable,
} from '#shared/stats/index';
import { accept, createDesk, HASH } from './desk';
import { buildScenario, type Scenario } from './scenario';

let sc: Scenario;
let states: CaseState[];
let calendar: HolidayCalendar;
let table: YearbookTable;

const idsOf = (...keys: (keyof Scenario['ids'])[]): string[] => keys.map((k) => sc.ids[k]).sort();

beforeAll(async () => {
  const cal = bundledHolidayCalendar();
  if (!cal.ok) throw new Error('calendar');
  calendar = cal.value;
  sc = await buildScenario();
  states = sc.desk.states();
  const r = buildYearbook(
    factsOf(states),
    [
      { label: '2026年3月', period: { from: '2026-03-01', to: '2026-03-31' } },
      { label: '2026年第一季度', period: { from: '2026-01-01', to: '2026-03-31' } },
    ],
    { today: '2026-04-10', calendar },
  );
  if (!r.ok) throw new Error(r.error.zh);
  table = r.value;
});

describe('yearbook table', () => {
  it('has the yearbook columns in order, with Chinese headings', () => {
    expect(table.columns.map((c) => c.zh).slice(0, 5)).toEqual([
      '上期未结案件数',
      '本期受理案件数',
      '其中：集体劳动争议',
      '劳动者当事人数',
      '其中：集体劳动争议',
    ]);
    expect(table.columns.at(-1)?.zh).toBe('期末未结案件数');
  });

  it('March row: every cell as worked out by hand, with its cases', () => {
    const c = table.rows[0]?.cells ?? {};
    const v = (k: string) => c[k]?.value;
    expect([
      v('pendingAtStart'),
      v('accepted'),
      v('acceptedCollective'),
      v('workers'),
      v('workersCollective'),
    ]).toEqual([4, 3, 1, 14, 12]);
    expect(YEARBOOK_CAUSES.map((k) => v(`cause.${k}`))).toEqual([2, 1, 0, 0, 0]);
    expect(c['cause.social_insurance']?.caseIds).toEqual(idsOf('E'));
    expect([v('closed'), v('closed.mediation'), v('closed.award'), v('closed.other')]).toEqual([6, 2, 2, 2]);
    expect(c['closed.award']?.caseIds).toEqual(idsOf('A', 'H'));
    expect(v('closureRate')).toBeCloseTo(6 / 7);
    expect(v('mediationShare')).toBeCloseTo(2 / 6);
    expect([v('amountClaimedFen'), v('amountRecoveredFen'), v('pendingAtEnd')]).toEqual([
      6_500_000, 3_200_000, 1,
    ]);
  });

  it('every row: causes add up to accepted, ways of closing to closed, and the balance holds', () => {
    for (const row of table.rows) {
      const v = (k: string) => row.cells[k]?.value ?? 0;
      expect(YEARBOOK_CAUSES.reduce((s, k) => s + v(`cause.${k}`), 0)).toBe(v('accepted'));
      expect(v('closed.mediation') + v('closed.award') + v('closed.other')).toBe(v('closed'));
      expect(v('pendingAtStart') + v('accepted') - v('closed')).toBe(v('pendingAtEnd'));
    }
    expect(table.rows[1]?.cells['accepted']?.value).toBe(7);
  });

  it('refuses an empty selection and a reversed period', () => {
    const none = buildYearbook([], [], { today: '2026-04-10', calendar });
    expect(none.ok ? null : none.error.zh).toBe('请至少选择一个统计期间');
    const rev = buildYearbook([], [{ label: 'x', period: { from: '2026-02-01', to: '2026-01-01' } }], {
      today: '2026-04-10',
      calendar,
    });
    expect(rev.ok ? null : rev.error.zh).toBe('统计期间的结束日期早于开始日期');
  });
});

describe('element sheet (劳动争议事实要素采集表)', () => {
  it('fills the 10 items from the main file, masks ids, and leaves caucus and internal content out', async () => {
    const d = await createDesk();
    const id = await d.open({ kind: 'mediation', day: '2026-03-01', categories: ['wage_arrears'] });
    await accept(d, id, '2026-03-01');
    const worker = d.uuid();
    await d.emit(id, 'party.added', {
      partyId: worker,
      role: 'applicant',
      kind: 'worker',
      name: '张三',
      idType: 'resident_id',
      idNumber: '420802199001011234',
      joinDate: '2024-03-01',
      leaveDate: '2026-01-31',
      occupation: '钢筋工',
      monthlyWageFen: 650_000,
      details: { attendance: '班组长记工', workplace: '掇刀区某工地', socialInsurance: '未缴纳' },
    });
    await d.emit(id, 'party.added', {
      partyId: d.uuid(),
      role: 'respondent',
      kind: 'employer',
      name: '荆门某建筑劳务有限公司',
      legalRepresentative: '李四',
    });
    await d.emit(id, 'claim.added', {
      claimId: d.uuid(),
      item: 'DOUBLE_WAGE_NO_CONTRACT',
      amountClaimedFen: 1_300_000,
    });
    await d.emit(id, 'claim.added', { claimId: d.uuid(), item: 'WAGE_ARREARS', amountClaimedFen: 1_950_000 });
    const secret = '背靠背：申请人底线一万五';
    const noteEvent = await d.emit(id, 'note.recorded', {
      noteId: d.uuid(),
      method: 'five_heart',
      stage: 3,
      fields: { bottomLine: secret },
      text: secret,
    });
    const caucus = reduceCase([...d.events(id), { ...noteEvent, conf: `caucus:${worker}` }]);
    const sheet = buildElementSheet(caucus);
    expect(sheet?.items.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const byKey = Object.fromEntries((sheet?.items ?? []).map((i) => [i.key, i]));
    expect(byKey['parties']?.entries).toEqual([
      { label: '申请人', value: '张三，****1234' },
      { label: '被申请人', value: '荆门某建筑劳务有限公司，法定代表人 李四' },
    ]);
    expect(byKey['employment_period']?.entries).toEqual([
      { label: '张三', value: '2024-03-01 至 2026-01-31' },
    ]);
    expect(byKey['contract']?.entries[0]?.value).toBe('主张未签订书面劳动合同');
    expect(byKey['post']?.entries[0]?.value).toBe('钢筋工，掇刀区某工地');
    expect(byKey['wage_structure']?.entries[0]?.value).toContain('6,500.00');
    expect(byKey['attendance']?.entries[0]?.value).toBe('班组长记工');
    expect(byKey['social_insurance']?.entries[0]?.value).toBe('未缴纳');
    expect(byKey['wage_payment']?.filled).toBe(false);
    expect(byKey['claims']?.entries.map((e) => e.label)).toEqual([
      '案由',
      '未签劳动合同二倍工资差额',
      '拖欠劳动报酬',
    ]);
    const json = JSON.stringify(sheet);
    expect(json).not.toContain('底线');
    expect(json).not.toContain('420802199001011234');
    expect(json).not.toContain(HASH);
  });

  it('answers null for a state without a case', () => {
    expect(buildElementSheet(reduceCase([]))).toBeNull();
  });
});
