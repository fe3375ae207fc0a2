import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  formatIsoDate,
  fromDayNumber,
  toDayNumber,
  weekday,
} from '#shared/law/civil-date';
import {
  generateCreditCode,
  generateResidentId,
  seededRng,
  validateCreditCode,
  validateResidentId,
} from '#shared/law/identifiers';
import { formatYuan, parseYuanInput, toChineseUppercase } from '#shared/law/money';

const day = fc.integer({
  min: toDayNumber({ year: 1900, month: 1, day: 1 }),
  max: toDayNumber({ year: 2200, month: 12, day: 31 }),
});
const isoOf = (n: number): string => formatIsoDate(fromDayNumber(n));

describe('properties (fast-check, fixed seed)', () => {
  const opts = { seed: 20261128, numRuns: 500 };
  it('formatYuan and parseYuanInput round-trip every amount in fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(parseYuanInput(formatYuan(fen))).toEqual({ ok: true, value: fen });
      }),
      opts,
    );
  });
  it('every non-negative amount has an uppercase form starting 人民币 and using only document characters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_99 }), (fen) => {
        const r = toChineseUppercase(fen);
        expect(r.ok && r.value).toMatch(/^人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
        if (fen > 0) expect(r.ok && r.value).not.toMatch(/零零|零[万亿元角分整]|[万亿]零[万亿]/);
      }),
      opts,
    );
  });
  it('day numbers round-trip, weekdays advance by one, months never overshoot the month', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), (n, k) => {
        const iso = isoOf(n);
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
        expect(weekday(addDays(iso, 1))).toBe((weekday(iso) + 1) % 7);
        expect(daysBetween(iso, addDays(iso, k))).toBe(k);
        const m = addMonths(iso, k);
        const months =
          (Number(m.slice(0, 4)) - Number(iso.slice(0, 4))) * 12 +
          Number(m.slice(5, 7)) -
          Number(iso.slice(5, 7));
        expect(months).toBe(k);
      }),
      opts,
    );
  });
  it('generated IDs and credit codes always validate', () => {
    fc.assert(
      fc.property(fc.integer(), day, fc.boolean(), (seed, n, male) => {
        const birth = isoOf(Math.min(n, toDayNumber({ year: 2009, month: 1, day: 1 })));
        const id = generateResidentId(seededRng(seed), { birth, sex: male ? 'male' : 'female' });
        expect(id.ok && validateResidentId(id.value, { today: '2026-11-28' }).status).toBe('valid');
        const code = generateCreditCode(seededRng(seed));
        expect(code.ok && validateCreditCode(code.value).status).toBe('valid');
      }),
      opts,
    );
  });
});
