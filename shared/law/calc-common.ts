/** Error shape and input pieces shared by the calculators. */
import { z } from 'zod';
import { isIsoDate } from '#shared/law/civil-date';
import { msg, type LawMessage } from '#shared/law/messages';
import { missingValueText, type MissingValue } from '#shared/law/regional-tables';

/** A calculation failure; `missing` lists regional values the table lacks. */
export type CalcError = LawMessage & { readonly missing?: readonly MissingValue[] };

export const isoDateInput = z.string().refine(isIsoDate, '日期应为有效的 YYYY-MM-DD');
export const fenInput = z.number().int().nonnegative();
export const regionInput = z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().trim().min(1) });

export const inputError = (error: z.ZodError): CalcError =>
  msg('calc_input', error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('；'), 'Invalid input');

export const missingError = (missing: readonly MissingValue[]): CalcError => ({
  ...msg(
    'calc_missing_regional_value',
    missing.map(missingValueText).join('；'),
    'Missing regional standard',
  ),
  missing,
});

/** Rounds half up, given twice the value (keeps x.5 exact in integer arithmetic). */
export const roundHalfFromTwice = (twice: number): number => Math.floor((twice + 1) / 2);
