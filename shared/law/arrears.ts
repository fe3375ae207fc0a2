/**
 * Wage arrears month by month (domain.md §4.2 A: a per-month table of wages due and paid). Overpaid months
 * are shown but never netted against other months: offsetting is a legal finding for the tribunal, not
 * arithmetic.
 */
import { z } from 'zod';
import { inputError, type CalcError } from '#shared/law/calc-common';
import { err, ok, type Result } from '#shared/util/result';

const fen = z.number().int().nonnegative();

export const ArrearsRowSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  dueFen: fen,
  paidFen: fen,
  note: z.string().optional(),
});
export const ArrearsInputSchema = z.array(ArrearsRowSchema).superRefine((rows, ctx) => {
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (seen.has(row.month))
      ctx.addIssue({ code: 'custom', path: [i, 'month'], message: `月份重复：${row.month}` });
    seen.add(row.month);
  }
});
export type ArrearsRow = z.infer<typeof ArrearsRowSchema>;

export type ArrearsLine = ArrearsRow & { readonly owedFen: number; readonly overpaidFen: number };

export type ArrearsResult = {
  readonly lines: readonly ArrearsLine[];
  readonly totalDueFen: number;
  readonly totalPaidFen: number;
  /** Sum of the months where less was paid than was due. */
  readonly totalOwedFen: number;
  readonly overpaidMonths: readonly string[];
};

export function wageArrears(raw: unknown): Result<ArrearsResult, CalcError> {
  const parsed = ArrearsInputSchema.safeParse(raw);
  if (!parsed.success) return err(inputError(parsed.error));
  const lines = [...parsed.data]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((row) => ({
      ...row,
      owedFen: Math.max(0, row.dueFen - row.paidFen),
      overpaidFen: Math.max(0, row.paidFen - row.dueFen),
    }));
  const sum = (pick: (l: ArrearsLine) => number): number => lines.reduce((s, l) => s + pick(l), 0);
  return ok({
    lines,
    totalDueFen: sum((l) => l.dueFen),
    totalPaidFen: sum((l) => l.paidFen),
    totalOwedFen: sum((l) => l.owedFen),
    overpaidMonths: lines.filter((l) => l.overpaidFen > 0).map((l) => l.month),
  });
}
