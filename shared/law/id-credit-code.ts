/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015) with the embedded organisation code
 * (组织机构代码, GB 11714-1997), algorithms as in domain.md §4.4. Some codes issued early in pilot regions
 * fail the check but are legal, so a failed check is an overridable warning, never a hard block.
 */
import { invalid, msg, valid, warning, type CheckResult, type LawMessage } from '#shared/law/messages';

/** GB 32100-2015 character set: digits and capitals without I, O, S, V, Z; value = index. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** W[i] = 3^i mod 31. */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714 weights for the 8-character body of the organisation code. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ORG_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type CreditCodeInfo = {
  readonly normalized: string;
  readonly registrationAuthority: string;
  readonly category: string;
  readonly divisionCode: string;
  readonly organizationCode: string;
};

/** Check character (position 18) for the first 17 characters; '' when a character is outside the set. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) return '';
    sum += v * (CREDIT_WEIGHTS[i] ?? 0);
  }
  const c = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET[c] ?? '';
}

/** Check character (9th) of an organisation code body of 8 characters: 10 → 'X', 11 → '0'. */
export function organizationCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const v = ORG_CHARSET.indexOf(body8[i] ?? '');
    if (v < 0) return '';
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/** Validates a credit code: wrong length or characters are invalid; failed checks are warnings. */
export function validateCreditCode(raw: string): CheckResult<CreditCodeInfo> {
  const code = raw.trim().replace(/\s+/g, '').toUpperCase();
  if (code.length !== 18) {
    return invalid([
      msg('uscc_length', `统一社会信用代码应为18位（现为${code.length}位）`, 'Must be 18 characters'),
    ]);
  }
  const bad = Array.from(code).filter((ch) => !CREDIT_CODE_CHARSET.includes(ch));
  if (bad.length > 0) {
    return invalid([
      msg(
        'uscc_charset',
        `含有不允许的字符：${[...new Set(bad)].join('')}（不使用 I、O、S、V、Z）`,
        'Contains characters outside the GB 32100 set',
      ),
    ]);
  }
  const info: CreditCodeInfo = {
    normalized: code,
    registrationAuthority: code.slice(0, 1),
    category: code.slice(1, 2),
    divisionCode: code.slice(2, 8),
    organizationCode: code.slice(8, 17),
  };
  const reasons: LawMessage[] = [];
  if (!/^\d{6}$/.test(info.divisionCode)) {
    reasons.push(
      msg('uscc_division', '第3–8位应为行政区划代码（数字）', 'Positions 3–8 should be a division code'),
    );
  }
  const orgExpected = organizationCodeCheckChar(info.organizationCode.slice(0, 8));
  if (info.organizationCode[8] !== orgExpected) {
    reasons.push(
      msg(
        'uscc_org_check',
        `内含组织机构代码校验位不符（应为 ${orgExpected}）`,
        `Embedded organisation code check fails (expected ${orgExpected})`,
      ),
    );
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    reasons.push(
      msg('uscc_check', `校验码不符（应为 ${expected}）`, `Check character fails (expected ${expected})`),
    );
  }
  return reasons.length === 0 ? valid(info) : warning(info, reasons);
}

/** Legacy 15-digit business registration number (注册号) for old records: format only. */
export function validateLegacyRegistrationNumber(raw: string): CheckResult<string> {
  const code = raw.trim();
  return /^[1-9]\d{14}$/.test(code)
    ? valid(code)
    : invalid([
        msg('regno_format', '旧版注册号应为15位数字且不以0开头', 'Must be 15 digits not starting with 0'),
      ]);
}
