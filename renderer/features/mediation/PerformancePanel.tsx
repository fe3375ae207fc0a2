/*
 * Performance of the signed agreement: each instalment with what was paid, overdue ones flagged, the
 * amount recovered, every payment with the evidence proving it (retracted proof marked), and the form
 * that records the next payment.
 */
import { useTranslation } from 'react-i18next';
import type { CaseState } from '#shared/case/index';
import { performanceOf } from '#shared/documents/performance';
import { proofsOf } from '#shared/documents/performance-record';
import { formatYuan } from '#shared/law/money';
import { PaymentForm } from './PaymentForm';
import type { CaseTools } from './use-case-tools';

function PaymentList({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  if (state.payments.length === 0) return null;
  return (
    <table className="perf-table" data-testid="payment-list">
      <thead>
        <tr>
          <th>{t('mediation.performance.paidOn')}</th>
          <th>{t('mediation.performance.amount')}</th>
          <th>{t('mediation.performance.payer')}</th>
          <th>{t('mediation.performance.method')}</th>
          <th>{t('mediation.performance.proof')}</th>
        </tr>
      </thead>
      <tbody>
        {state.payments.map((p) => {
          const proofs = proofsOf(p, state.evidence);
          return (
            <tr key={p.eventId} data-testid="payment-row">
              <td>{p.paidOn}</td>
              <td>{formatYuan(p.amountFen)}</td>
              <td>{p.payer}</td>
              <td>{t(`mediation.performance.methods.${p.method}`)}</td>
              <td data-testid="payment-row-proofs">
                {proofs.length === 0
                  ? t('mediation.performance.noProof')
                  : proofs.map((e) => (
                      <span key={e.evidenceId} className="proof-chip" title={e.sha256}>
                        {e.caption === '' ? e.fileName : e.caption}
                        {e.retracted !== null && ` (${t('mediation.performance.proofRetracted')})`}
                      </span>
                    ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function PerformancePanel({
  state,
  tools,
  caseId,
}: {
  state: CaseState;
  tools: CaseTools;
  caseId: string;
}) {
  const { t } = useTranslation();
  const perf = performanceOf(state, tools.today);
  if (perf === null)
    return (
      <section className="panel" data-testid="performance">
        <h3>{t('mediation.performance.title')}</h3>
        <p className="muted">{t('mediation.performance.none')}</p>
      </section>
    );

  return (
    <section className="panel" data-testid="performance">
      <h3>{t('mediation.performance.title')}</h3>
      <p data-testid="performance-recovered">
        {t('mediation.performance.recovered', {
          amount: formatYuan(state.amountRecoveredFen),
          owed: formatYuan(perf.owedFen),
        })}
      </p>
      {perf.next && (
        <p data-testid="performance-next">
          {t('mediation.performance.next', {
            date: perf.next.dueDate,
            amount: formatYuan(perf.next.amountFen - perf.next.paidFen),
          })}
        </p>
      )}
      {perf.overdue.length > 0 && (
        <p className="form-error" data-testid="performance-overdue">
          {t('mediation.performance.overdue', { count: perf.overdue.length })}
        </p>
      )}
      <table className="perf-table">
        <thead>
          <tr>
            <th>{t('mediation.performance.due')}</th>
            <th>{t('mediation.performance.amount')}</th>
            <th>{t('mediation.performance.paid')}</th>
            <th>{t('mediation.performance.status')}</th>
          </tr>
        </thead>
        <tbody>
          {perf.rows.map((r) => (
            <tr
              key={r.index}
              className={r.status === 'overdue' ? 'perf-row--overdue' : ''}
              data-testid="perf-row"
            >
              <td>{r.dueDate}</td>
              <td>{formatYuan(r.amountFen)}</td>
              <td>{formatYuan(r.paidFen)}</td>
              <td>{t(`mediation.performance.statuses.${r.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('mediation.performance.payments')}</h4>
      <PaymentList state={state} />
      {perf.owedFen > 0 && <PaymentForm state={state} perf={perf} tools={tools} caseId={caseId} />}
    </section>
  );
}
