/**
 * Pure deadline computation (domain.md §1.13–1.14, §10). The day of the trigger is not counted; days in a
 * suspension or public-notice pause are not counted for rules that allow it (Rules Art. 46; LDMAL Art. 27);
 * approved extensions are added within the legal cap; a last day that is a rest day or holiday moves to the
 * next working day. When the calendar lacks a year the answer is an error naming it, never a guess.
 * Restarts (Rules Art. 46: a party added, claims changed…) are a new trigger chosen by the caller.
 */
import { addDays, addMonths, daysBetween, isIsoDate, type IsoDate } from '#shared/law/civil-date';
import {
  isWorkingDay,
  rollToWorkingDay,
  type CalendarError,
  type HolidayCalendar,
} from '#shared/law/calendar';
import type { DeadlineRule, DeadlineUnit } from '#shared/law/deadline-rules';
import { msg } from '#shared/law/messages';
import { assertNever } from '#shared/util/assert-never';
import { err, ok, type Result } from '#shared/util/result';

/** Days `from`..`to` (inclusive) during which the clock stands still. */
export type DeadlinePause = {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly kind: 'suspension' | 'public_notice' | 'other';
};

/** An approved extension in days. */
export type DeadlineExtension = {
  readonly days: number;
  readonly approvedOn?: IsoDate;
  readonly approvedBy?: string;
};

export type DeadlineResult = {
  readonly ruleId: string;
  readonly basis: string;
  readonly trigger: IsoDate;
  /** The last day, after rolling off rest days. */
  readonly due: IsoDate;
  /** The last day before rolling. */
  readonly nominalDue: IsoDate;
  readonly rolled: boolean;
  readonly pausedDays: number;
  readonly extensionDays: number;
  /** True when pauses were given but the rule's clock cannot be paused. */
  readonly pausesIgnored: boolean;
  readonly alertOn?: IsoDate;
};

export type DeadlineError = CalendarError;

const badInput = (zh: string, en: string): DeadlineError => msg('deadline_input', zh, en);

function checkInputs(
  rule: DeadlineRule,
  trigger: IsoDate,
  pauses: readonly DeadlinePause[],
  extensions: readonly DeadlineExtension[],
): DeadlineError | null {
  if (!isIsoDate(trigger)) return badInput(`起算日期无效：${trigger}`, `Invalid trigger date: ${trigger}`);
  for (const p of pauses) {
    if (!isIsoDate(p.from) || !isIsoDate(p.to) || p.to < p.from) {
      return badInput(`中止期间无效：${p.from} 至 ${p.to}`, `Invalid pause ${p.from}..${p.to}`);
    }
  }
  if (extensions.length === 0) return null;
  const cap = rule.extension;
  if (!cap)
    return msg(
      'deadline_no_extension',
      `「${rule.nameZh}」依法不能延长`,
      `${rule.nameEn} cannot be extended`,
    );
  if (extensions.some((e) => !Number.isInteger(e.days) || e.days <= 0)) {
    return badInput('延长天数应为正整数', 'Extension days must be a positive integer');
  }
  const total = extensions.reduce((s, e) => s + e.days, 0);
  if (extensions.length > cap.maxCount || total > cap.maxTotalDays) {
    return msg(
      'deadline_extension_cap',
      `「${rule.nameZh}」最多延长 ${cap.maxCount} 次、共 ${cap.maxTotalDays} 日（${rule.basis}），现为 ${extensions.length} 次、${total} 日`,
      `At most ${cap.maxCount} extension(s) totalling ${cap.maxTotalDays} days`,
    );
  }
  return null;
}

const inPause = (day: IsoDate, pauses: readonly DeadlinePause[]): boolean =>
  pauses.some((p) => day >= p.from && day <= p.to);

/** Steps `count` counted days from `start` in `step` direction; working-day units consult the calendar. */
function countDays(
  start: IsoDate,
  count: number,
  step: 1 | -1,
  workingOnly: boolean,
  pauses: readonly DeadlinePause[],
  calendar: HolidayCalendar,
): Result<{ end: IsoDate; paused: number }, DeadlineError> {
  let day = start;
  let counted = 0;
  let paused = 0;
  while (counted < count) {
    day = addDays(day, step);
    if (inPause(day, pauses)) {
      paused += 1;
      continue;
    }
    if (workingOnly) {
      const working = isWorkingDay(day, calendar);
      if (!working.ok) return working;
      if (!working.value) continue;
    }
    counted += 1;
  }
  return ok({ end: day, paused });
}

/** Calendar days the period spans before pauses (months and years per 民法典 Art. 202). */
function spanInDays(unit: DeadlineUnit, length: number, trigger: IsoDate, extra: number): number {
  switch (unit) {
    case 'calendar_day':
    case 'working_day':
      return length + extra;
    case 'month':
      return daysBetween(trigger, addMonths(trigger, length)) + extra;
    case 'year':
      return daysBetween(trigger, addMonths(trigger, 12 * length)) + extra;
    default:
      return assertNever(unit, 'deadline unit');
  }
}

/**
 * Computes the last day of `rule` counted from `trigger`. For 'before' rules (hearing notice), the result
 * is the latest day, counted back from the trigger, on which the act is still in time.
 */
export function computeDeadline(
  rule: DeadlineRule,
  trigger: IsoDate,
  calendar: HolidayCalendar,
  pauses: readonly DeadlinePause[] = [],
  extensions: readonly DeadlineExtension[] = [],
): Result<DeadlineResult, DeadlineError> {
  const problem = checkInputs(rule, trigger, pauses, extensions);
  if (problem) return err(problem);
  const applied = rule.pausable ? pauses : [];
  const extensionDays = extensions.reduce((s, e) => s + e.days, 0);
  const span = spanInDays(rule.unit, rule.length, trigger, extensionDays);
  const step = rule.direction === 'after' ? 1 : -1;
  const counted = countDays(trigger, span, step, rule.unit === 'working_day', applied, calendar);
  if (!counted.ok) return counted;
  const nominalDue = counted.value.end;
  let due = nominalDue;
  if (rule.rollToWorkingDay && rule.direction === 'after') {
    const rolled = rollToWorkingDay(nominalDue, calendar);
    if (!rolled.ok) return rolled;
    due = rolled.value;
  }
  return ok({
    ruleId: rule.id,
    basis: rule.basis,
    trigger,
    due,
    nominalDue,
    rolled: due !== nominalDue,
    pausedDays: counted.value.paused,
    extensionDays,
    pausesIgnored: !rule.pausable && pauses.length > 0,
    ...(rule.alertAtDay === undefined ? {} : { alertOn: addDays(trigger, rule.alertAtDay) }),
  });
}

export type DeadlineState = 'overdue' | 'due_soon' | 'running';

/** How close `due` is on `today`: overdue after the due day, due_soon within `soonDays` (3) calendar days. */
export function deadlineState(
  due: IsoDate,
  today: IsoDate,
  soonDays = 3,
): Result<{ readonly state: DeadlineState; readonly daysRemaining: number }, DeadlineError> {
  if (!isIsoDate(due) || !isIsoDate(today))
    return err(badInput(`日期无效：${due} / ${today}`, 'Invalid date'));
  const daysRemaining = daysBetween(today, due);
  const state: DeadlineState =
    daysRemaining < 0 ? 'overdue' : daysRemaining <= soonDays ? 'due_soon' : 'running';
  return ok({ state, daysRemaining });
}
