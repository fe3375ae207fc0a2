/* Search box and filter chips above the caseload. UI state only; filtering arrives with the rows. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { Icon } from '../../ui/icons';

const filters = [
  { id: 'all', label: 'caseload.filterAll' },
  { id: 'mine', label: 'caseload.filterMine' },
  { id: 'overdue', label: 'caseload.filterOverdue' },
  { id: 'unsynced', label: 'caseload.filterUnsynced' },
] as const satisfies readonly { id: string; label: ParseKeys }[];

type FilterId = (typeof filters)[number]['id'];

export function CaseloadToolbar() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<FilterId>('all');
  return (
    <div className="caseload-toolbar">
      <label className="search-box">
        <Icon name="search" />
        <span className="visually-hidden">{t('caseload.searchLabel')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('caseload.searchPlaceholder')}
          onChange={(e) => {
            setQuery(e.target.value);
          }}
          data-testid="case-search"
        />
      </label>
      <div className="chips" role="group" aria-label={t('caseload.filtersLabel')}>
        {filters.map((f) => (
          <button
            key={f.id}
            type="button"
            className="chip"
            aria-pressed={active === f.id}
            onClick={() => {
              setActive(f.id);
            }}
          >
            {t(f.label)}
          </button>
        ))}
      </div>
    </div>
  );
}
