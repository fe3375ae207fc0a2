/* Search box (debounced by the caller) and filters above the caseload: deadline chips, not synced, mine, status, category. */
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '#shared/domain/case-kinds';
import { ALL_STATUSES, type CaseStatus } from '#shared/case/status';
import { Icon } from '../../ui/icons';
import { useVocab } from '../../ui/vocab';
import type { CaseloadFilters, DeadlineChip } from './use-caseload';

const deadlineChips = [
  { id: 'all', label: 'caseload.filterAll' },
  { id: 'overdue', label: 'caseload.filterOverdue' },
  { id: 'due_soon', label: 'caseload.filterDueSoon' },
] as const satisfies readonly { id: DeadlineChip; label: ParseKeys }[];

type Props = {
  filters: CaseloadFilters;
  onChange: (f: CaseloadFilters) => void;
  count: number | null;
  canMine: boolean;
};

export function CaseloadToolbar({ filters, onChange, count, canMine }: Props) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const set = (patch: Partial<CaseloadFilters>) => {
    onChange({ ...filters, ...patch });
  };
  return (
    <div className="caseload-toolbar">
      <label className="search-box">
        <Icon name="search" />
        <span className="visually-hidden">{t('caseload.searchLabel')}</span>
        <input
          type="search"
          value={filters.search}
          placeholder={t('caseload.searchPlaceholder')}
          onChange={(e) => {
            set({ search: e.target.value });
          }}
          data-testid="case-search"
        />
      </label>
      <div className="chips" role="group" aria-label={t('caseload.filtersLabel')}>
        {deadlineChips.map((f) => (
          <button
            key={f.id}
            type="button"
            className="chip"
            aria-pressed={filters.deadline === f.id}
            onClick={() => {
              set({ deadline: f.id });
            }}
            data-testid={`chip-${f.id}`}
          >
            {t(f.label)}
          </button>
        ))}
        <button
          type="button"
          className="chip"
          aria-pressed={filters.unsynced}
          onClick={() => {
            set({ unsynced: !filters.unsynced });
          }}
          data-testid="chip-unsynced"
        >
          {t('caseload.filterUnsynced')}
        </button>
        {canMine ? (
          <button
            type="button"
            className="chip"
            aria-pressed={filters.mine}
            onClick={() => {
              set({ mine: !filters.mine });
            }}
          >
            {t('caseload.filterMine')}
          </button>
        ) : null}
        <select
          className="chip chip-select"
          aria-label={t('caseload.statusLabel')}
          value={filters.status}
          onChange={(e) => {
            set({ status: e.target.value as CaseStatus | '' });
          }}
          data-testid="filter-status"
        >
          <option value="">{t('caseload.anyStatus')}</option>
          {ALL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {vocab('status', s)}
            </option>
          ))}
        </select>
        <select
          className="chip chip-select"
          aria-label={t('caseload.categoryLabel')}
          value={filters.category}
          onChange={(e) => {
            set({ category: e.target.value as DisputeCategory | '' });
          }}
          data-testid="filter-category"
        >
          <option value="">{t('caseload.anyCategory')}</option>
          {DISPUTE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {vocab('category', c)}
            </option>
          ))}
        </select>
      </div>
      {count !== null ? (
        <span className="muted caseload-count" role="status" data-testid="case-count">
          {t('caseload.count', { count })}
        </span>
      ) : null}
    </div>
  );
}
