/*
 * Performance of a signed agreement (履行): payments applied to the instalments in order of due date,
 * overdue instalments flagged, the amount recovered and what is still owed; and the check that refuses
 * a payment larger than what is owed.
 */
import type { CaseState, Payment } from '#shared/case/state';
import { formatYuan } from '#shared/law/money';
import { msg, type LawMessage } from '#shared/law/messages';
import { err, ok, type Result } from '#shared/util/result';

export type InstalmentStatus = 'paid' | 'partly_paid' | 'due' | 'overdue';

export type InstalmentRow = {
  readonly index: number;
  readonly dueDate: string;
  readonly amountFen: number;
  readonly paidFen: number;
  readonly status: InstalmentStatus;
};

export type Performance = {
  readonly agreementId: string;
  readonly totalFen: number;
  readonly paidFen: number;
  readonly owedFen: number;
  readonly rows: readonly InstalmentRow[];
  /** The first instalment not fully paid (null when all is paid). */
  readonly next: InstalmentRow | null;
  readonly overdue: readonly InstalmentRow[];
};

/**
 * The schedule of the signed agreement (the draft with the signed text's hash), or null. `payments`
 * defaults to all of the case's; a party-facing document passes the party view's (main file only) so
 * its totals and its table agree.
 */
export function performanceOf(
  state: CaseState,
  today: string,
  payments: readonly Payment[] = state.payments,
): Performance | null {
  const signed = state.agreement.signed;
  if (signed === null) return null;
  const draft =
    state.agreement.drafts.findLast(
      (d) => d.agreementId === signed.agreementId && d.textSha256 === signed.textSha256,
    ) ?? state.agreement.drafts.findLast((d) => d.agreementId === signed.agreementId);
  if (draft === undefined) return null;
  const schedule =
    draft.instalments && draft.instalments.length > 0
      ? draft.instalments
      : [{ dueDate: signed.signedAt.slice(0, 10), amountFen: draft.totalFen }];
  const paidFen = payments
    .filter((p) => p.agreementId === undefined || p.agreementId === draft.agreementId)
    .reduce((s, p) => s + p.amountFen, 0);
  let left = paidFen;
  const rows: InstalmentRow[] = [...schedule]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((x, index) => {
      const paid = Math.min(left, x.amountFen);
      left -= paid;
      const status: InstalmentStatus =
        paid >= x.amountFen ? 'paid' : x.dueDate < today ? 'overdue' : paid > 0 ? 'partly_paid' : 'due';
      return { index, dueDate: x.dueDate, amountFen: x.amountFen, paidFen: paid, status };
    });
  return {
    agreementId: draft.agreementId,
    totalFen: draft.totalFen,
    paidFen,
    owedFen: Math.max(0, draft.totalFen - paidFen),
    rows,
    next: rows.find((r) => r.status !== 'paid') ?? null,
    overdue: rows.filter((r) => r.status === 'overdue'),
  };
}

/** Refuses a payment of nothing, or of more than is still owed. */
export function checkPayment(perf: Performance | null, amountFen: number): Result<void, LawMessage> {
  if (perf === null)
    return err(msg('payment_no_agreement', '尚无已签署的协议，不能记录履行', 'No signed agreement yet'));
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    return err(msg('payment_zero', '付款金额必须大于零', 'The amount must be more than zero'));
  if (amountFen > perf.owedFen)
    return err(
      msg(
        'payment_too_much',
        `付款金额${formatYuan(amountFen)}超过尚欠金额${formatYuan(perf.owedFen)}`,
        `The payment ${formatYuan(amountFen)} is more than the ${formatYuan(perf.owedFen)} owed`,
      ),
    );
  return ok(undefined);
}
