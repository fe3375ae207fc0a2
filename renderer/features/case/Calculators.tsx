/*
 * The calculators of shared/law one click from the claims: wage arrears month by month, and economic
 * compensation N (which needs the local wage table; a missing value is named, never guessed). A result
 * can be taken as a claim's amount, with the inputs kept as the claim's calcSnapshot.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { economicCompensation, wageArrears } from '#shared/law/calculators';
import { bundledRegionalTable } from '#shared/law/bundled-data';
import { formatYuan, parseYuanInput } from '#shared/law/money';
import type { FreeFields } from '#shared/events/payload-common';

export type CalcResult = { amountFen: number; snapshot: FreeFields };

const fen = (s: string): number => {
  const r = parseYuanInput(s === '' ? '0' : s);
  return r.ok ? r.value : Number.NaN;
};

type Row = { month: string; due: string; paid: string };

export function Calculators({ onUse }: { onUse: (r: CalcResult) => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>([{ month: '', due: '', paid: '' }]);
  const [comp, setComp] = useState({ start: '', end: '', wage: '', region: '', regionName: '' });
  const [compOut, setCompOut] = useState<string | null>(null);
  const arrears = wageArrears(
    rows.map((r) => ({ month: r.month, dueFen: fen(r.due), paidFen: fen(r.paid) })),
  );
  const arrearsError = arrears.ok ? null : arrears.error.zh;
  const compute = () => {
    const table = bundledRegionalTable();
    if (!table.ok) {
      setCompOut(table.error.map((e) => e.zh).join('；'));
      return;
    }
    const r = economicCompensation(
      {
        startDate: comp.start,
        endDate: comp.end,
        last12MonthsWagesFen: [fen(comp.wage)],
        region: { code: comp.region, name: comp.regionName },
      },
      table.value,
    );
    if (!r.ok) {
      setCompOut(r.error.zh);
      return;
    }
    setCompOut(t('caseFile.calc.result', { amount: formatYuan(r.value.amountFen), months: r.value.months }));
    onUse({
      amountFen: r.value.amountFen,
      snapshot: { calculator: 'economicCompensation', ...comp, steps: [...r.value.stepsZh].slice(0, 50) },
    });
  };
  return (
    <div className="calculators" data-testid="calculators">
      <section>
        <h3>{t('caseFile.calc.arrears')}</h3>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('caseFile.calc.month')}</th>
              <th scope="col">{t('caseFile.calc.due')}</th>
              <th scope="col">{t('caseFile.calc.paid')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={String(i)}>
                {(['month', 'due', 'paid'] as const).map((k) => (
                  <td key={k}>
                    <input
                      className="input"
                      aria-label={`${t(`caseFile.calc.${k}`)} ${String(i + 1)}`}
                      placeholder={k === 'month' ? '2026-10' : ''}
                      value={r[k]}
                      onChange={(e) => {
                        setRows(rows.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)));
                      }}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row-actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              setRows([...rows, { month: '', due: '', paid: '' }]);
            }}
          >
            {t('caseFile.calc.addMonth')}
          </button>
          {arrears.ok ? (
            <>
              <strong>{t('caseFile.calc.owed', { amount: formatYuan(arrears.value.totalOwedFen) })}</strong>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  onUse({
                    amountFen: arrears.value.totalOwedFen,
                    snapshot: {
                      calculator: 'wageArrears',
                      rows: rows.map((r) => `${r.month}:${r.due}:${r.paid}`),
                    },
                  });
                }}
              >
                {t('caseFile.calc.useResult')}
              </button>
            </>
          ) : (
            <span className="field-error">{arrearsError}</span>
          )}
        </div>
      </section>
      <section>
        <h3>{t('caseFile.calc.compensation')}</h3>
        <div className="form-grid">
          {(['start', 'end', 'wage', 'region', 'regionName'] as const).map((k) => (
            <label key={k} className="field">
              <span>{t(`caseFile.calc.${k}`)}</span>
              <input
                className="input"
                type={k === 'start' || k === 'end' ? 'date' : 'text'}
                value={comp[k]}
                onChange={(e) => {
                  setComp({ ...comp, [k]: e.target.value });
                }}
              />
            </label>
          ))}
        </div>
        <div className="row-actions">
          <button type="button" className="btn" onClick={compute}>
            {t('caseFile.calc.compute')}
          </button>
          {compOut ? <span role="status">{compOut}</span> : null}
        </div>
      </section>
    </div>
  );
}
