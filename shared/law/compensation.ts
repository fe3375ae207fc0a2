/**
 * Economic compensation N (劳动合同法 Art. 47), damages 2N for unlawful termination (Art. 87) and the
 * extra wage for working without a written contract (Art. 82; 实施条例 Arts. 6–7). Inputs come from
 * users and are checked with zod; regional values come from the editable table and a missing one stops
 * the calculation with its name. Amounts are integer fen, rounded half up once at the end of each step.
 */
import { z } from 'zod';
import { addDays, addMonths, daysBetween, monthsAndDaysBetween, type IsoDate } from '#shared/law/civil-date';
import {
  fenInput as fen,
  inputError,
  isoDateInput as isoDate,
  missingError,
  regionInput as region,
  roundHalfFromTwice as roundHalf,
  type CalcError,
} from '#shared/law/calc-common';
import { msg } from '#shared/law/messages';
import { lookupRegionalValue, type RegionalRow, type RegionalTable } from '#shared/law/regional-tables';
import { err, ok, type Result } from '#shared/util/result';

export const EconomicCompensationInputSchema = z.object({
  startDate: isoDate,
  /** Last day of employment. */
  endDate: isoDate,
  /** Wages of the (up to) 12 months before the end, fen; fewer when employed under 12 months. */
  last12MonthsWagesFen: z.array(fen).min(1).max(12),
  region,
});
export type EconomicCompensationInput = z.infer<typeof EconomicCompensationInputSchema>;

export type EconomicCompensationResult = {
  readonly amountFen: number;
  /** Months of pay owed (x.5 allowed). */
  readonly months: number;
  readonly service: { readonly years: number; readonly months: number; readonly days: number };
  readonly averageWageFen: number;
  readonly monthlyBaseFen: number;
  readonly capped: boolean;
  readonly minimumWageFloorApplied: boolean;
  readonly sources: readonly RegionalRow[];
  /** The arithmetic in words, for the calculation sheet. */
  readonly stepsZh: readonly string[];
};

const LCL_START: IsoDate = '2008-01-01';

/** Service counts whole years; a remainder of 6 months or more is a year, under 6 months half a month. */
function halfMonthsOfPay(
  start: IsoDate,
  end: IsoDate,
): { half: number; years: number; months: number; days: number } {
  const span = monthsAndDaysBetween(start, addDays(end, 1));
  const years = Math.floor(span.months / 12);
  const months = span.months % 12;
  const tail = months >= 6 ? 2 : months > 0 || span.days > 0 ? 1 : 0;
  return { half: years * 2 + tail, years, months, days: span.days };
}

/** 劳动合同法 Art. 47 with 实施条例 Art. 27 (12-month average, minimum-wage floor) and the 3×/12-year cap. */
export function economicCompensation(
  raw: unknown,
  table: RegionalTable,
): Result<EconomicCompensationResult, CalcError> {
  const parsed = EconomicCompensationInputSchema.safeParse(raw);
  if (!parsed.success) return err(inputError(parsed.error));
  const input = parsed.data;
  if (input.endDate < input.startDate)
    return err(msg('calc_dates', '离职日期早于入职日期', 'End before start'));
  if (input.startDate < LCL_START) {
    return err(
      msg(
        'calc_pre_2008',
        '2008年1月1日前的工作年限按当时的规定计算（劳动合同法第九十七条），请分段计算后再合计',
        'Service before 2008 follows the old rules (Art. 97)',
      ),
    );
  }
  const minWage = lookupRegionalValue(table, input.region, 'monthly_minimum_wage', input.endDate);
  const avgLocal = lookupRegionalValue(table, input.region, 'average_monthly_wage', input.endDate);
  if (!minWage.ok || !avgLocal.ok) {
    return err(missingError([minWage, avgLocal].flatMap((r) => (r.ok ? [] : [r.error]))));
  }
  const service = halfMonthsOfPay(input.startDate, input.endDate);
  const wages = input.last12MonthsWagesFen;
  const averageWageFen = roundHalf((2 * wages.reduce((s, w) => s + w, 0)) / wages.length);
  const floorApplied = averageWageFen < minWage.value.amountFen;
  let base = Math.max(averageWageFen, minWage.value.amountFen);
  const capFen = 3 * avgLocal.value.amountFen;
  const capped = base > capFen;
  let half = service.half;
  if (capped) {
    base = capFen;
    half = Math.min(half, 24);
  }
  const amountFen = roundHalf(base * half);
  const yuan = (f: number): string => (f / 100).toFixed(2);
  return ok({
    amountFen,
    months: half / 2,
    service: { years: service.years, months: service.months, days: service.days },
    averageWageFen,
    monthlyBaseFen: base,
    capped,
    minimumWageFloorApplied: floorApplied,
    sources: [minWage.value, avgLocal.value],
    stepsZh: [
      `工作年限 ${service.years} 年 ${service.months} 个月 ${service.days} 天，折算 ${service.half / 2} 个月工资`,
      `离职前 ${wages.length} 个月平均工资 ${yuan(averageWageFen)} 元${floorApplied ? `，低于最低工资 ${yuan(minWage.value.amountFen)} 元，按最低工资计算` : ''}`,
      capped
        ? `高于当地上年度职工月平均工资三倍 ${yuan(capFen)} 元，按三倍计算，年限最多12年：${half / 2} 个月`
        : `未超过当地上年度职工月平均工资三倍 ${yuan(capFen)} 元`,
      `经济补偿 = ${yuan(base)} × ${half / 2} = ${yuan(amountFen)} 元`,
    ],
  });
}

/** 劳动合同法 Art. 87: twice the Art. 47 compensation, instead of (not on top of) it (实施条例 Art. 25). */
export function unlawfulTerminationDamages(
  raw: unknown,
  table: RegionalTable,
): Result<{ readonly amountFen: number; readonly compensation: EconomicCompensationResult }, CalcError> {
  const n = economicCompensation(raw, table);
  if (!n.ok) return n;
  return ok({ amountFen: 2 * n.value.amountFen, compensation: n.value });
}

export const DoubleWageInputSchema = z.object({
  employmentStart: isoDate,
  /** Day the written contract was signed, or null if never. */
  contractSignedOn: isoDate.nullable(),
  /** Last day of employment, or the day of calculation while still employed. */
  endDate: isoDate,
  monthlyWageFen: fen,
});

export type DoubleWageResult = {
  readonly amountFen: number;
  readonly periodFrom: IsoDate | null;
  readonly periodTo: IsoDate | null;
  readonly fullMonths: number;
  readonly extraDays: number;
};

/**
 * The second wage for months without a written contract: from the day after the first month of
 * employment to the day before signing, at most to the day before the first anniversary (11 months;
 * 实施条例 Arts. 6–7). A part month is paid pro rata by calendar days of that employment month [D].
 */
export function doubleWageNoContract(raw: unknown): Result<DoubleWageResult, CalcError> {
  const parsed = DoubleWageInputSchema.safeParse(raw);
  if (!parsed.success) return err(inputError(parsed.error));
  const { employmentStart, contractSignedOn, endDate, monthlyWageFen } = parsed.data;
  if (endDate < employmentStart) return err(msg('calc_dates', '结束日期早于入职日期', 'End before start'));
  const from = addMonths(employmentStart, 1);
  const limits = [endDate, addDays(addMonths(employmentStart, 12), -1)];
  if (contractSignedOn) limits.push(addDays(contractSignedOn, -1));
  const to = limits.reduce((a, b) => (a < b ? a : b));
  if (to < from) return ok({ amountFen: 0, periodFrom: null, periodTo: null, fullMonths: 0, extraDays: 0 });
  const span = monthsAndDaysBetween(from, addDays(to, 1));
  const partStart = addMonths(from, span.months);
  const partLength = daysBetween(partStart, addMonths(from, span.months + 1));
  const partFen = roundHalf((2 * monthlyWageFen * span.days) / partLength);
  return ok({
    amountFen: monthlyWageFen * span.months + partFen,
    periodFrom: from,
    periodTo: to,
    fullMonths: span.months,
    extraDays: span.days,
  });
}
