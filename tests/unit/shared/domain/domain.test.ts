import { describe, expect, it } from 'vitest';
import { CASE_KINDS } from '#shared/domain/case-kinds';
import { CLAIM_ITEMS, isMonetaryClaim } from '#shared/domain/claim-items';
import { CLOSURE_TYPES, CLOSURE_TYPES_BY_KIND } from '#shared/domain/closure-types';
import { FIVE_HEART_STAGES, FOUR_STEP_STAGES } from '#shared/domain/sessions';
import { SUSPENSION_GROUNDS } from '#shared/domain/organisation';

describe('domain vocabulary', () => {
  it('has the claim items of domain.md §4.3, with non-monetary ones marked', () => {
    expect(CLAIM_ITEMS).toHaveLength(19);
    expect(CLAIM_ITEMS.filter((c) => !isMonetaryClaim(c))).toEqual([
      'CONFIRM_LABOR_RELATION',
      'REINSTATEMENT',
    ]);
  });

  it('gives every case kind closure types drawn from the one list, with "other" available', () => {
    for (const kind of CASE_KINDS) {
      const allowed = CLOSURE_TYPES_BY_KIND[kind];
      expect(allowed.every((t) => CLOSURE_TYPES.includes(t))).toBe(true);
      expect(allowed).toContain('other');
    }
    const used = new Set(CASE_KINDS.flatMap((k) => CLOSURE_TYPES_BY_KIND[k]));
    expect(CLOSURE_TYPES.filter((t) => !used.has(t))).toEqual([]);
  });

  it('has five 五心 stages, four 四情四步 steps and the seven Rules 47 grounds', () => {
    expect([FIVE_HEART_STAGES.length, FOUR_STEP_STAGES.length, SUSPENSION_GROUNDS.length]).toEqual([5, 4, 7]);
  });
});
