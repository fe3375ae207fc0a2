/* Period, unit, grouping and closure-rate formula pickers. */
import { useTranslation } from 'react-i18next';
import {
  CLOSURE_RATE_FORMULAS,
  GROUP_BYS,
  type ClosureRateFormula,
  type GroupBy,
  type Period,
} from '#shared/stats/index';
import { PERIOD_PRESETS, presetPeriod } from './period';

export type Choice = {
  period: Period;
  unit: string;
  groupBy: GroupBy | null;
  formula: ClosureRateFormula;
};

type Props = {
  choice: Choice;
  onChange: (c: Choice) => void;
  today: string;
  units: readonly { id: string; label: string }[];
};

export function Controls({ choice, onChange, today, units }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<Choice>) => {
    onChange({ ...choice, ...patch });
  };
  return (
    <form
      className="dashboard-controls"
      aria-label={t('dashboard.period')}
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <fieldset className="period-picker">
        <legend>{t('dashboard.period')}</legend>
        {PERIOD_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className="btn"
            data-testid={`preset-${p}`}
            onClick={() => {
              set({ period: presetPeriod(p, today) });
            }}
          >
            {t(`dashboard.preset.${p}`)}
          </button>
        ))}
        <label>
          {t('dashboard.from')}
          <input
            type="date"
            data-testid="period-from"
            value={choice.period.from}
            onChange={(e) => {
              set({ period: { ...choice.period, from: e.target.value } });
            }}
          />
        </label>
        <label>
          {t('dashboard.to')}
          <input
            type="date"
            data-testid="period-to"
            value={choice.period.to}
            onChange={(e) => {
              set({ period: { ...choice.period, to: e.target.value } });
            }}
          />
        </label>
      </fieldset>
      <label>
        {t('dashboard.unit')}
        <select
          data-testid="unit"
          value={choice.unit}
          onChange={(e) => {
            set({ unit: e.target.value });
          }}
        >
          <option value="all">{t('dashboard.allUnits')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dashboard.groupBy')}
        <select
          data-testid="group-by"
          value={choice.groupBy ?? 'none'}
          onChange={(e) => {
            const v = e.target.value;
            set({ groupBy: (GROUP_BYS as readonly string[]).includes(v) ? (v as GroupBy) : null });
          }}
        >
          <option value="none">{t('dashboard.group.none')}</option>
          {GROUP_BYS.map((g) => (
            <option key={g} value={g}>
              {t(`dashboard.group.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dashboard.formula')}
        <select
          data-testid="formula"
          value={choice.formula}
          onChange={(e) => {
            const v = CLOSURE_RATE_FORMULAS.find((f) => f === e.target.value);
            if (v) set({ formula: v });
          }}
        >
          {CLOSURE_RATE_FORMULAS.map((f) => (
            <option key={f} value={f}>
              {t(`dashboard.formulas.${f}`)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
