// Export tables and CSV: BOM, quoting, formula guard, and nothing personal or confidential in them.
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import { caseTable, computeStats, csvField, factsOf, kpiTable, KPI_KEYS, toCsv } from '#shared/stats/index';
import { buildScenario, type Scenario } from './scenario';

let sc: Scenario;

beforeAll(async () => {
  sc = await buildScenario();
});

describe('csv', () => {
  it('starts with a BOM, ends lines with CRLF, quotes commas, quotes and line breaks', () => {
    expect(
      toCsv([
        ['a', 1, null],
        ['x,y', 'say "hi"', 'two\nlines'],
      ]),
    ).toBe('\uFEFFa,1,\r\n"x,y","say ""hi""","two\nlines"\r\n');
  });

  it('never lets a cell start a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM')).toBe("'@SUM");
    expect(csvField(-2)).toBe('-2');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('tables', () => {
  it('the KPI table has every KPI with its unit, case count and definition; money in yuan', () => {
    const cal = bundledHolidayCalendar();
    if (!cal.ok) throw new Error('calendar');
    const r = computeStats(sc.desk.states(), {
      period: { from: '2026-03-01', to: '2026-03-31' },
      today: '2026-04-10',
      calendar: cal.value,
    });
    if (!r.ok) throw new Error(r.error.zh);
    const t = kpiTable(r.value.totals, r.value);
    expect(t.rows[1]).toEqual(['指标', '数值', '单位', '涉及案件数', '口径']);
    const byName = new Map(t.rows.map((row) => [row[0], row]));
    expect(byName.get('追回金额')?.slice(1, 4)).toEqual([32_000, '元', 2]);
    expect(byName.get('结案率')?.[1]).toBe(0.8571);
    expect(byName.get('结案（按结案方式）：终局裁决')?.[1]).toBe(1);
    expect(t.rows.length).toBeGreaterThan(KPI_KEYS.length + 2);
  });

  it('the caseload list holds structural fields only', () => {
    const t = caseTable(factsOf(sc.desk.states()), { 'user-li': '李仲裁' });
    expect(t.rows).toHaveLength(10);
    const text = JSON.stringify(t.rows);
    expect(text).toContain('李仲裁');
    for (const secret of ['张三', '王五', '赵一', '某建筑公司']) expect(text).not.toContain(secret);
  });
});
