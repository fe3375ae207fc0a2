/*
 * Records one payment towards the signed agreement: amount (refused when more than is owed), day,
 * payer, method, and the evidence that proves it (receipt photo, bank slip … ticked from the case's
 * evidence; a payment may cite several). The cited ids go into payment.recorded.evidenceIds.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '#shared/case/index';
import { checkPayment, type Performance } from '#shared/documents/performance';
import { parseYuanInput } from '#shared/law/money';
import { SelectField, TextInput } from '../../ui/TextInput';
import type { CaseTools } from './use-case-tools';

const METHODS = ['bank', 'cash', 'wechat', 'alipay', 'other'] as const;

export function PaymentForm({
  state,
  perf,
  tools,
  caseId,
}: {
  state: CaseState;
  perf: Performance;
  tools: CaseTools;
  caseId: string;
}) {
  const { t } = useTranslation();
  const respondent = state.parties.find((p) => p.current.role === 'respondent')?.current.name ?? '';
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(tools.today);
  const [payer, setPayer] = useState(respondent);
  const [method, setMethod] = useState<(typeof METHODS)[number]>('bank');
  const [proofs, setProofs] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const usable = state.evidence.filter((e) => e.retracted === null);

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
    const cited = proofs.filter((id) => usable.some((e) => e.evidenceId === id));
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
          ...(cited.length > 0 ? { evidenceIds: cited } : {}),
        },
      },
    ]);
    if (done) {
      setAmount('');
      setProofs([]);
      setMessage(t('mediation.saved'));
    }
  };

  return (
    <>
      <div className="row-form">
        <TextInput
          label={t('mediation.performance.payAmount')}
          testId="payment-amount"
          value={amount}
          onChange={setAmount}
          input={{ inputMode: 'decimal' }}
        />
        <TextInput
          label={t('mediation.performance.paidOn')}
          value={paidOn}
          onChange={setPaidOn}
          input={{ type: 'date' }}
        />
        <TextInput label={t('mediation.performance.payer')} value={payer} onChange={setPayer} />
        <SelectField
          label={t('mediation.performance.method')}
          value={method}
          options={METHODS.map((m) => ({ value: m, label: t(`mediation.performance.methods.${m}`) }))}
          onChange={setMethod}
        />
      </div>
      <fieldset className="field field--multi" data-testid="payment-proofs">
        <legend>{t('mediation.performance.proof')}</legend>
        {usable.length === 0 && <span className="muted">{t('mediation.performance.noEvidence')}</span>}
        {usable.map((e) => (
          <label key={e.evidenceId}>
            <input
              type="checkbox"
              data-testid={`payment-proof-${e.evidenceId}`}
              checked={proofs.includes(e.evidenceId)}
              onChange={(ev) => {
                setProofs((list) =>
                  ev.target.checked ? [...list, e.evidenceId] : list.filter((x) => x !== e.evidenceId),
                );
              }}
            />
            {e.caption === '' ? e.fileName : e.caption}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="payment-record"
        disabled={tools.busy}
        onClick={() => void record()}
      >
        {t('mediation.performance.record')}
      </button>
      {message !== null && (
        <p role="status" data-testid="payment-message">
          {message}
        </p>
      )}
    </>
  );
}
