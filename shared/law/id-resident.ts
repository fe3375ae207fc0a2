/**
 * Resident identity numbers (公民身份号码, GB 11643-1999) and the Hong Kong / Macao / Taiwan residence
 * permits that reuse the same layout (domain.md §4.4): 6-digit address code + YYYYMMDD birth date +
 * 3-digit sequence (odd = male, even = female) + ISO 7064 MOD 11-2 check character.
 */
import { daysBetween, parseIsoDate, type DateParts, type IsoDate } from '#shared/law/civil-date';
import { invalid, msg, valid, warning, type CheckResult, type LawMessage } from '#shared/law/messages';
import { err, ok, type Result } from '#shared/util/result';

/** W[i] = 2^(17−i) mod 11 (GB 11643-1999 §6.2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** GB/T 2260 province-level codes in resident IDs (71 Taiwan, 81 Hong Kong, 82 Macao appear in the table). */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42',
  '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]); // prettier-ignore

/** Residence-permit prefixes (domain.md §4.4): Hong Kong 810000, Macao 820000, Taiwan 830000. */
export const RESIDENCE_PERMIT_PREFIXES = { hongkong: '810000', macao: '820000', taiwan: '830000' } as const;
export type ResidencePermitRegion = keyof typeof RESIDENCE_PERMIT_PREFIXES;

export type Sex = 'male' | 'female';

/** What a valid resident ID tells us, to auto-fill the party form. */
export type ResidentIdInfo = {
  readonly normalized: string;
  readonly addressCode: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex;
  readonly ageYears: number;
  readonly minor: boolean;
};

/** The check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Completed years of age on `today` (a birthday on 02-29 is reached on 03-01 in common years). */
export function ageOn(birth: DateParts, today: DateParts): number {
  const before = today.month < birth.month || (today.month === birth.month && today.day < birth.day);
  return today.year - birth.year - (before ? 1 : 0);
}

const normalize = (raw: string): string => raw.trim().replace(/\s+/g, '').toUpperCase();

type Options = { readonly today: IsoDate };

function checkBody(id: string, today: IsoDate, reasons: LawMessage[]): ResidentIdInfo | null {
  if (!/^\d{17}[\dX]$/.test(id)) {
    reasons.push(
      msg(
        'id_format',
        '身份号码应为18位，前17位为数字，末位为数字或X',
        'Must be 17 digits plus a digit or X',
      ),
    );
    return null;
  }
  const birthText = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const birth = parseIsoDate(birthText);
  const now = parseIsoDate(today);
  if (!birth.ok || !now.ok) {
    reasons.push(
      msg('id_birth_invalid', `出生日期不存在：${birthText}`, `Birth date does not exist: ${birthText}`),
    );
    return null;
  }
  if (daysBetween(birthText, today) < 0) {
    reasons.push(
      msg('id_birth_future', `出生日期晚于今天：${birthText}`, `Birth date is in the future: ${birthText}`),
    );
    return null;
  }
  const expected = residentIdCheckChar(id.slice(0, 17));
  if (id[17] !== expected) {
    reasons.push(
      msg('id_check_digit', `校验位错误（应为 ${expected}）`, `Wrong check character (expected ${expected})`),
    );
    return null;
  }
  const age = ageOn(birth.value, now.value);
  const sex: Sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return {
    normalized: id,
    addressCode: id.slice(0, 6),
    birthDate: birthText,
    sex,
    ageYears: age,
    minor: age < 18,
  };
}

/**
 * Validates an 18-character resident ID. Under 16 is a warning, not a block: 劳动法 Art. 15 forbids
 * employing under-16s, and such a child can still be a party in a dispute.
 */
export function validateResidentId(raw: string, { today }: Options): CheckResult<ResidentIdInfo> {
  const id = normalize(raw);
  const reasons: LawMessage[] = [];
  const info = checkBody(id, today, reasons);
  if (!info) return invalid(reasons);
  if (Object.values(RESIDENCE_PERMIT_PREFIXES).some((prefix) => id.startsWith(prefix))) {
    return invalid([
      msg(
        'id_is_permit',
        '这是港澳台居民居住证号码，请选择证件类型“居住证”',
        'This is a residence-permit number',
      ),
    ]);
  }
  if (!PROVINCE_CODES.has(id.slice(0, 2))) {
    return invalid([
      msg('id_region', `地址码 ${id.slice(0, 6)} 不是有效的省级代码`, 'Unknown province code'),
    ]);
  }
  if (info.ageYears < 16) {
    return warning(info, [
      msg('id_under_16', `未满16周岁（${info.ageYears}岁）`, `Under 16 (${info.ageYears})`),
    ]);
  }
  return valid(info);
}

/** Validates a Hong Kong/Macao/Taiwan residence permit (居住证): fixed prefix, same check algorithm. */
export function validateResidencePermit(
  raw: string,
  { today }: Options,
): CheckResult<ResidentIdInfo & { readonly region: ResidencePermitRegion }> {
  const id = normalize(raw);
  const reasons: LawMessage[] = [];
  const info = checkBody(id, today, reasons);
  if (!info) return invalid(reasons);
  const entry = Object.entries(RESIDENCE_PERMIT_PREFIXES).find(([, prefix]) => id.startsWith(prefix));
  if (!entry) {
    return invalid([
      msg(
        'permit_prefix',
        '居住证号码应以 810000、820000 或 830000 开头',
        'Must start with 810000, 820000 or 830000',
      ),
    ]);
  }
  return valid({ ...info, region: entry[0] as ResidencePermitRegion });
}

/**
 * Converts a legacy 15-digit ID (6 address + YYMMDD + 3 sequence) to 18 digits by inserting "19" and
 * computing the check character (GB 11643-1999 replaced GB 11643-1989 numbers this way).
 */
export function convertResidentId15To18(raw: string): Result<string, LawMessage> {
  const id = normalize(raw);
  if (!/^\d{15}$/.test(id)) return err(msg('id15_format', '15位身份号码应全部为数字', 'Must be 15 digits'));
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  const birthText = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  if (!parseIsoDate(birthText).ok) {
    return err(
      msg('id_birth_invalid', `出生日期不存在：${birthText}`, `Birth date does not exist: ${birthText}`),
    );
  }
  return ok(first17 + residentIdCheckChar(first17));
}
