/* The terms side of the agreement: basis texts, agreed amount per claim, non-monetary terms, instalments, next step. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_NEXT_STEPS } from '#shared/events/payloads-proceedings';
import { CLAIM_ITEM_ZH, NON_MONETARY_TERMS, type PartyView } from '#shared/documents/index';
import { SelectField, TextInput } from '../../ui/TextInput';
import type { EditorState } from './agreement-editor';

export function AgreementForm({
  value,
  onChange,
  view,
  disabled,
}: {
  value: EditorState;
  onChange: (e: EditorState) => void;
  view: PartyView;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [custom, setCustom] = useState('');
  const set = <K extends keyof EditorState>(k: K, v: EditorState[K]) => {
    onChange({ ...value, [k]: v });
  };
  const text = (k: 'facts' | 'disputes' | 'responsibility' | 'manner', rows = 3) => (
    <label className="field">
      {t(`mediation.agreement.${k}`)}
      <textarea
        rows={rows}
        data-testid={`agreement-${k}`}
        value={value[k]}
        disabled={disabled}
        onChange={(e) => {
          set(k, e.target.value);
        }}
      />
    </label>
  );
  return (
    <fieldset className="agreement-form" disabled={disabled} data-testid="agreement-form">
      <legend>{t('mediation.agreement.terms')}</legend>
      {text('facts')}
      {text('disputes', 2)}
      {text('responsibility', 2)}
      {view.claims.map((c) => (
        <TextInput
          key={c.claimId}
          label={`${CLAIM_ITEM_ZH[c.current.item]} · ${t('mediation.agreement.claimTerm')}`}
          testId={`agreement-amount-${c.claimId}`}
          value={value.amounts[c.claimId] ?? ''}
          input={{ inputMode: 'decimal' }}
          onChange={(amount) => {
            set('amounts', { ...value.amounts, [c.claimId]: amount });
          }}
        />
      ))}
      <fieldset className="field field--multi">
        <legend>{t('mediation.agreement.nonMonetary')}</legend>
        {NON_MONETARY_TERMS.map((term) => (
          <label key={term}>
            <input
              type="checkbox"
              checked={value.nonMonetary.includes(term)}
              onChange={(e) => {
                set(
                  'nonMonetary',
                  e.target.checked
                    ? [...value.nonMonetary, term]
                    : value.nonMonetary.filter((x) => x !== term),
                );
              }}
            />
            {term}
          </label>
        ))}
      </fieldset>
      <div className="row-form">
        <TextInput label={t('mediation.agreement.customTerm')} value={custom} onChange={setCustom} />
        <button
          type="button"
          className="btn"
          onClick={() => {
            if (custom.trim() === '') return;
            set('custom', [...value.custom, custom.trim()]);
            setCustom('');
          }}
        >
          {t('mediation.agreement.addCustom')}
        </button>
      </div>
      {value.custom.map((c, i) => (
        <p key={`${c}-${String(i)}`}>
          {c}{' '}
          <button
            type="button"
            className="btn"
            onClick={() => {
              set(
                'custom',
                value.custom.filter((_, j) => j !== i),
              );
            }}
          >
            ×
          </button>
        </p>
      ))}
      {text('manner', 2)}
      <SelectField
        label={t('mediation.agreement.nextStep')}
        testId="agreement-next-step"
        value={value.nextStep}
        options={AGREEMENT_NEXT_STEPS.map((s) => ({
          value: s,
          label: t(`mediation.agreement.nextSteps.${s}`),
        }))}
        onChange={(step) => {
          set('nextStep', step);
        }}
      />
      <fieldset>
        <legend>{t('mediation.agreement.instalments')}</legend>
        {value.instalments.map((inst, i) => (
          <div className="row-form" key={`i${String(i)}`}>
            <TextInput
              label={t('mediation.agreement.dueDate')}
              testId={`instalment-date-${String(i)}`}
              value={inst.dueDate}
              input={{ type: 'date' }}
              onChange={(dueDate) => {
                set(
                  'instalments',
                  value.instalments.map((x, j) => (j === i ? { ...x, dueDate } : x)),
                );
              }}
            />
            <TextInput
              label={t('mediation.agreement.amount')}
              testId={`instalment-amount-${String(i)}`}
              value={inst.amount}
              input={{ inputMode: 'decimal' }}
              onChange={(amount) => {
                set(
                  'instalments',
                  value.instalments.map((x, j) => (j === i ? { ...x, amount } : x)),
                );
              }}
            />
            <button
              type="button"
              className="btn"
              onClick={() => {
                set(
                  'instalments',
                  value.instalments.filter((_, j) => j !== i),
                );
              }}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn"
          data-testid="instalment-add"
          onClick={() => {
            set('instalments', [...value.instalments, { dueDate: '', amount: '' }]);
          }}
        >
          {t('mediation.agreement.addInstalment')}
        </button>
      </fieldset>
    </fieldset>
  );
}
