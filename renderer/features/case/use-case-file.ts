/*
 * What every tab of the case file needs: the reduced state, its running deadlines (the bundled official
 * holiday calendar, today in China time), and a write that answers with a Chinese error or null.
 */
import { useMemo } from 'react';
import { caseDeadlines, nextCaseDeadline, type CaseDeadline, type CaseState } from '#shared/case/index';
import { bundledHolidayCalendar } from '#shared/law/bundled-data';
import type { HolidayCalendar } from '#shared/law/calendar';
import { useCaseState, useStore, useWrite } from '../../app/data-provider';
import type { Draft } from '../../data/store';

let calendar: HolidayCalendar | null | undefined;
/** The bundled calendar, parsed once (null if the build shipped a broken one: deadlines show unknown). */
export function holidayCalendar(): HolidayCalendar | null {
  if (calendar === undefined) {
    const c = bundledHolidayCalendar();
    calendar = c.ok ? c.value : null;
  }
  return calendar;
}

export function deadlinesOf(state: CaseState, today: string): CaseDeadline[] {
  const cal = holidayCalendar();
  return cal ? caseDeadlines(state, cal, today) : [];
}

export function useDeadlines(state: CaseState | null | undefined) {
  const store = useStore();
  const today = store.today();
  return useMemo(() => {
    const list = state ? deadlinesOf(state, today) : [];
    return { today, list, next: nextCaseDeadline(list) };
  }, [state, today]);
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
