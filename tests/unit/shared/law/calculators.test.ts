import { describe, expect, it } from 'vitest';
import { bundledRegionalTable } from '#shared/law/bundled-data';
import {
  addRegionalRow,
  doubleWageNoContract,
  economicCompensation,
  finalAwardFlags,
  lookupRegionalValue,
  unlawfulTerminationDamages,
  wageArrears,
  type RegionalTable,
} from '#shared/law/calculators';

const jingmen = { code: '420800', name: '湖北省荆门市' };
/** Made-up figures for arithmetic only — NOT official standards. */
const TEST_SOURCE = { title: '单元测试虚构数据，非官方标准' };
const table: RegionalTable = {
  rows: [
    {
      regionCode: '420800',
      regionName: '湖北省荆门市',
      kind: 'monthly_minimum_wage',
      effectiveFrom: '2024-01-01',
      amountFen: 180000,
      source: TEST_SOURCE,
    },
    {
      regionCode: '420800',
      regionName: '湖北省荆门市',
      kind: 'monthly_minimum_wage',
      effectiveFrom: '2025-07-01',
      amountFen: 200000,
      source: TEST_SOURCE,
    },
    {
      regionCode: '420800',
      regionName: '湖北省荆门市',
      kind: 'average_monthly_wage',
      effectiveFrom: '2025-01-01',
      amountFen: 700000,
      source: TEST_SOURCE,
    },
  ],
};
const twelve = (fen: number): number[] => Array.from({ length: 12 }, () => fen);

describe('regional tables ship empty and are filled as validated data', () => {
  it('the bundled table is empty (shared/data/README.md: never guess)', () => {
    const r = bundledRegionalTable();
    expect(r.ok && r.value.rows).toEqual([]);
  });
  it('looks up the row in force on a date (latest effectiveFrom on or before it)', () => {
    expect(lookupRegionalValue(table, jingmen, 'monthly_minimum_wage', '2025-06-30')).toMatchObject({
      ok: true,
      value: { amountFen: 180000 },
    });
    expect(lookupRegionalValue(table, jingmen, 'monthly_minimum_wage', '2025-07-01')).toMatchObject({
      ok: true,
      value: { amountFen: 200000 },
    });
    expect(lookupRegionalValue(table, jingmen, 'monthly_minimum_wage', '2023-12-31').ok).toBe(false);
  });
  it('an administrator row needs a source, a 6-digit code and positive fen; duplicates are refused', () => {
    const row = {
      regionCode: '420800',
      regionName: '湖北省荆门市',
      kind: 'average_monthly_wage',
      effectiveFrom: '2026-01-01',
      amountFen: 750000,
      source: { title: '荆门市统计局公报（测试）' },
    };
    expect(addRegionalRow(table, row).ok).toBe(true);
    expect(addRegionalRow(table, { ...row, source: { title: '' } }).ok).toBe(false);
    expect(addRegionalRow(table, { ...row, regionCode: '4208' }).ok).toBe(false);
    expect(addRegionalRow(table, { ...row, amountFen: 12.5 }).ok).toBe(false);
    expect(addRegionalRow(table, { ...row, effectiveFrom: '2025-01-01' }).ok).toBe(false);
  });
});

describe('economic compensation N (劳动合同法 Art. 47)', () => {
  it('Art. 47: 5 years 6 months counts 6 months; 8,000 × 6 = 48,000', () => {
    // 2020-03-01..2025-08-31 = 5 y 6 m → 5 + 1 = 6 months. Average 8,000 ≤ 3 × 7,000. N = 8,000 × 6 = 48,000.00
    const r = economicCompensation(
      {
        startDate: '2020-03-01',
        endDate: '2025-08-31',
        last12MonthsWagesFen: twelve(800000),
        region: jingmen,
      },
      table,
    );
    expect(r).toMatchObject({
      ok: true,
      value: { amountFen: 4800000, months: 6, capped: false, service: { years: 5, months: 6, days: 0 } },
    });
  });
  it('Art. 47: a remainder under 6 months counts half a month; 5 y 3 m 10 d → 5.5 months', () => {
    // 2020-03-01..2025-06-10 = 5 y 3 m 10 d → 5.5. Wages avg (6,000×6 + 7,000×6)/12 = 6,500. N = 6,500 × 5.5 = 35,750.00
    const wages = [...Array.from({ length: 6 }, () => 600000), ...Array.from({ length: 6 }, () => 700000)];
    const r = economicCompensation(
      { startDate: '2020-03-01', endDate: '2025-06-10', last12MonthsWagesFen: wages, region: jingmen },
      table,
    );
    expect(r).toMatchObject({ ok: true, value: { amountFen: 3575000, months: 5.5, averageWageFen: 650000 } });
  });
  it('Art. 47: exactly 6 months counts a full month; under a year of work averages the months worked', () => {
    // 2025-01-01..2025-06-30 = 6 m → 1 month. Average of 6 months 5,000 → N = 5,000.00
    const r = economicCompensation(
      {
        startDate: '2025-01-01',
        endDate: '2025-06-30',
        last12MonthsWagesFen: twelve(500000).slice(0, 6),
        region: jingmen,
      },
      table,
    );
    expect(r).toMatchObject({ ok: true, value: { amountFen: 500000, months: 1 } });
    // 4 months → half a month: 3,000 × 0.5 = 1,500.00
    const short = economicCompensation(
      {
        startDate: '2025-03-01',
        endDate: '2025-06-30',
        last12MonthsWagesFen: [300000, 300000, 300000, 300000],
        region: jingmen,
      },
      table,
    );
    expect(short).toMatchObject({ ok: true, value: { amountFen: 150000, months: 0.5 } });
  });
  it('Art. 47 para. 2: above 3 × local average → base 3 × 7,000 = 21,000 and at most 12 years', () => {
    // 2010-01-01..2025-02-28 = 15 y 2 m → 15.5, capped to 12. N = 21,000 × 12 = 252,000.00
    const r = economicCompensation(
      {
        startDate: '2010-01-01',
        endDate: '2025-02-28',
        last12MonthsWagesFen: twelve(3000000),
        region: jingmen,
      },
      table,
    );
    expect(r).toMatchObject({
      ok: true,
      value: { amountFen: 25200000, months: 12, monthlyBaseFen: 2100000, capped: true },
    });
  });
  it('the 12-year cap applies only when the wage is above 3 × the local average', () => {
    // 15.5 months × 8,000 = 124,000.00
    const r = economicCompensation(
      {
        startDate: '2010-01-01',
        endDate: '2025-02-28',
        last12MonthsWagesFen: twelve(800000),
        region: jingmen,
      },
      table,
    );
    expect(r).toMatchObject({ ok: true, value: { amountFen: 12400000, months: 15.5, capped: false } });
  });
  it('实施条例 Art. 27: an average below the minimum wage is raised to it', () => {
    // avg 1,500 < minimum 2,000 (from 2025-07-01) → 2,000 × 2 (1 y 6 m) = 4,000.00
    const r = economicCompensation(
      {
        startDate: '2024-03-01',
        endDate: '2025-08-31',
        last12MonthsWagesFen: twelve(150000),
        region: jingmen,
      },
      table,
    );
    expect(r).toMatchObject({
      ok: true,
      value: { amountFen: 400000, minimumWageFloorApplied: true, months: 2 },
    });
  });
  it('rounds the average half up to the fen', () => {
    // (1,000.00 + 1,000.01 + 1,000.01) / 3 → 100001 fen (100000.67 rounds to 100001); the minimum-wage floor then applies to the base
    const r = economicCompensation(
      {
        startDate: '2025-10-01',
        endDate: '2025-12-31',
        last12MonthsWagesFen: [100000, 100001, 100001],
        region: jingmen,
      },
      table,
    );
    expect(r.ok && r.value.averageWageFen).toBe(100001);
  });
  it('refuses when a regional value is missing, naming it: 缺少 湖北省荆门市 … 起适用的月最低工资标准', () => {
    const empty: RegionalTable = { rows: [] };
    const r = economicCompensation(
      {
        startDate: '2020-03-01',
        endDate: '2026-01-01',
        last12MonthsWagesFen: twelve(800000),
        region: jingmen,
      },
      empty,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.zh).toContain('缺少 湖北省荆门市 2026-01-01 起适用的月最低工资标准');
      expect(r.error.zh).toContain('上年度职工月平均工资');
      expect(r.error.missing).toHaveLength(2);
    }
  });
  it('refuses service before 2008 (劳动合同法 Art. 97) and bad input', () => {
    const pre = economicCompensation(
      { startDate: '2005-01-01', endDate: '2025-01-01', last12MonthsWagesFen: twelve(1), region: jingmen },
      table,
    );
    expect(!pre.ok && pre.error.code).toBe('calc_pre_2008');
    expect(
      economicCompensation(
        { startDate: '2025-02-30', endDate: '2025-03-01', last12MonthsWagesFen: [1], region: jingmen },
        table,
      ).ok,
    ).toBe(false);
    expect(
      economicCompensation(
        { startDate: '2025-03-01', endDate: '2025-02-01', last12MonthsWagesFen: [1], region: jingmen },
        table,
      ).ok,
    ).toBe(false);
    expect(
      economicCompensation(
        { startDate: '2025-01-01', endDate: '2025-02-01', last12MonthsWagesFen: [], region: jingmen },
        table,
      ).ok,
    ).toBe(false);
    expect(
      economicCompensation(
        { startDate: '2025-01-01', endDate: '2025-02-01', last12MonthsWagesFen: [1.5], region: jingmen },
        table,
      ).ok,
    ).toBe(false);
  });
});

describe('2N damages (劳动合同法 Art. 87)', () => {
  it('Art. 87: twice N — 2 × 48,000 = 96,000', () => {
    const r = unlawfulTerminationDamages(
      {
        startDate: '2020-03-01',
        endDate: '2025-08-31',
        last12MonthsWagesFen: twelve(800000),
        region: jingmen,
      },
      table,
    );
    expect(r).toMatchObject({
      ok: true,
      value: { amountFen: 9600000, compensation: { amountFen: 4800000 } },
    });
  });
});

describe('double wages without a written contract (劳动合同法 Art. 82; 实施条例 Arts. 6–7)', () => {
  it('Art. 82: never signed, a whole year → months 2–12 = 11 × 5,000 = 55,000', () => {
    const r = doubleWageNoContract({
      employmentStart: '2025-01-01',
      contractSignedOn: null,
      endDate: '2026-06-30',
      monthlyWageFen: 500000,
    });
    expect(r).toMatchObject({
      ok: true,
      value: { amountFen: 5500000, periodFrom: '2025-02-01', periodTo: '2025-12-31', fullMonths: 11 },
    });
  });
  it('Art. 82: signed 2025-04-16 → 02-01..04-15 = 2 months + 15/30 days: 10,000 + 2,500 = 12,500', () => {
    const r = doubleWageNoContract({
      employmentStart: '2025-01-01',
      contractSignedOn: '2025-04-16',
      endDate: '2025-12-31',
      monthlyWageFen: 500000,
    });
    expect(r).toMatchObject({ ok: true, value: { amountFen: 1250000, fullMonths: 2, extraDays: 15 } });
  });
  it('nothing is owed within the first month, nor when signed within it', () => {
    expect(
      doubleWageNoContract({
        employmentStart: '2025-01-01',
        contractSignedOn: null,
        endDate: '2025-01-20',
        monthlyWageFen: 500000,
      }),
    ).toMatchObject({ ok: true, value: { amountFen: 0 } });
    expect(
      doubleWageNoContract({
        employmentStart: '2025-01-01',
        contractSignedOn: '2025-01-25',
        endDate: '2025-12-31',
        monthlyWageFen: 500000,
      }),
    ).toMatchObject({ ok: true, value: { amountFen: 0 } });
  });
  it('left before the anniversary: start 03-10, left 2025-07-09 → 04-10..07-09 = 3 × 4,000 = 12,000', () => {
    const r = doubleWageNoContract({
      employmentStart: '2025-03-10',
      contractSignedOn: null,
      endDate: '2025-07-09',
      monthlyWageFen: 400000,
    });
    expect(r).toMatchObject({ ok: true, value: { amountFen: 1200000, fullMonths: 3, extraDays: 0 } });
  });
  it('refuses bad input', () => {
    expect(
      doubleWageNoContract({
        employmentStart: '2025-03-10',
        contractSignedOn: null,
        endDate: '2025-01-01',
        monthlyWageFen: 1,
      }).ok,
    ).toBe(false);
    expect(
      doubleWageNoContract({ employmentStart: '2025-03-10', endDate: '2025-05-01', monthlyWageFen: 1 }).ok,
    ).toBe(false);
  });
});

describe('wage arrears month by month', () => {
  it('sums the months paid short and lists overpaid months without netting them', () => {
    // 03: 5,000 − 2,000 = 3,000; 01: 5,000 − 0 = 5,000; 02: overpaid 500 (not netted). Owed 8,000.00
    const r = wageArrears([
      { month: '2025-03', dueFen: 500000, paidFen: 200000 },
      { month: '2025-01', dueFen: 500000, paidFen: 0 },
      { month: '2025-02', dueFen: 500000, paidFen: 550000 },
    ]);
    expect(r).toMatchObject({
      ok: true,
      value: {
        totalOwedFen: 800000,
        totalDueFen: 1500000,
        totalPaidFen: 750000,
        overpaidMonths: ['2025-02'],
      },
    });
    expect(r.ok && r.value.lines.map((l) => l.month)).toEqual(['2025-01', '2025-02', '2025-03']);
  });
  it('refuses duplicate or malformed months and negative amounts', () => {
    expect(
      wageArrears([
        { month: '2025-01', dueFen: 1, paidFen: 0 },
        { month: '2025-01', dueFen: 1, paidFen: 0 },
      ]).ok,
    ).toBe(false);
    expect(wageArrears([{ month: '2025-13', dueFen: 1, paidFen: 0 }]).ok).toBe(false);
    expect(wageArrears([{ month: '2025-01', dueFen: -1, paidFen: 0 }]).ok).toBe(false);
  });
});

describe('final award per item (LDMAL Art. 47; Rules Art. 50)', () => {
  // Threshold on 2025-08-01: 12 × 2,000 = 24,000.00
  const base = { region: jingmen, awardDate: '2025-08-01' };
  it('LDMAL 47(1): each monetary item ≤ 12 × minimum wage is final, judged item by item on the awarded amount', () => {
    const r = finalAwardFlags(
      {
        ...base,
        items: [
          { id: 'a', kind: 'WAGE_ARREARS', awardedFen: 2400000 },
          { id: 'b', kind: 'ECON_COMP_N', awardedFen: 2000000 },
          { id: 'c', kind: 'DOUBLE_WAGE_NO_CONTRACT', awardedFen: 2000000 },
        ],
      },
      table,
    );
    expect(r).toMatchObject({ ok: true, value: { thresholdFen: 2400000, mixed: false } });
    expect(r.ok && r.value.items.map((i) => i.final)).toEqual([true, true, true]); // total 64,000 > threshold, still final
  });
  it('LDMAL 47(1): one fen over the threshold is not final, and a mixed award is flagged (Rules 50)', () => {
    const r = finalAwardFlags(
      {
        ...base,
        items: [
          { id: 'a', kind: 'UNLAWFUL_TERMINATION_2N', awardedFen: 2400001 },
          { id: 'b', kind: 'WORK_INJURY_MEDICAL', awardedFen: 100 },
        ],
      },
      table,
    );
    expect(r.ok && r.value.items.map((i) => [i.category, i.final])).toEqual([
      ['damages', false],
      ['injury_medical', true],
    ]);
    expect(r.ok && r.value.mixed).toBe(true);
  });
  it('LDMAL 47(2): labour-standards disputes are final whatever the amount; other kinds never', () => {
    const r = finalAwardFlags(
      {
        ...base,
        items: [
          {
            id: 'a',
            kind: 'OTHER',
            awardedFen: 0,
            categoryOverride: { category: 'labor_standards', reason: '工作时间标准争议' },
          },
          { id: 'b', kind: 'DISABILITY_ONE_OFF', awardedFen: 100 },
          { id: 'c', kind: 'CONFIRM_LABOR_RELATION', awardedFen: 0 },
        ],
      },
      table,
    );
    expect(r.ok && r.value.items.map((i) => i.final)).toEqual([true, false, false]);
  });
  it('the threshold uses the minimum wage in force on the award date', () => {
    // 2025-06-30: 12 × 1,800 = 21,600.00 → 21,600.01 is not final
    const r = finalAwardFlags(
      {
        region: jingmen,
        awardDate: '2025-06-30',
        items: [{ id: 'a', kind: 'OVERTIME', awardedFen: 2160001 }],
      },
      table,
    );
    expect(r).toMatchObject({ ok: true, value: { thresholdFen: 2160000, items: [{ final: false }] } });
  });
  it('refuses to judge monetary items without the minimum wage, naming it; non-monetary need no table', () => {
    const empty: RegionalTable = { rows: [] };
    const r = finalAwardFlags(
      { region: jingmen, awardDate: '2026-01-01', items: [{ id: 'a', kind: 'WAGE_ARREARS', awardedFen: 1 }] },
      empty,
    );
    expect(!r.ok && r.error.zh).toBe('缺少 湖北省荆门市 2026-01-01 起适用的月最低工资标准');
    const none = finalAwardFlags(
      {
        region: jingmen,
        awardDate: '2026-01-01',
        items: [{ id: 'a', kind: 'REINSTATEMENT', awardedFen: 0 }],
      },
      empty,
    );
    expect(none).toMatchObject({ ok: true, value: { thresholdFen: null } });
  });
  it('an override needs a reason; unknown kinds are refused', () => {
    expect(
      finalAwardFlags(
        {
          ...base,
          items: [
            { id: 'a', kind: 'OTHER', awardedFen: 0, categoryOverride: { category: 'damages', reason: ' ' } },
          ],
        },
        table,
      ).ok,
    ).toBe(false);
    expect(finalAwardFlags({ ...base, items: [{ id: 'a', kind: 'BONUS', awardedFen: 0 }] }, table).ok).toBe(
      false,
    );
  });
});
