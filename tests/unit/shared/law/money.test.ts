import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuanInput, toChineseUppercase } from '#shared/law/money';

const upper = (fen: number): string => {
  const r = toChineseUppercase(fen);
  return r.ok ? r.value : `ERR ${r.error.code}`;
};

describe('formatYuan', () => {
  it('groups thousands and always shows two decimals', () => {
    expect(formatYuan(123450)).toBe('¥1,234.50');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(100000000000)).toBe('¥1,000,000,000.00');
  });
  it('puts the minus sign before the currency sign', () => {
    expect(formatYuan(-123450)).toBe('-¥1,234.50');
    expect(formatYuan(-5)).toBe('-¥0.05');
  });
  it('shows a dash for a value that is not integer fen instead of a wrong figure', () => {
    expect(formatYuan(1.5)).toBe('—');
    expect(formatYuan(Number.NaN)).toBe('—');
  });
});

describe('parseYuanInput', () => {
  it.each([
    ['1,234.5', 123450],
    ['1234.50', 123450],
    ['¥1,234.50', 123450],
    ['￥ 88', 8800],
    ['１２３４．５', 123450],
    ['0.05', 5],
    ['12.', 1200],
    ['3000元', 300000],
    ['1,000,000', 100000000],
  ])('%s → %i fen', (text, fen) => {
    expect(parseYuanInput(text)).toEqual({ ok: true, value: fen });
  });
  it.each([
    ['', 'money_empty'],
    ['abc', 'money_format'],
    ['1,23', 'money_format'],
    ['12,3456', 'money_format'],
    ['1.234', 'money_decimals'],
    ['-5', 'money_negative'],
    ['1e5', 'money_format'],
    ['99999999999999999', 'money_too_large'],
  ])('%s is refused with %s', (text, code) => {
    const r = parseYuanInput(text);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });
  it('accepts negatives only when asked (e.g. corrections)', () => {
    expect(parseYuanInput('-1,234.5', { allowNegative: true })).toEqual({ ok: true, value: -123450 });
  });
  it('never loses a fen to floating point', () => {
    expect(parseYuanInput('0.29')).toEqual({ ok: true, value: 29 });
    expect(parseYuanInput('1.15')).toEqual({ ok: true, value: 115 });
    expect(parseYuanInput('90071992547409.91')).toEqual({ ok: true, value: 9007199254740991 });
  });
});

describe('toChineseUppercase (PBOC 正确填写票据和结算凭证的基本规定)', () => {
  it('whole yuan end with 整 and 角 is followed by 整 (规定 二)', () => {
    expect(upper(123450)).toBe('人民币壹仟贰佰叁拾肆元伍角整');
    expect(upper(100)).toBe('人民币壹元整');
    expect(upper(1000)).toBe('人民币壹拾元整');
    expect(upper(1500)).toBe('人民币壹拾伍元整');
  });
  it('nothing after 分 (规定 二)', () => {
    expect(upper(123456)).toBe('人民币壹仟贰佰叁拾肆元伍角陆分');
  });
  it('a zero in the middle is written 零 once (规定 四(一)(二): ¥1,409.50, ¥6,007.14)', () => {
    expect(upper(140950)).toBe('人民币壹仟肆佰零玖元伍角整');
    expect(upper(600714)).toBe('人民币陆仟零柒元壹角肆分');
    expect(upper(100101)).toBe('人民币壹仟零壹元零壹分');
  });
  it('units digit 0 with 角 not 0: 元零 (规定 四(三): ¥1,680.32, ¥107,000.53 first form)', () => {
    expect(upper(168032)).toBe('人民币壹仟陆佰捌拾元零叁角贰分');
    expect(upper(10700053)).toBe('人民币壹拾万柒仟元零伍角叁分');
  });
  it('角 0 with 分 not 0: 元零 (规定 四(四): ¥16,409.02, ¥325.04)', () => {
    expect(upper(1640902)).toBe('人民币壹万陆仟肆佰零玖元零贰分');
    expect(upper(32504)).toBe('人民币叁佰贰拾伍元零肆分');
  });
  it('万 and 亿 boundaries', () => {
    expect(upper(1000000)).toBe('人民币壹万元整');
    expect(upper(10000000000)).toBe('人民币壹亿元整');
    expect(upper(10001000000)).toBe('人民币壹亿零壹万元整');
    expect(upper(100000000100)).toBe('人民币壹拾亿零壹元整');
    expect(upper(1000100)).toBe('人民币壹万零壹元整');
    expect(upper(1010000000)).toBe('人民币壹仟零壹拾万元整');
    expect(upper(12345678900)).toBe('人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整');
    expect(upper(2000000000000000)).toBe('人民币贰拾万亿元整');
  });
  it('amounts under one yuan and zero', () => {
    expect(upper(5)).toBe('人民币伍分');
    expect(upper(50)).toBe('人民币伍角整');
    expect(upper(55)).toBe('人民币伍角伍分');
    expect(upper(0)).toBe('人民币零元整');
  });
  it('refuses negatives and non-integer fen', () => {
    expect(upper(-1)).toBe('ERR money_negative');
    expect(upper(1.5)).toBe('ERR money_not_fen');
  });
});
