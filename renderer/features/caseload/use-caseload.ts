/*
 * The caseload's query state: the search term (debounced, so typing does not query on every key),
 * filters, and the list in pages: each page is one window of ids (sorted by next deadline by the data
 * layer, which also counts the matches) with their summaries. The table asks only for the pages on
 * screen, so 100,000 cases never load at once.
 */
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DisputeCategory } from '#shared/domain/case-kinds';
import type { CaseStatus } from '#shared/case/status';
import { queryKeys, useStore } from '../../app/data-provider';
import type { CaseQuery, CaseSummary } from '../../data/store';

export type DeadlineChip = 'all' | 'overdue' | 'due_soon';

export type CaseloadFilters = {
  search: string;
  deadline: DeadlineChip;
  status: CaseStatus | '';
  category: DisputeCategory | '';
  mine: boolean;
  /** Only cases the hub does not have all of yet. */
  unsynced: boolean;
};

export const emptyFilters: CaseloadFilters = {
  search: '',
  deadline: 'all',
  status: '',
  category: '',
  mine: false,
  unsynced: false,
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
    ...(f.unsynced ? { unsynced: true } : {}),
  };
}

/** Rows per page: a screen of rows and the virtualiser's overscan span at most two pages. */
export const PAGE_SIZE = 50;

export type CaseloadQuery = Omit<CaseQuery, 'today'>;
export type CasePageView = { total: number | null; rows: CaseSummary[] };

/** The filters as a data-layer query, the search debounced. */
export function useCaseloadQuery(filters: CaseloadFilters, myUserId: string | null): CaseloadQuery {
  const search = useDebounced(filters.search, 200);
  return toQuery({ ...filters, search }, myUserId);
}

export const casePageKey = (q: CaseloadQuery, page: number) =>
  [...queryKeys.caseload, 'page', q, page] as const;

/** One page of the list with its summaries (and the total when the data layer had it for free). */
export function casePageQuery(store: ReturnType<typeof useStore>, q: CaseloadQuery, page: number) {
  return {
    queryKey: casePageKey(q, page),
    queryFn: async (): Promise<CasePageView> => {
      const p = await store.queryCasePage(q, page * PAGE_SIZE, PAGE_SIZE);
      return { total: p.total, rows: await store.summaries(p.ids) };
    },
    placeholderData: keepPreviousData,
  };
}

export function useCasePage(q: CaseloadQuery, page: number) {
  const store = useStore();
  return useQuery(casePageQuery(store, q, page));
}

/**
 * The list for the filters: how many match (null until known) and how many rows the table can show
 * now. The first page never waits for the count: at 100k cases counting walks the whole index range,
 * so until it is done the table holds the first page and grows when the count arrives.
 */
export function useCaseload(q: CaseloadQuery): { total: number | null; rows: number; loading: boolean } {
  const store = useStore();
  const first = useCasePage(q, 0);
  const fresh = first.isPlaceholderData ? undefined : first.data;
  const known =
    fresh === undefined ? null : (fresh.total ?? (fresh.rows.length < PAGE_SIZE ? fresh.rows.length : null));
  const count = useQuery({
    queryKey: [...queryKeys.caseload, 'count', q],
    queryFn: () => store.countCases(q),
    enabled: fresh !== undefined && known === null,
  });
  const total = known ?? (fresh ? (count.data ?? null) : null);
  return {
    total,
    rows: total ?? first.data?.total ?? first.data?.rows.length ?? 0,
    loading: first.isPending,
  };
}
