/**
 * Generators of valid-looking resident IDs and credit codes for test and demo data only. Deterministic
 * from the injected rng so fixtures are reproducible; never use them for real parties.
 */
import { parseIsoDate, type IsoDate } from '#shared/law/civil-date';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  organizationCodeCheckChar,
} from '#shared/law/id-credit-code';
import { residentIdCheckChar, type Sex } from '#shared/law/id-resident';
import { msg, type LawMessage } from '#shared/law/messages';
import { err, ok, type Result } from '#shared/util/result';

/** Returns a float in [0, 1), like Math.random; inject a seeded one in tests. */
export type Rng = () => number;

const pick = (rng: Rng, n: number): number => Math.min(n - 1, Math.floor(rng() * n));

/** A small seeded rng (mulberry32) so demo data is reproducible without a dependency. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type ResidentIdSpec = {
  readonly birth: IsoDate;
  readonly sex: Sex;
  /** 6-digit GB/T 2260 address code; default 420802 (湖北省荆门市东宝区). */
  readonly region?: string;
};

export function generateResidentId(rng: Rng, spec: ResidentIdSpec): Result<string, LawMessage> {
  const region = spec.region ?? '420802';
  if (!/^[1-9]\d{5}$/.test(region))
    return err(msg('gen_region', '地址码应为6位数字', 'Region must be 6 digits'));
  if (!parseIsoDate(spec.birth).ok)
    return err(msg('gen_birth', `出生日期无效：${spec.birth}`, 'Invalid birth date'));
  // Sequence 001–999; its last digit is odd for men and even for women (GB 11643-1999 §5.3).
  const half = pick(rng, 499);
  const seq = spec.sex === 'male' ? half * 2 + 1 : half * 2 + 2;
  const first17 = region + spec.birth.replaceAll('-', '') + String(seq).padStart(3, '0');
  return ok(first17 + residentIdCheckChar(first17));
}

export type CreditCodeSpec = {
  /** Registration authority and category, default '91' (市场监管 · 企业). */
  readonly prefix?: string;
  /** 6-digit division code, default 420800 (湖北省荆门市). */
  readonly division?: string;
};

/** Organisation-code body characters that also belong to the GB 32100 set. */
const BODY_CHARS = CREDIT_CODE_CHARSET;

export function generateCreditCode(rng: Rng, spec: CreditCodeSpec = {}): Result<string, LawMessage> {
  const prefix = spec.prefix ?? '91';
  const division = spec.division ?? '420800';
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}$/.test(prefix)) return err(msg('gen_prefix', '前两位无效', 'Invalid prefix'));
  if (!/^\d{6}$/.test(division))
    return err(msg('gen_division', '行政区划代码应为6位数字', 'Division must be 6 digits'));
  let body = '';
  for (let i = 0; i < 8; i += 1) body += BODY_CHARS[pick(rng, i === 0 ? 10 : BODY_CHARS.length)] ?? '0';
  const first17 = prefix + division + body + organizationCodeCheckChar(body);
  return ok(first17 + creditCodeCheckChar(first17));
}
