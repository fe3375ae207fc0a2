/*
 * The caseload grouped by handler (承办人, issue #9): one header row per arbitrator / mediator (and 未指派)
 * with the number of their cases under the current filters, then their cases — all in one virtualised
 * list, so a supervisor's 100,000 synced cases still scroll like 100. A group's rows are pages of the
 * ordinary caseload query with `assigneeId` set (the [assigneeId+nextDeadline] index), read only when on
 * screen; a header folds its group away.
 */
import { useMemo, useRef, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { queryKeys, useStore } from '../../app/data-provider';
import type { CaseSummary } from '../../data/store';
import { caseloadColumns } from './columns';
import { CaseRowCells, SealedCaseRowCells } from './CaseRowCells';
import { gridTemplate } from './CaseTable';
import { caseRow } from './rows';
import { casePageQuery, PAGE_SIZE, type CaseloadQuery } from './use-caseload';
import './grouped.css';

const ROW_HEIGHT = 52;

export type HandlerGroup = { assigneeId: string; count: number };

/** Where each row of the grouped list comes from: a group's header, or its `offset`-th case. */
export type GroupedRow = { kind: 'header'; group: number } | { kind: 'case'; group: number; offset: number };

/** Lays the groups out as rows: header, then (unless folded) one row per case. */
export function groupLayout(groups: readonly HandlerGroup[], folded: ReadonlySet<string>) {
  const starts: number[] = [];
  let total = 0;
  for (const g of groups) {
    starts.push(total);
    total += 1 + (folded.has(g.assigneeId) ? 0 : g.count);
  }
  const at = (index: number): GroupedRow | null => {
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || index < 0 || index >= total) return null;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if ((starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    const offset = index - (starts[lo] ?? 0);
    return offset === 0 ? { kind: 'header', group: lo } : { kind: 'case', group: lo, offset: offset - 1 };
  };
  return { total, at };
}

type Props = {
  query: CaseloadQuery;
  myUserId: string | null;
  /** Display name of a handler ('' = unassigned). */
  nameOf: (assigneeId: string) => string;
};

export function GroupedCaseTable({ query, myUserId, nameOf }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const ids = useQuery({
    queryKey: [...queryKeys.caseload, 'assignees'],
    queryFn: () => store.assigneeIds(),
  });
  const counts = useQueries({
    queries: (ids.data ?? []).map((assigneeId) => ({
      queryKey: [...queryKeys.caseload, 'count', { ...query, assigneeId }],
      queryFn: () => store.countCases({ ...query, assigneeId }),
    })),
  });
  // counts is a fresh array every render (one entry per handler, so its length changes too): the
  // memo below depends on its numbers, joined into one value of fixed arity.
  const countsReady = counts.every((c) => c.data !== undefined);
  const countKey = counts.map((c) => (c.data === undefined ? '-' : String(c.data))).join(',');
  const groups: HandlerGroup[] = useMemo(
    () =>
      (ids.data ?? [])
        .map((assigneeId, i) => ({ assigneeId, count: counts[i]?.data ?? 0 }))
        .filter((g) => g.count > 0)
        // Most cases first; unassigned last; ties by id so the order is stable.
        .sort(
          (a, b) =>
            Number(a.assigneeId === '') - Number(b.assigneeId === '') ||
            b.count - a.count ||
            a.assigneeId.localeCompare(b.assigneeId),
        ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ids.data, countKey],
  );
  const layout = useMemo(() => groupLayout(groups, folded), [groups, folded]);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: layout.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  // The pages on screen: (group, page) pairs.
  const wanted = new Map<string, { assigneeId: string; page: number }>();
  for (const item of items) {
    const r = layout.at(item.index);
    const g = r ? groups[r.group] : undefined;
    if (r?.kind !== 'case' || !g) continue;
    const page = Math.floor(r.offset / PAGE_SIZE);
    wanted.set(`${g.assigneeId}\u0000${String(page)}`, { assigneeId: g.assigneeId, page });
  }
  const wantedList = [...wanted.values()];
  const pages = useQueries({
    queries: wantedList.map((w) => casePageQuery(store, { ...query, assigneeId: w.assigneeId }, w.page)),
  });
  const rowAt = (assigneeId: string, offset: number): CaseSummary | undefined => {
    const i = wantedList.findIndex(
      (w) => w.assigneeId === assigneeId && w.page === Math.floor(offset / PAGE_SIZE),
    );
    return pages[i]?.data?.rows[offset % PAGE_SIZE];
  };
  const outbox = useQuery({
    queryKey: [...queryKeys.outbox, 'pendingCases'],
    queryFn: () => store.pendingCaseIds(),
  });
  const today = store.today();
  const toggle = (assigneeId: string) => {
    setFolded((f) => {
      const next = new Set(f);
      if (next.has(assigneeId)) next.delete(assigneeId);
      else next.add(assigneeId);
      return next;
    });
  };
  return (
    <div
      className="case-table"
      role="table"
      aria-label={t('caseload.groups.tableLabel')}
      aria-rowcount={layout.total + 1}
      data-testid="case-table-grouped"
    >
      <div className="case-table__head" role="rowgroup">
        <div className="case-table__row" role="row" style={{ gridTemplateColumns: gridTemplate }}>
          {caseloadColumns.map((c) => (
            <div key={c.id} role="columnheader" className="case-table__th">
              {t(c.label)}
            </div>
          ))}
        </div>
      </div>
      <div className="case-table__body" ref={scrollRef} role="rowgroup" data-testid="case-table-body">
        {ids.isPending || !countsReady ? (
          <div className="case-table-empty" role="row">
            <div role="cell">{t('caseload.loading')}</div>
          </div>
        ) : null}
        {ids.data !== undefined && countsReady && groups.length === 0 ? (
          <div className="case-table-empty" role="row">
            <div role="cell">
              <strong>{t('caseload.noMatch')}</strong>
            </div>
          </div>
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const r = layout.at(item.index);
            const g = r ? groups[r.group] : undefined;
            if (!r || !g) return null;
            const style = { height: ROW_HEIGHT, transform: `translateY(${String(item.start)}px)` };
            if (r.kind === 'header') {
              const open = !folded.has(g.assigneeId);
              return (
                <div
                  key={item.index}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="case-table__row case-group__header"
                  data-testid="case-group"
                  data-assignee={g.assigneeId}
                  style={style}
                >
                  <div role="cell" className="case-group__cell">
                    <button
                      type="button"
                      className="btn case-group__toggle"
                      aria-expanded={open}
                      data-testid="case-group-toggle"
                      onClick={() => {
                        toggle(g.assigneeId);
                      }}
                    >
                      <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                      <strong>{nameOf(g.assigneeId)}</strong>
                      <span className="muted" data-testid="case-group-count">
                        {t('caseload.groups.count', { count: g.count })}
                      </span>
                    </button>
                  </div>
                </div>
              );
            }
            const s = rowAt(g.assigneeId, r.offset);
            return (
              <div
                key={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                className="case-table__row case-table__row--body"
                data-testid="case-row"
                style={{ ...style, gridTemplateColumns: gridTemplate }}
              >
                {s?.unreadable ? (
                  <SealedCaseRowCells caseId={s.caseId} reason={s.unreadable} />
                ) : s ? (
                  <CaseRowCells row={caseRow(s, today, myUserId, outbox.data ?? null)} />
                ) : (
                  <div role="cell" className="muted">
                    {t('caseload.loading')}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
