/*
 * Performance of the signed agreement: each instalment with what was paid, overdue ones flagged, the
 * amount recovered, and the form that records a payment (refused when more than is owed) with proof
 * taken from the case's evidence.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '#shared/case/index';
import { checkPayment, performanceOf } from '#shared/documents/performance';
import { formatYuan, parseYuanInput } from '#shared/law/money';
import type { CaseTools } from './use-case-tools';

const METHODS = ['bank', 'cash', 'wechat', 'alipay', 'other'] as const;

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
  const respondent = state.parties.find((p) => p.current.role === 'respondent')?.current.name ?? '';
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(tools.today);
  const [payer, setPayer] = useState(respondent);
  const [method, setMethod] = useState<(typeof METHODS)[number]>('bank');
  const [proof, setProof] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (perf === null)
    return (
      <section className="panel" data-testid="performance">
        <h3>{t('mediation.performance.title')}</h3>
        <p className="muted">{t('mediation.performance.none')}</p>
      </section>
    );

  const record = async () => {
    const fen = parseYuanInput(amount);
    if (!fen.ok) {
      setMessage(fen.error.zh);
      return;
    }
    const okToPay = checkPayment(perf, fen.value);
    if (!okToPay.ok) {
      setMessage(okToPay.error.zh);
      return;
    }
    const evidence = state.evidence.find((e) => e.evidenceId === proof);
    const applicant = state.parties.find((p) => p.current.role === 'applicant');
    const done = await tools.record([
      {
        caseId,
        type: 'payment.recorded',
        payload: {
          paymentId: tools.newId(),
          amountFen: fen.value,
          paidOn,
          payer: payer.trim() === '' ? respondent || '—' : payer,
          payerRole: 'employer',
          method,
          agreementId: perf.agreementId,
          ...(applicant ? { toPartyId: applicant.partyId } : {}),
          ...(evidence ? { proofSha256: evidence.sha256, note: `凭证：${evidence.fileName}` } : {}),
        },
      },
    ]);
    if (done) {
      setAmount('');
      setMessage(t('mediation.saved'));
    }
  };

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
      {perf.owedFen > 0 && (
        <div className="row-form">
          <label className="field">
            {t('mediation.performance.payAmount')}
            <input
              inputMode="decimal"
              data-testid="payment-amount"
              value={amount}
              onChange={(e) => {
                setAmount(e.target.value);
              }}
            />
          </label>
          <label className="field">
            {t('mediation.performance.paidOn')}
            <input
              type="date"
              value={paidOn}
              onChange={(e) => {
                setPaidOn(e.target.value);
              }}
            />
          </label>
          <label className="field">
            {t('mediation.performance.payer')}
            <input
              value={payer}
              onChange={(e) => {
                setPayer(e.target.value);
              }}
            />
          </label>
          <label className="field">
            {t('mediation.performance.method')}
            <select
              value={method}
              onChange={(e) => {
                setMethod(METHODS.find((m) => m === e.target.value) ?? 'other');
              }}
            >
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`mediation.performance.methods.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('mediation.performance.proof')}
            <select
              value={proof}
              onChange={(e) => {
                setProof(e.target.value);
              }}
            >
              <option value="">{t('mediation.performance.noProof')}</option>
              {state.evidence
                .filter((e) => e.retracted === null)
                .map((e) => (
                  <option key={e.evidenceId} value={e.evidenceId}>
                    {e.fileName}
                  </option>
                ))}
            </select>
          </label>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="payment-record"
            onClick={() => void record()}
          >
            {t('mediation.performance.record')}
          </button>
        </div>
      )}
      {message !== null && (
        <p role="status" data-testid="payment-message">
          {message}
        </p>
      )}
    </section>
  );
}
