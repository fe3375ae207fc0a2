/*
 * The caseload table, virtualised: only the rows in view (plus a few) exist in the DOM, and only the
 * pages they fall in are read (ids and summaries, PAGE_SIZE at a time), so 100,000 cases scroll like
 * 100. Pages keep their last rows while the next ones load, so scrolling never flashes blank rows.
 */
import { useRef } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { queryKeys, useStore } from '../../app/data-provider';
import type { CaseSummary } from '../../data/store';
import { caseloadColumns } from './columns';
import { CaseRowCells, SealedCaseRowCells } from './CaseRowCells';
import { caseRow } from './rows';
import { casePageQuery, PAGE_SIZE, type CaseloadQuery } from './use-caseload';

const ROW_HEIGHT = 52;

export const gridTemplate = caseloadColumns.map((c) => c.width).join(' ');

type Props = {
  query: CaseloadQuery;
  /** Rows the table holds: every match once counted, the first page until then. */
  rows: number;
  loading: boolean;
  filtered: boolean;
  myUserId: string | null;
};

export function CaseTable({ query, rows, loading, filtered, myUserId }: Props) {
  const { t } = useTranslation();
  const store = useStore();
  const scrollRef = useRef<HTMLDivElement>(null);
  // No React Compiler here: the virtualizer returns fresh functions on purpose (re-measure on scroll).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const pageNumbers = [...new Set(items.map((i) => Math.floor(i.index / PAGE_SIZE)))];
  const pages = useQueries({ queries: pageNumbers.map((p) => casePageQuery(store, query, p)) });
  const rowAt = (index: number): CaseSummary | undefined => {
    const at = pageNumbers.indexOf(Math.floor(index / PAGE_SIZE));
    return pages[at]?.data?.rows[index % PAGE_SIZE];
  };
  // The outbox is small (only what the hub has not acknowledged); invalidated with every write and sync.
  const outbox = useQuery({
    queryKey: [...queryKeys.outbox, 'pendingCases'],
    queryFn: () => store.pendingCaseIds(),
  });
  const today = store.today();
  return (
    <div
      className="case-table"
      role="table"
      aria-label={t('caseload.tableLabel')}
      aria-rowcount={rows + 1}
      data-testid="case-table"
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
        {rows === 0 && !loading ? (
          <div className="case-table-empty" role="row">
            <div role="cell">
              {filtered ? (
                <strong>{t('caseload.noMatch')}</strong>
              ) : (
                <>
                  <strong>{t('caseload.empty')}</strong> {t('caseload.emptyHint')}
                </>
              )}
            </div>
          </div>
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const s = rowAt(item.index);
            return (
              <div
                key={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                className="case-table__row case-table__row--body"
                data-testid="case-row"
                style={{
                  gridTemplateColumns: gridTemplate,
                  height: ROW_HEIGHT,
                  transform: `translateY(${String(item.start)}px)`,
                }}
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
