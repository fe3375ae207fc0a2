/**
 * Final-award flag per claim item (一裁终局, LDMAL Art. 47; Rules Art. 50, reported [R]). An item is final
 * when it claims labour remuneration, work-injury medical costs, economic compensation or damages and the
 * amount AWARDED for that item is not above 12 × the local monthly minimum wage; or when it is a dispute
 * over national labour standards (hours, rest and leave, social insurance). When one award has both kinds,
 * Rules Art. 50 has the tribunal issue separate award documents.
 */
import { z } from 'zod';
import { inputError, isoDateInput, missingError, regionInput, type CalcError } from '#shared/law/calc-common';
import { lookupRegionalValue, type RegionalRow, type RegionalTable } from '#shared/law/regional-tables';
import { assertNever } from '#shared/util/assert-never';
import { err, ok, type Result } from '#shared/util/result';

/** Claim-item kinds of domain.md §4.3. */
export const CLAIM_KINDS = [
  'WAGE_ARREARS', 'OVERTIME', 'MIN_WAGE_SHORTFALL', 'ANNUAL_LEAVE_PAY', 'DOUBLE_WAGE_NO_CONTRACT', 'ECON_COMP_N',
  'NOTICE_PAY_PLUS1', 'UNLAWFUL_TERMINATION_2N', 'WORK_INJURY_MEDICAL', 'WORK_INJURY_LEAVE_WAGES', 'DISABILITY_ONE_OFF',
  'INJURY_MED_SUBSIDY', 'DISABILITY_EMPLOYMENT_SUBSIDY', 'FUNERAL_DEATH_BENEFITS', 'SOCIAL_INSURANCE_LOSS',
  'CONFIRM_LABOR_RELATION', 'REINSTATEMENT', 'HIGH_TEMP_ALLOWANCE', 'OTHER',
] as const; // prettier-ignore
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export type FinalAwardCategory =
  | 'remuneration'
  | 'injury_medical'
  | 'economic_compensation'
  | 'damages'
  | 'labor_standards'
  | 'not_eligible';

/**
 * Default category per kind. Rules Art. 50 counts the no-contract second wage and unlawful-termination
 * damages as 赔偿金, and notice pay as 经济补偿; leave-period wages and allowances are remuneration.
 * Work-injury insurance benefits other than medical costs are not among the LDMAL 47 items.
 */
export const CLAIM_CATEGORY: Record<ClaimKind, FinalAwardCategory> = {
  WAGE_ARREARS: 'remuneration',
  OVERTIME: 'remuneration',
  MIN_WAGE_SHORTFALL: 'remuneration',
  ANNUAL_LEAVE_PAY: 'remuneration',
  WORK_INJURY_LEAVE_WAGES: 'remuneration',
  HIGH_TEMP_ALLOWANCE: 'remuneration',
  WORK_INJURY_MEDICAL: 'injury_medical',
  ECON_COMP_N: 'economic_compensation',
  NOTICE_PAY_PLUS1: 'economic_compensation',
  DOUBLE_WAGE_NO_CONTRACT: 'damages',
  UNLAWFUL_TERMINATION_2N: 'damages',
  DISABILITY_ONE_OFF: 'not_eligible',
  INJURY_MED_SUBSIDY: 'not_eligible',
  DISABILITY_EMPLOYMENT_SUBSIDY: 'not_eligible',
  FUNERAL_DEATH_BENEFITS: 'not_eligible',
  SOCIAL_INSURANCE_LOSS: 'not_eligible',
  CONFIRM_LABOR_RELATION: 'not_eligible',
  REINSTATEMENT: 'not_eligible',
  OTHER: 'not_eligible',
};

const category = z.enum([
  'remuneration',
  'injury_medical',
  'economic_compensation',
  'damages',
  'labor_standards',
  'not_eligible',
]);

export const FinalAwardInputSchema = z.object({
  region: regionInput,
  /** Day the award is made: the minimum wage in force that day sets the threshold. */
  awardDate: isoDateInput,
  items: z.array(
    z.object({
      id: z.string().min(1),
      kind: z.enum(CLAIM_KINDS),
      awardedFen: z.number().int().nonnegative(),
      /** The tribunal's own classification, e.g. labour standards for an hours dispute; needs a reason. */
      categoryOverride: z
        .object({ category, reason: z.string().trim().min(1, '更改类别需填写理由') })
        .optional(),
    }),
  ),
});

export type FinalAwardItem = {
  readonly id: string;
  readonly category: FinalAwardCategory;
  readonly final: boolean;
  readonly reasonZh: string;
};

export type FinalAwardResult = {
  readonly items: readonly FinalAwardItem[];
  /** 12 × the monthly minimum wage, when a monetary item needed it. */
  readonly thresholdFen: number | null;
  readonly minimumWage: RegionalRow | null;
  /** Both final and non-final items: Rules Art. 50 wants separate award documents. */
  readonly mixed: boolean;
};

const monetary = (c: FinalAwardCategory): boolean =>
  c === 'remuneration' || c === 'injury_medical' || c === 'economic_compensation' || c === 'damages';

function judge(
  c: FinalAwardCategory,
  awardedFen: number,
  threshold: number,
): { final: boolean; reasonZh: string } {
  switch (c) {
    case 'remuneration':
    case 'injury_medical':
    case 'economic_compensation':
    case 'damages':
      return awardedFen <= threshold
        ? {
            final: true,
            reasonZh: '裁决数额不超过当地月最低工资标准十二个月金额（调解仲裁法第四十七条第一项）',
          }
        : { final: false, reasonZh: '裁决数额超过当地月最低工资标准十二个月金额' };
    case 'labor_standards':
      return { final: true, reasonZh: '因执行国家劳动标准发生的争议（调解仲裁法第四十七条第二项）' };
    case 'not_eligible':
      return { final: false, reasonZh: '不属于调解仲裁法第四十七条规定的终局裁决事项' };
    default:
      return assertNever(c, 'final-award category');
  }
}

export function finalAwardFlags(raw: unknown, table: RegionalTable): Result<FinalAwardResult, CalcError> {
  const parsed = FinalAwardInputSchema.safeParse(raw);
  if (!parsed.success) return err(inputError(parsed.error));
  const { region, awardDate, items } = parsed.data;
  const categories = items.map((i) => i.categoryOverride?.category ?? CLAIM_CATEGORY[i.kind]);
  let minimumWage: RegionalRow | null = null;
  if (categories.some(monetary)) {
    const row = lookupRegionalValue(table, region, 'monthly_minimum_wage', awardDate);
    if (!row.ok) return err(missingError([row.error]));
    minimumWage = row.value;
  }
  const thresholdFen = minimumWage ? 12 * minimumWage.amountFen : null;
  const judged = items.map((item, i) => {
    const c = categories[i] ?? 'not_eligible';
    return { id: item.id, category: c, ...judge(c, item.awardedFen, thresholdFen ?? 0) };
  });
  const finals = judged.filter((j) => j.final).length;
  return ok({ items: judged, thresholdFen, minimumWage, mixed: finals > 0 && finals < judged.length });
}
