/**
 * Bilingual messages and the three-way check result used by the identifier validators. A `warning` is a
 * result the user may accept with a written reason (e.g. a credit code from an early pilot region that
 * fails the check digit but is legal), an `invalid` one may not be accepted.
 */
import { assertNever } from '#shared/util/assert-never';
import { err, ok, type Result } from '#shared/util/result';

/** A message shown to users (Chinese first) with a stable code for tests and logs. */
export type LawMessage = { readonly code: string; readonly zh: string; readonly en: string };

export const msg = (code: string, zh: string, en: string): LawMessage => ({ code, zh, en });

/** Outcome of validating an identifier; `value` carries what was learnt from it (birth date, sex…). */
export type CheckResult<T> =
  | { readonly status: 'valid'; readonly value: T }
  | { readonly status: 'invalid'; readonly reasons: readonly LawMessage[] }
  | {
      readonly status: 'warning';
      readonly value: T;
      readonly reasons: readonly LawMessage[];
      readonly overridable: true;
    };

export const valid = <T>(value: T): CheckResult<T> => ({ status: 'valid', value });
export const invalid = <T>(reasons: readonly LawMessage[]): CheckResult<T> => ({
  status: 'invalid',
  reasons,
});
export const warning = <T>(value: T, reasons: readonly LawMessage[]): CheckResult<T> => ({
  status: 'warning',
  value,
  reasons,
  overridable: true,
});

/** A warning accepted by a user, kept for the audit trail. */
export type AcceptedOverride<T> = {
  readonly value: T;
  readonly overriddenReasons: readonly LawMessage[];
  readonly reason: string;
};

/**
 * Accepts a check result: valid passes, a warning needs a non-empty written reason, invalid never passes.
 */
export function acceptCheck<T>(
  check: CheckResult<T>,
  overrideReason?: string,
): Result<AcceptedOverride<T>, LawMessage> {
  switch (check.status) {
    case 'valid':
      return ok({ value: check.value, overriddenReasons: [], reason: '' });
    case 'invalid':
      return err(check.reasons[0] ?? msg('invalid', '无效', 'Invalid'));
    case 'warning': {
      const reason = overrideReason?.trim() ?? '';
      if (reason === '') {
        return err(msg('override_reason_required', '忽略警告需填写理由', 'A reason is required to override'));
      }
      return ok({ value: check.value, overriddenReasons: check.reasons, reason });
    }
    default:
      return assertNever(check, 'check status');
  }
}
