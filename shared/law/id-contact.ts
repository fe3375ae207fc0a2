/**
 * Passports, phone numbers and display masking (domain.md §4.4–4.5). Passport rules are format checks
 * only: no public check-digit algorithm exists for the number alone.
 */
import { invalid, msg, valid, type CheckResult } from '#shared/law/messages';

/**
 * Chinese ordinary passports: E + 8 digits (2012 e-passport), E + letter + 7 digits (after E-series ran
 * out), G + 8 digits (older); D/S/P + 7–8 digits for diplomatic, service and public-affairs passports.
 * Foreign passports: 5–17 letters or digits (ICAO 9303 allows up to 9 in the MRZ, some states issue longer).
 */
const CN_PASSPORT_RE = /^(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8}|[DSP]E?\d{7,8})$/;
const FOREIGN_PASSPORT_RE = /^[A-Z0-9]{5,17}$/;

export type PassportIssuer = 'CN' | 'foreign';

export function validatePassport(raw: string, issuer: PassportIssuer): CheckResult<string> {
  const value = raw.trim().replace(/\s+/g, '').toUpperCase();
  const re = issuer === 'CN' ? CN_PASSPORT_RE : FOREIGN_PASSPORT_RE;
  if (re.test(value)) return valid(value);
  return invalid([
    issuer === 'CN'
      ? msg(
          'passport_cn_format',
          '中国护照号码格式应为 E/G 加8位数字，或 E 加字母加7位数字',
          'Chinese passport: E/G + 8 digits or E + letter + 7 digits',
        )
      : msg('passport_format', '护照号码应为5–17位字母或数字', 'Passport: 5–17 letters or digits'),
  ]);
}

/** Mainland mobile: 11 digits starting 13–19; "+86"/"86" prefixes, spaces and hyphens are accepted. */
export function validateMobilePhone(raw: string): CheckResult<string> {
  const digits = raw
    .trim()
    .replace(/[\s-]/g, '')
    .replace(/^(?:\+?86)(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return valid(digits);
  return invalid([
    msg('mobile_format', '手机号码应为以1开头的11位数字（第二位3–9）', 'Mobile: 11 digits, 13x–19x'),
  ]);
}

/** Landline: area code 0xx/0xxx, optional hyphen, 7–8 digit number. */
export function validateLandline(raw: string): CheckResult<string> {
  const value = raw.trim().replace(/\s/g, '');
  if (/^0\d{2,3}-?\d{7,8}$/.test(value)) return valid(value);
  return invalid([
    msg('landline_format', '固定电话格式应为 区号-号码，如 0724-1234567', 'Landline: area code + 7–8 digits'),
  ]);
}

/**
 * Masks an ID number for lists (domain.md §4.5: `4205**********123X`): first 4 and last 4 characters kept,
 * every other character a star. Short values keep at most a third of their characters visible.
 */
export function maskIdNumber(raw: string): string {
  const value = raw.trim();
  if (value.length >= 12) return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
  const keep = Math.floor(value.length / 3);
  if (keep === 0) return '*'.repeat(value.length);
  return (
    value.slice(0, Math.ceil(keep / 2)) +
    '*'.repeat(value.length - keep) +
    value.slice(value.length - Math.floor(keep / 2))
  );
}

/** Masks a phone number as `138****5678`; other lengths keep the first 3 and last 4 when long enough. */
export function maskPhone(raw: string): string {
  const value = raw.trim().replace(/[\s-]/g, '');
  if (value.length < 8) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}
