/* 请求事项: item, amount in yuan (parsed to fen on save), a short description; the running total. */
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CLAIM_ITEMS } from '#shared/domain/claim-items';
import { formatYuan, parseYuanInput } from '#shared/law/money';
import { Field, invalidProps } from '../../ui/Field';
import { Icon } from '../../ui/icons';
import { useVocab } from '../../ui/vocab';
import { emptyClaim, type IntakeForm } from './intake-schema';

/** Sum of the amounts that parse (the others are marked at their field). */
export function totalFen(texts: readonly string[]): number {
  let sum = 0;
  for (const s of texts) {
    if (s.trim() === '') continue;
    const r = parseYuanInput(s);
    if (r.ok) sum += r.value;
  }
  return sum;
}

export function ClaimsSection() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<IntakeForm>();
  const { fields, append, remove } = useFieldArray<IntakeForm>({ name: 'claims' });
  const claims = useWatch({ control, name: 'claims' });
  const workers = useWatch({ control, name: 'workers' });
  const total = totalFen([...claims.map((c) => c.amount), ...workers.map((w) => w.amount)]);
  return (
    <section className="intake-section" aria-labelledby="sec-claims">
      <div className="intake-section__head">
        <h2 id="sec-claims">{t('intake.sections.claims')}</h2>
        <span className="muted" data-testid="claims-total">
          {t('intake.claim.total', { amount: formatYuan(total) })}
        </span>
      </div>
      {fields.map((f, i) => {
        const id = (k: string) => `claims-${String(i)}-${k}`;
        const err = errors.claims?.[i];
        return (
          <div key={f.id} className="claim-row">
            <Field id={id('item')} label={t('intake.claim.item')}>
              <select id={id('item')} {...register(`claims.${i}.item`)} data-testid={id('item')}>
                {CLAIM_ITEMS.map((c) => (
                  <option key={c} value={c}>
                    {vocab('claim', c)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={id('amount')} label={t('intake.claim.amount')} error={err?.amount?.message}>
              <input
                id={id('amount')}
                inputMode="decimal"
                {...register(`claims.${i}.amount`)}
                {...invalidProps(id('amount'), err?.amount?.message)}
                data-testid={id('amount')}
              />
            </Field>
            <Field id={id('description')} label={t('intake.claim.description')}>
              <input id={id('description')} {...register(`claims.${i}.description`)} />
            </Field>
            <button
              type="button"
              className="btn btn-danger claim-remove"
              onClick={() => {
                remove(i);
              }}
            >
              {t('intake.claim.remove')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="btn"
        onClick={() => {
          append(emptyClaim());
        }}
        data-testid="claim-add"
      >
        <Icon name="plus" />
        <span>{t('intake.claim.add')}</span>
      </button>
    </section>
  );
}
