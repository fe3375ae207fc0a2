/*
 * 被申请人: the employer with its credit-code check (a failed check digit is a warning a written reason
 * overrides, domain.md §4.4), and for wage cases the construction chain as respondents or third parties.
 */
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { validateCreditCode } from '#shared/law/identifiers';
import { Field, FieldError, invalidProps } from '../../ui/Field';
import { Icon } from '../../ui/icons';
import { useVocab } from '../../ui/vocab';
import { CHAIN_ROLES, type IntakeForm } from './intake-schema';

const EMPLOYER_TYPES = ['enterprise', 'individual', 'ngo', 'institution'] as const;

export function EmployerSection() {
  const { t } = useTranslation();
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<IntakeForm>();
  const e = errors.employer;
  const code = useWatch({ control, name: 'employer.creditCode' });
  const categories = useWatch({ control, name: 'categories' });
  const check = code.trim().length === 18 ? validateCreditCode(code) : null;
  const warn = check?.status === 'warning' ? check.reasons.map((r) => r.zh).join('；') : null;
  const text = (name: 'name' | 'legalRepresentative' | 'phone' | 'address', wide = false) => {
    const id = `employer-${name}`;
    const error = e?.[name]?.message;
    return (
      <Field id={id} label={t(`intake.employer.${name}`)} error={error} wide={wide}>
        <input id={id} {...register(`employer.${name}`)} {...invalidProps(id, error)} data-testid={id} />
      </Field>
    );
  };
  return (
    <section className="intake-section" aria-labelledby="sec-employer">
      <h2 id="sec-employer">{t('intake.sections.employer')}</h2>
      <div className="form-grid">
        {text('name')}
        <Field
          id="employer-creditCode"
          label={t('intake.employer.creditCode')}
          error={e?.creditCode?.message}
        >
          <input
            id="employer-creditCode"
            {...register('employer.creditCode')}
            {...invalidProps('employer-creditCode', e?.creditCode?.message)}
            data-testid="employer-creditCode"
          />
        </Field>
        <Field id="employer-type" label={t('intake.employer.employerType')}>
          <select id="employer-type" {...register('employer.employerType')}>
            <option value="">—</option>
            {EMPLOYER_TYPES.map((k) => (
              <option key={k} value={t(`intake.employerTypes.${k}`)}>
                {t(`intake.employerTypes.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {text('legalRepresentative')}
        {text('phone')}
        {text('address')}
        {warn || e?.overrideReason ? (
          <div className="field field--wide">
            <p className="notice" role="status" data-testid="credit-warning">
              {warn}
            </p>
            <label htmlFor="employer-overrideReason">{t('intake.employer.overrideReason')}</label>
            <input
              id="employer-overrideReason"
              {...register('employer.overrideReason')}
              {...invalidProps('employer-overrideReason', e?.overrideReason?.message)}
              data-testid="employer-overrideReason"
            />
            <FieldError id="employer-overrideReason" error={e?.overrideReason?.message} />
          </div>
        ) : null}
      </div>
      {categories.includes('wage_arrears') ? <ChainBlock /> : null}
    </section>
  );
}

function ChainBlock() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const {
    register,
    formState: { errors },
  } = useFormContext<IntakeForm>();
  const { fields, append, remove } = useFieldArray<IntakeForm>({ name: 'chain' });
  return (
    <div className="chain" data-testid="chain">
      <h3>{t('intake.sections.chain')}</h3>
      <p className="muted">{t('intake.chain.hint')}</p>
      {fields.map((f, i) => {
        const err = errors.chain?.[i];
        const id = (k: string) => `chain-${String(i)}-${k}`;
        return (
          <div key={f.id} className="chain-row">
            <Field id={id('role')} label={t('intake.chain.role')}>
              <select id={id('role')} {...register(`chain.${i}.chainRole`)}>
                {CHAIN_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {vocab('chain', r)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={id('standing')} label={t('intake.chain.partyRole')}>
              <select id={id('standing')} {...register(`chain.${i}.partyRole`)}>
                <option value="respondent">{vocab('role', 'respondent')}</option>
                <option value="third_party">{vocab('role', 'third_party')}</option>
              </select>
            </Field>
            {(['name', 'code', 'phone'] as const).map((k) => (
              <Field key={k} id={id(k)} label={t(`intake.chain.${k}`)} error={err?.[k]?.message}>
                <input
                  id={id(k)}
                  {...register(`chain.${i}.${k}`)}
                  {...invalidProps(id(k), err?.[k]?.message)}
                />
              </Field>
            ))}
            <button
              type="button"
              className="btn btn-danger chain-remove"
              onClick={() => {
                remove(i);
              }}
            >
              {t('intake.chain.remove')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="btn"
        onClick={() => {
          append({ chainRole: 'general_contractor', partyRole: 'respondent', name: '', code: '', phone: '' });
        }}
        data-testid="chain-add"
      >
        <Icon name="plus" />
        <span>{t('intake.chain.add')}</span>
      </button>
    </div>
  );
}
