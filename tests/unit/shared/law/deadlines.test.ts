import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '#shared/law/calendar';
import { DEADLINE_RULES, type DeadlineRuleId } from '#shared/law/deadline-rules';
import { computeDeadline, deadlineState, type DeadlinePause } from '#shared/law/deadlines';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';

const loaded = bundledHolidayCalendar();
if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
const cal: HolidayCalendar = loaded.value;

const due = (
  id: DeadlineRuleId,
  trigger: string,
  pauses: DeadlinePause[] = [],
  ext: number[] = [],
): string => {
  const r = computeDeadline(
    DEADLINE_RULES[id],
    trigger,
    cal,
    pauses,
    ext.map((days) => ({ days })),
  );
  return r.ok ? r.value.due : `ERR ${r.error.code}${r.error.missingYear ? ` ${r.error.missingYear}` : ''}`;
};

/**
 * One worked example per rule of domain.md §1.14, each hand-counted against the 2025/2026 State Council
 * calendars (国办发明电〔2024〕12号 and the 2025-11-04 notice). The trigger day itself is never counted.
 */
const WORKED: Record<DeadlineRuleId, [title: string, trigger: string, expected: string]> = {
  limitation: ['LDMAL 27: +1 year, 2026-10-01 is 国庆 → 10-08', '2025-10-01', '2026-10-08'],
  limitationWageAfterTermination: ['LDMAL 27(4): 1 year after termination, Tue', '2025-06-30', '2026-06-30'],
  mediationPeriod: ['LDMAL 14: 09-17 + 15 = 10-02 (国庆) → 10-09', '2025-09-17', '2025-10-09'],
  arbitralReviewApplication: ['Rules 74: 02-06 + 15 = 02-21 (春节) → 02-24', '2026-02-06', '2026-02-24'],
  judicialConfirmationApplication: ['人民调解法 33: 12-01 + 30 = 12-31 Wed', '2025-12-01', '2025-12-31'],
  judicialConfirmationAcceptance: [
    '法释〔2011〕5号 4: 09-30 + 3 = 10-03 (国庆) → 10-09',
    '2025-09-30',
    '2025-10-09',
  ],
  judicialConfirmationDecision: ['法释〔2011〕5号 5: 06-01 + 15 = 06-16 Tue', '2026-06-01', '2026-06-16'],
  // Fri 09-26 → Sun 09-28 (make-up) 1, 09-29 2, 09-30 3, 10-01..08 off, 10-09 4, 10-10 5.
  arbitrationAcceptance: [
    'LDMAL 29: 5 working days across 国庆 with a make-up Sunday',
    '2025-09-26',
    '2025-10-10',
  ],
  // Fri 02-13 → Sat 02-14 (make-up) 1, 02-15..23 off, 02-24 2, 25 3, 26 4, 27 5.
  serveApplicationCopy: ['LDMAL 30: 5 working days across 春节', '2026-02-13', '2026-02-27'],
  // Wed 2025-12-31 → 01-01..03 off, Sun 01-04 (make-up) 1, 05 2, 06 3, 07 4, 08 5.
  notifyTribunal: ['LDMAL 32: 5 working days across 元旦', '2025-12-31', '2026-01-08'],
  // Wed 04-30 → 05-01..05 off; 05-06..09 = 4, 05-12..16 = 9, Mon 05-19 = 10.
  defenceDue: ['LDMAL 30: 10 working days across 劳动节', '2025-04-30', '2025-05-19'],
  // Wed 09-30 → 10-01..07 off; 10-08 1, 10-09 2, Sat 10-10 (make-up) 3, 10-12 4, 10-13 5.
  serveDefence: ['LDMAL 30: 5 working days with a make-up Saturday', '2026-09-30', '2026-10-13'],
  // Hearing Thu 10-09 ← 10-01..08 off; 09-30 1, 09-29 2, Sun 09-28 (make-up) 3, 09-26 4, 09-25 5.
  hearingNotice: ['LDMAL 35: notice 5 working days before the hearing', '2025-10-09', '2025-09-25'],
  // Hearing Tue 02-24 ← 02-15..23 off; Sat 02-14 (make-up) 1, 02-13 2, 02-12 3.
  postponementRequest: [
    'LDMAL 35: postponement 3 working days before the hearing',
    '2026-02-24',
    '2026-02-12',
  ],
  // 08-20 + 45: 11 days to 08-31, 30 to 09-30 (41), 4 more = 10-04 (国庆) → 10-09.
  awardTimeLimit: ['LDMAL 43: 45 calendar days ending in 国庆 → 10-09', '2025-08-20', '2025-10-09'],
  sueAfterNonFinalAward: ['LDMAL 50: 09-16 + 15 = 10-01 (国庆) → 10-08', '2026-09-16', '2026-10-08'],
  finalAwardWorkerSue: ['LDMAL 48: 03-21 + 15 = 04-05 (清明) → 04-07', '2026-03-21', '2026-04-07'],
  finalAwardEmployerRevoke: ['LDMAL 49: 03-21 + 30 = 04-20 Mon', '2026-03-21', '2026-04-20'],
  enforcementApplication: ['CPL (reported): 2 years, Tue', '2024-06-30', '2026-06-30'],
  injuryDeterminationEmployer: ['工伤条例 17: 05-01 + 30 = 05-31 Sun → 06-01', '2026-05-01', '2026-06-01'],
  injuryDeterminationWorker: ['工伤条例 17: 1 year to Sun 05-31 → 06-01', '2025-05-31', '2026-06-01'],
  // 08-02 + 60: 29 to 08-31, 30 to 09-30 (59), 10-01 (国庆) → 10-09.
  injuryDeterminationDecision: ['工伤条例 20: 60 days ending in 国庆', '2025-08-02', '2025-10-09'],
  injuryDeterminationDecisionClear: [
    '工伤条例 20: 06-04 + 15 = 06-19 (端午) → 06-22',
    '2026-06-04',
    '2026-06-22',
  ],
  blacklistListing: ['暂行办法: 3 years, no roll and no calendar needed', '2025-03-15', '2028-03-15'],
  blacklistEarlyRemoval: ['暂行办法: 6 months, 08-31 → 02-28 (民法典 202)', '2025-08-31', '2026-02-28'],
};

describe('every rule of the §1.14 table has a worked example', () => {
  it('covers the whole table', () => {
    expect(Object.keys(WORKED).sort()).toEqual(Object.keys(DEADLINE_RULES).sort());
  });
  it.each(Object.entries(WORKED))('%s — %s', (id, [, trigger, expected]) => {
    expect(due(id as DeadlineRuleId, trigger)).toBe(expected);
  });
});

describe('counting details', () => {
  it('LDMAL 27 year period: Feb 29 has no corresponding day, so Feb 28 (民法典 Art. 202)', () => {
    expect(due('limitation', '2024-02-29')).toBe('2025-02-28');
  });
  it('LDMAL 27 suspension pauses the limitation clock (10 days → +10)', () => {
    expect(due('limitation', '2025-03-10')).toBe('2026-03-10');
    expect(
      due('limitation', '2025-03-10', [{ from: '2025-06-01', to: '2025-06-10', kind: 'suspension' }]),
    ).toBe('2026-03-20');
  });
  it('Rules 46: suspension and public-notice days are not counted in the 45-day award limit', () => {
    // 09-01 + 45 = 10-16 Thu; with 20 paused days: 09-01 + 65 = 11-05 Wed.
    const pauses: DeadlinePause[] = [
      { from: '2025-09-10', to: '2025-09-19', kind: 'suspension' },
      { from: '2025-09-20', to: '2025-09-29', kind: 'public_notice' },
    ];
    expect(due('awardTimeLimit', '2025-09-01')).toBe('2025-10-16');
    const r = computeDeadline(DEADLINE_RULES.awardTimeLimit, '2025-09-01', cal, pauses);
    expect(r).toMatchObject({ ok: true, value: { due: '2025-11-05', pausedDays: 20, rolled: false } });
  });
  it('pause days before the trigger do not count; a pause reaching past the trigger counts only after it', () => {
    expect(
      due('awardTimeLimit', '2025-09-01', [{ from: '2025-08-01', to: '2025-08-31', kind: 'suspension' }]),
    ).toBe('2025-10-16');
    expect(
      due('awardTimeLimit', '2025-09-01', [{ from: '2025-08-25', to: '2025-09-03', kind: 'suspension' }]),
    ).toBe('2025-10-20');
  });
  it('LDMAL 43 / Rules 45: one approved extension of up to 15 days', () => {
    expect(due('awardTimeLimit', '2025-09-01', [], [15])).toBe('2025-10-31');
    expect(due('awardTimeLimit', '2025-09-01', [], [16])).toBe('ERR deadline_extension_cap');
    expect(due('awardTimeLimit', '2025-09-01', [], [5, 5])).toBe('ERR deadline_extension_cap');
    expect(due('awardTimeLimit', '2025-09-01', [], [0])).toBe('ERR deadline_input');
  });
  it('法释〔2011〕5号 Art. 5: confirmation decision may be extended by 10 days once', () => {
    expect(due('judicialConfirmationDecision', '2026-06-01', [], [10])).toBe('2026-06-26');
    expect(due('judicialConfirmationDecision', '2026-06-01', [], [11])).toBe('ERR deadline_extension_cap');
  });
  it('rules the law does not let extend refuse extensions (LDMAL 14 mediation period)', () => {
    expect(due('mediationPeriod', '2025-09-17', [], [5])).toBe('ERR deadline_no_extension');
  });
  it('pauses given to a rule that cannot pause are ignored and reported', () => {
    const r = computeDeadline(DEADLINE_RULES.mediationPeriod, '2025-09-17', cal, [
      { from: '2025-09-20', to: '2025-09-25', kind: 'other' },
    ]);
    expect(r).toMatchObject({ ok: true, value: { due: '2025-10-09', pausesIgnored: true, pausedDays: 0 } });
  });
  it('LDMAL 14: the mediation alert falls on day 10 and the roll is reported', () => {
    const r = computeDeadline(DEADLINE_RULES.mediationPeriod, '2025-09-17', cal);
    expect(r).toMatchObject({
      ok: true,
      value: { alertOn: '2025-09-27', nominalDue: '2025-10-02', rolled: true },
    });
  });
  it('a missing calendar year is an error naming it, for the roll and for working-day counting', () => {
    expect(due('limitation', '2026-03-10')).toBe('ERR calendar_year_missing 2027');
    expect(due('enforcementApplication', '2025-06-30')).toBe('ERR calendar_year_missing 2027');
    expect(due('notifyTribunal', '2026-12-28')).toBe('ERR calendar_year_missing 2027');
    expect(due('hearingNotice', '2025-01-03')).toBe('ERR calendar_year_missing 2024');
  });
  it('invalid trigger or pause dates are refused', () => {
    expect(due('limitation', '2025-02-30')).toBe('ERR deadline_input');
    expect(
      due('limitation', '2025-03-01', [{ from: '2025-05-02', to: '2025-05-01', kind: 'suspension' }]),
    ).toBe('ERR deadline_input');
  });
});

describe('rule table', () => {
  it('every rule has a Chinese name, a basis citing its instrument and a positive length', () => {
    for (const rule of Object.values(DEADLINE_RULES)) {
      expect(rule.nameZh.length).toBeGreaterThan(0);
      expect(rule.basis).toMatch(/《|法释/);
      expect(rule.length).toBeGreaterThan(0);
    }
  });
  it('arbitration 3/5/10-day steps are working days, 15/45-day periods calendar days (§1.13)', () => {
    expect(DEADLINE_RULES.arbitrationAcceptance.unit).toBe('working_day');
    expect(DEADLINE_RULES.defenceDue.unit).toBe('working_day');
    expect(DEADLINE_RULES.awardTimeLimit.unit).toBe('calendar_day');
    expect(DEADLINE_RULES.sueAfterNonFinalAward.unit).toBe('calendar_day');
  });
});

describe('deadlineState', () => {
  it.each([
    ['2026-03-10', '2026-03-11', 'overdue', -1],
    ['2026-03-10', '2026-03-10', 'due_soon', 0],
    ['2026-03-10', '2026-03-07', 'due_soon', 3],
    ['2026-03-10', '2026-03-06', 'running', 4],
  ])('due %s on %s → %s (%i days left)', (d, today, state, left) => {
    expect(deadlineState(d, today)).toEqual({ ok: true, value: { state, daysRemaining: left } });
  });
  it('refuses invalid dates', () => {
    expect(deadlineState('2026-13-01', '2026-01-01').ok).toBe(false);
  });
});
