/* KPI tiles (the eight of screens.md) and the full KPI table; every number is a button to its cases. */
import { useTranslation } from 'react-i18next';
import { KPI_KEYS, KPI_LABELS, type Kpi, type KpiKey, type KpiSet } from '#shared/stats/index';
import type { Drill } from './DrillDown';
import { formatKpi } from './format';

export const TILE_KEYS: readonly KpiKey[] = [
  'accepted',
  'closed',
  'closureRate',
  'mediationSuccessRate',
  'amountRecoveredFen',
  'mobileSessions',
  'daysToCloseMean',
  'overdueOpen',
];

type Props = { set: KpiSet; lang: 'zh' | 'en'; onDrill: (d: Drill) => void };

function NumberButton({
  kpi,
  label,
  lang,
  onDrill,
  className,
  testPrefix,
}: {
  kpi: Kpi;
  label: string;
  lang: 'zh' | 'en';
  onDrill: (d: Drill) => void;
  className: string;
  testPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={className}
      data-testid={`${testPrefix}-${kpi.key}`}
      title={kpi.definition[lang]}
      aria-label={`${label} ${formatKpi(kpi, lang)}. ${t('dashboard.showCases', { label, count: kpi.caseIds.length })}`}
      onClick={() => {
        onDrill({ label, key: kpi.key });
      }}
    >
      {formatKpi(kpi, lang)}
    </button>
  );
}

export function KpiTiles({ set, lang, onDrill }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="kpi-tiles" aria-label={t('dashboard.tilesLabel')}>
      {TILE_KEYS.map((key) => {
        const kpi = set.kpis[key];
        const label = KPI_LABELS[key][lang];
        return (
          <li
            key={key}
            className={key === 'overdueOpen' && (kpi.value ?? 0) > 0 ? 'kpi-tile kpi-alert' : 'kpi-tile'}
          >
            <span className="kpi-label">{label}</span>
            <NumberButton
              kpi={kpi}
              label={label}
              lang={lang}
              onDrill={onDrill}
              className="kpi-value"
              testPrefix="kpi"
            />
          </li>
        );
      })}
    </ul>
  );
}

export function KpiTable({ set, lang, onDrill }: Props) {
  const { t } = useTranslation();
  return (
    <table className="stats-table" data-testid="kpi-table">
      <thead>
        <tr>
          <th>{t('dashboard.kpi')}</th>
          <th>{t('dashboard.value')}</th>
          <th>{t('dashboard.caseCount')}</th>
          <th>{t('dashboard.definition')}</th>
        </tr>
      </thead>
      <tbody>
        {KPI_KEYS.map((key) => {
          const kpi = set.kpis[key];
          const label = KPI_LABELS[key][lang];
          return (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>
                <NumberButton
                  kpi={kpi}
                  label={label}
                  lang={lang}
                  onDrill={onDrill}
                  className="link-button"
                  testPrefix="kpi-row"
                />
              </td>
              <td>{kpi.caseIds.length}</td>
              <td className="definition">{kpi.definition[lang]}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
