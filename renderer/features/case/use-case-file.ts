/*
 * What every tab of the case file needs: the reduced state, its running deadlines (the bundled official
 * holiday calendar, today in China time), and a write that answers with a Chinese error or null.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { caseDeadlines, nextCaseDeadline, type CaseDeadline, type CaseState } from '#shared/case/index';
import type { HolidayCalendar } from '#shared/law/calendar';
import { useCaseState, useStore, useWrite } from '../../app/data-provider';
import { currentHolidayCalendar, subscribeHolidayCalendar } from '../../app/holiday-calendar';
import type { Draft } from '../../data/store';

/**
 * The app's calendar: bundled years plus those an administrator added (null if the build shipped a broken
 * one: deadlines show unknown).
 */
export function holidayCalendar(): HolidayCalendar | null {
  try {
    return currentHolidayCalendar();
  } catch {
    return null;
  }
}

export function deadlinesOf(state: CaseState, today: string): CaseDeadline[] {
  const cal = holidayCalendar();
  return cal ? caseDeadlines(state, cal, today) : [];
}

export function useDeadlines(state: CaseState | null | undefined) {
  const store = useStore();
  const today = store.today();
  // An administrator adding a year re-renders open case files with the deadlines it makes computable.
  const calendar = useSyncExternalStore(subscribeHolidayCalendar, currentHolidayCalendar);
  return useMemo(() => {
    const list = state ? caseDeadlines(state, calendar, today) : [];
    return { today, list, next: nextCaseDeadline(list) };
  }, [state, today, calendar]);
}

export function useCaseFile(caseId: string) {
  return useCaseState(caseId);
}

/** Records drafts; resolves to null when saved, or the message to show beside the form. */
export function useRecord() {
  const write = useWrite();
  return {
    pending: write.isPending,
    record: async (drafts: readonly Draft[]): Promise<string | null> => {
      const r = await write.mutateAsync(drafts);
      if (r.ok) return null;
      const fields = 'fields' in r.error ? r.error.fields.map((f) => `${f.field}: ${f.message}`) : [];
      return [r.error.message, ...fields].join('；');
    },
  };
}
