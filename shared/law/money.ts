/**
 * Money is always an integer number of fen (分). This module formats fen for screens, parses what users
 * type, and writes the Chinese uppercase amount for documents following the PBOC 《支付结算办法》 annex
 * 《正确填写票据和结算凭证的基本规定》 (银发〔1997〕393号).
 */
import { msg, type LawMessage } from '#shared/law/messages';
import { err, ok, type Result } from '#shared/util/result';

/** An amount in fen; always a safe integer. */
export type Fen = number;

const group3 = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `123450 → '¥1,234.50'`, `-5 → '-¥0.05'`. A value that is not a safe integer shows as '—'. */
export function formatYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) return '—';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}¥${group3(String(yuan))}.${cents}`;
}

/** Full-width digits and punctuation typed with a Chinese IME become ASCII. */
const toHalfWidth = (s: string): string =>
  s.replace(/[\uFF10-\uFF19\uFF0C\uFF0E\uFF0D]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

export type ParseYuanOptions = { readonly allowNegative?: boolean };

/**
 * Parses yuan as typed (`'1,234.5'`, `'¥1234.50'`, `'１２３４．５'`) into fen without floating point.
 * Thousands separators must be well placed; more than two decimals is an error, never a silent rounding.
 */
export function parseYuanInput(text: string, options: ParseYuanOptions = {}): Result<Fen, LawMessage> {
  const s = toHalfWidth(text.trim())
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '');
  if (s === '') return err(msg('money_empty', '请输入金额', 'Enter an amount'));
  const m = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return err(msg('money_format', `金额格式不正确：${text}`, `Not an amount: ${text}`));
  const [, minus, intPart = '', decimals = ''] = m;
  if (minus && !options.allowNegative)
    return err(msg('money_negative', '金额不能为负数', 'Amount cannot be negative'));
  if (decimals.length > 2)
    return err(msg('money_decimals', '金额最多保留两位小数（分）', 'At most two decimals'));
  const fen = BigInt(intPart.replaceAll(',', '')) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER))
    return err(msg('money_too_large', '金额过大', 'Amount too large'));
  return ok(minus && fen !== 0n ? -Number(fen) : Number(fen));
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const IN_GROUP = ['', '拾', '佰', '仟'] as const;
const GROUPS = ['', '万', '亿', '万亿'] as const;

/**
 * Integer yuan in uppercase. A zero inside the number is written once as 零 (规定 四(一)(二)); zeros at the
 * end of a 4-digit group are not carried into the next group, so ¥107,000 is 壹拾万柒仟 (四(三), first
 * form), while a group starting with zeros gets one 零 (壹亿零壹万).
 */
function integerWords(yuan: number): string {
  const groups: number[] = [];
  for (let v = yuan; v > 0; v = Math.floor(v / 10000)) groups.push(v % 10000);
  let out = '';
  let zero = false;
  for (let g = groups.length - 1; g >= 0; g -= 1) {
    const value = groups[g] ?? 0;
    if (value === 0) {
      zero = out !== '';
      continue;
    }
    for (let pos = 3; pos >= 0; pos -= 1) {
      const d = Math.floor(value / 10 ** pos) % 10;
      if (d === 0) {
        if (out !== '') zero = zero || value % 10 ** pos !== 0;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += `${DIGITS[d] ?? ''}${IN_GROUP[pos] ?? ''}`;
    }
    out += GROUPS[g] ?? '';
    zero = false;
  }
  return out;
}

/**
 * `123450 → '人民币壹仟贰佰叁拾肆元伍角整'`. Conventions (规定 二–四): 整 after 元, and after 角 (optional
 * there, written here to prevent additions); nothing after 分; 元 followed by 零 when the 角 digit is 0 and
 * 分 is not (¥325.04 → 叁佰贰拾伍元零肆分) or when the units digit is 0 and 角 is not (¥1,680.32 →
 * 壹仟陆佰捌拾元零叁角贰分). Amounts under one yuan start at their first unit (人民币伍分); zero is 人民币零元整.
 */
export function toChineseUppercase(fen: Fen): Result<string, LawMessage> {
  if (!Number.isSafeInteger(fen))
    return err(msg('money_not_fen', '金额必须是整数分', 'Amount must be whole fen'));
  if (fen < 0) return err(msg('money_negative', '大写金额不能为负数', 'Uppercase amount cannot be negative'));
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cent = fen % 10;
  let out = '人民币';
  if (yuan > 0) {
    out += `${integerWords(yuan)}元`;
    if (jiao === 0 && cent === 0) return ok(`${out}整`);
    if (jiao === 0 || yuan % 10 === 0) out += '零';
  } else if (jiao === 0 && cent === 0) {
    return ok(`${out}零元整`);
  }
  if (jiao > 0) out += `${DIGITS[jiao] ?? ''}角`;
  out += cent > 0 ? `${DIGITS[cent] ?? ''}分` : '整';
  return ok(out);
}
