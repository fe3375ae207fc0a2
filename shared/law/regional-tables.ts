/**
 * Regional wage standards the calculators need, as editable data keyed by region and effective date:
 * the local monthly minimum wage (月最低工资标准, for the LDMAL Art. 47 final-award threshold and the
 * 实施条例 Art. 27 floor) and the local average monthly wage (上年度职工月平均工资, for the 劳动合同法
 * Art. 47 cap). Every row cites its official source. The bundled table is empty on purpose
 * (shared/data/README.md): a missing value is an error naming it, never a guess.
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '#shared/law/civil-date';
import { msg, type LawMessage } from '#shared/law/messages';
import { err, ok, type Result } from '#shared/util/result';

export const REGIONAL_VALUE_KINDS = {
  monthly_minimum_wage: '月最低工资标准',
  average_monthly_wage: '上年度职工月平均工资',
} as const;
export type RegionalValueKind = keyof typeof REGIONAL_VALUE_KINDS;

const isoDate = z.string().refine(isIsoDate, '日期应为有效的 YYYY-MM-DD');

export const RegionalRowSchema = z.object({
  /** GB/T 2260 code of the area the standard applies to (the table is looked up by exact code). */
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字'),
  regionName: z.string().trim().min(1),
  kind: z.enum(['monthly_minimum_wage', 'average_monthly_wage']),
  effectiveFrom: isoDate,
  amountFen: z.number().int().positive(),
  /** e.g. 一类 / 二类 for minimum-wage tiers; informational. */
  tier: z.string().optional(),
  source: z.object({
    title: z.string().trim().min(1, '必须注明官方来源'),
    documentNo: z.string().optional(),
    url: z.string().optional(),
    publishedOn: isoDate.optional(),
  }),
});
export type RegionalRow = z.infer<typeof RegionalRowSchema>;

export const RegionalTableSchema = z
  .object({ about: z.string().optional(), rows: z.array(RegionalRowSchema) })
  .superRefine((table, ctx) => {
    const seen = new Set<string>();
    for (const row of table.rows) {
      const key = `${row.regionCode}|${row.kind}|${row.effectiveFrom}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', message: `重复的记录：${row.regionName} ${row.effectiveFrom}` });
      seen.add(key);
    }
  });
export type RegionalTable = z.infer<typeof RegionalTableSchema>;

/** A region as the user picked it (code for lookup, name for messages). */
export type Region = { readonly code: string; readonly name: string };

/** A value a calculation needed and the table lacks. */
export type MissingValue = {
  readonly region: Region;
  readonly kind: RegionalValueKind;
  readonly date: IsoDate;
};

export const missingValueText = (m: MissingValue): string =>
  `缺少 ${m.region.name} ${m.date} 起适用的${REGIONAL_VALUE_KINDS[m.kind]}`;

export function parseRegionalTable(input: unknown): Result<RegionalTable, LawMessage[]> {
  const parsed = RegionalTableSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return err(
    parsed.error.issues.map((i) => msg('regional_schema', `${i.path.join('.')}：${i.message}`, i.message)),
  );
}

/** Adds a row entered by an administrator; the table is not mutated. */
export function addRegionalRow(table: RegionalTable, row: unknown): Result<RegionalTable, LawMessage[]> {
  const parsedRow = RegionalRowSchema.safeParse(row);
  if (!parsedRow.success) {
    return err(
      parsedRow.error.issues.map((i) =>
        msg('regional_schema', `${i.path.join('.')}：${i.message}`, i.message),
      ),
    );
  }
  return parseRegionalTable({ ...table, rows: [...table.rows, parsedRow.data] });
}

/** The row in force on `date`: the latest effectiveFrom on or before it, for exactly this region code. */
export function lookupRegionalValue(
  table: RegionalTable,
  region: Region,
  kind: RegionalValueKind,
  date: IsoDate,
): Result<RegionalRow, MissingValue> {
  let best: RegionalRow | undefined;
  for (const row of table.rows) {
    if (row.regionCode !== region.code || row.kind !== kind || row.effectiveFrom > date) continue;
    if (!best || row.effectiveFrom > best.effectiveFrom) best = row;
  }
  return best ? ok(best) : err({ region, kind, date });
}
