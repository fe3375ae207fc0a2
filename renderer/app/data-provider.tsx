/*
 * The data store in React: one TribunalStore per app (opened at boot, after unlock once #8 lands), the
 * enrolled author, and the hooks screens use. Reads are TanStack queries keyed by case; a write is a
 * mutation that reports its save state to the top bar and refreshes what it touched.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { upgradeCaseState, type CaseState } from '#shared/case/index';
import type { CaseEvent } from '#shared/events/envelope';
import type { Result } from '#shared/util/result';
import type { Author, CaseStateList, CaseSummary, Draft, TribunalStore, WriteError } from '../data/store';
import { reportSaveState, saveStateStore } from '../stores/save-state';

type DataValue = { store: TribunalStore };
const DataContext = createContext<DataValue | null>(null);

export function DataProvider({ store, children }: { store: TribunalStore; children: ReactNode }) {
  return <DataContext.Provider value={{ store }}>{children}</DataContext.Provider>;
}

/** The store; throws only when a screen is rendered outside DataProvider (a programming error). */
export function useStore(): TribunalStore {
  const v = useContext(DataContext);
  if (!v) throw new Error('useStore outside DataProvider');
  return v.store;
}

export const queryKeys = {
  author: ['author'] as const,
  case: (caseId: string) => ['case', caseId] as const,
  caseEvents: (caseId: string) => ['case', caseId, 'events'] as const,
  caseload: ['caseload'] as const,
  allStates: ['caseload', 'states'] as const,
  outbox: ['outbox'] as const,
};

/** The enrolled user on this device (null before enrollment). */
export function useAuthor(): UseQueryResult<Author | null> {
  const store = useStore();
  return useQuery({ queryKey: queryKeys.author, queryFn: () => store.author() });
}

export function useCaseState(caseId: string): UseQueryResult<CaseState | null> {
  const store = useStore();
  return useQuery({
    queryKey: queryKeys.case(caseId),
    // A state stored by an older reducer may lack newer fields (shared/case/upgrade.ts).
    queryFn: async () => {
      const s = await store.caseState(caseId);
      return s === null ? null : upgradeCaseState(s);
    },
  });
}

export function useCaseEvents(caseId: string): UseQueryResult<CaseEvent[]> {
  const store = useStore();
  return useQuery({
    queryKey: queryKeys.caseEvents(caseId),
    queryFn: async () => {
      const r = await store.caseEvents(caseId);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
  });
}

export function useCaseSummaries(ids: readonly string[]): UseQueryResult<CaseSummary[]> {
  const store = useStore();
  return useQuery({
    queryKey: [...queryKeys.caseload, 'summaries', ids],
    queryFn: () => store.summaries(ids),
  });
}

/** Every stored case state that opens; `data.unreadable` names each one that does not (#8). */
export function useAllCaseStates(): UseQueryResult<CaseStateList> {
  const store = useStore();
  return useQuery({
    queryKey: queryKeys.allStates,
    queryFn: async () => {
      const all = await store.allCaseStates();
      return Object.assign(all.map(upgradeCaseState), { unreadable: all.unreadable });
    },
  });
}

export type WriteOutcome = Result<CaseEvent[], WriteError | { code: 'not_enrolled'; message: string }>;

/**
 * Records drafts as the enrolled user. Resolves (never rejects) with the outcome; the top bar shows
 * 保存中 → 已保存到本机, or 保存失败 when the disk refused it (an invalid draft leaves the state as it
 * was); the error is the caller's to show.
 */
export function useWrite() {
  const store = useStore();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (drafts: readonly Draft[]): Promise<WriteOutcome> => {
      const author = await store.author();
      if (!author)
        return { ok: false, error: { code: 'not_enrolled', message: '本设备尚未登记，不能记录案件' } };
      const before = saveStateStore.getState().current;
      reportSaveState('saving');
      const r = await store.write(author, drafts);
      // A draft refused by validation changed nothing, so the record on screen is as it was; a write the
      // journal or IndexedDB failed is shown as failed, never as saved (#4 part 5).
      reportSaveState(r.ok ? 'saved-local' : r.error.code === 'invalid_event' ? before : 'save-failed');
      return r;
    },
    onSuccess: async (r, drafts) => {
      if (!r.ok) return;
      const touched = new Set(drafts.map((d) => d.caseId));
      await Promise.all([
        ...[...touched].map((id) => client.invalidateQueries({ queryKey: queryKeys.case(id) })),
        client.invalidateQueries({ queryKey: queryKeys.caseload }),
        client.invalidateQueries({ queryKey: queryKeys.outbox }),
      ]);
    },
  });
}
