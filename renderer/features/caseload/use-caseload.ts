/*
 * The caseload's query state: the search term (debounced, so typing does not query on every key),
 * filters, and the ids that match, sorted by next deadline by the data layer. Ids only: summaries are
 * fetched by the table for the rows on screen.
 */
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DisputeCategory } from '#shared/domain/case-kinds';
import type { CaseStatus } from '#shared/case/status';
import { queryKeys, useStore } from '../../app/data-provider';
import type { CaseQuery } from '../../data/store';

export type DeadlineChip = 'all' | 'overdue' | 'due_soon';

export type CaseloadFilters = {
  search: string;
  deadline: DeadlineChip;
  status: CaseStatus | '';
  category: DisputeCategory | '';
  mine: boolean;
};

export const emptyFilters: CaseloadFilters = {
  search: '',
  deadline: 'all',
  status: '',
  category: '',
  mine: false,
};

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => {
      setV(value);
    }, ms);
    return () => {
      clearTimeout(id);
    };
  }, [value, ms]);
  return v;
}

/** The data-layer query for the filters (the store adds today's date). */
export function toQuery(f: CaseloadFilters, myUserId: string | null): Omit<CaseQuery, 'today'> {
  const search = f.search.trim();
  return {
    ...(search === '' ? {} : { search }),
    ...(f.status === '' ? {} : { statuses: [f.status] }),
    ...(f.category === '' ? {} : { categories: [f.category] }),
    ...(f.deadline === 'all' ? {} : { deadline: f.deadline }),
    ...(f.mine && myUserId ? { assigneeId: myUserId } : {}),
  };
}

export function useCaseIds(filters: CaseloadFilters, myUserId: string | null) {
  const store = useStore();
  const search = useDebounced(filters.search, 200);
  const q = toQuery({ ...filters, search }, myUserId);
  return useQuery({
    queryKey: [...queryKeys.caseload, 'ids', q],
    queryFn: () => store.queryCaseIds(q),
    placeholderData: keepPreviousData,
  });
}
