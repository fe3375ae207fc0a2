/* 案件类型 · 争议类别 · 来源渠道 · 地点, and 案由/简要案情: the first block of intake. */
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CHANNELS, DISPUTE_CATEGORIES } from '#shared/domain/case-kinds';
import { Field, FieldError, invalidProps } from '../../ui/Field';
import { useVocab } from '../../ui/vocab';
import { INTAKE_KINDS, INTAKE_PLACES, type IntakeForm } from './intake-schema';

export function BasicsSection() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const {
    register,
    formState: { errors },
  } = useFormContext<IntakeForm>();
  const catError = errors.categories?.message ?? errors.categories?.root?.message;
  return (
    <section className="intake-section" aria-labelledby="sec-basics">
      <h2 id="sec-basics">{t('intake.sections.basics')}</h2>
      <div className="form-grid">
        <fieldset className="field">
          <legend>{t('intake.kind')}</legend>
          <div className="checks">
            {INTAKE_KINDS.map((k) => (
              <label key={k} className="check">
                <input type="radio" value={k} {...register('kind')} data-testid={`kind-${k}`} />
                {vocab('kind', k)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field id="intake-channel" label={t('intake.channel')}>
          <select id="intake-channel" {...register('channel')}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {vocab('channel', c)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="intake-place" label={t('intake.place')}>
          <select id="intake-place" {...register('place')}>
            {INTAKE_PLACES.map((p) => (
              <option key={p} value={p}>
                {vocab('place', p)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="intake-place-detail" label={t('intake.placeDetail')} error={errors.placeDetail?.message}>
          <input
            id="intake-place-detail"
            placeholder={t('intake.placeDetailHint')}
            {...register('placeDetail')}
            {...invalidProps('intake-place-detail', errors.placeDetail?.message)}
          />
        </Field>
        <fieldset className="field field--wide" {...invalidProps('intake-categories', catError)}>
          <legend>{t('intake.categories')}</legend>
          <div className="checks">
            {DISPUTE_CATEGORIES.map((c) => (
              <label key={c} className="check">
                <input type="checkbox" value={c} {...register('categories')} data-testid={`cat-${c}`} />
                {vocab('category', c)}
              </label>
            ))}
          </div>
          <FieldError id="intake-categories" error={catError} />
        </fieldset>
        <Field
          id="intake-cause"
          label={t('intake.caseCause')}
          hint={t('intake.caseCauseHint')}
          error={errors.caseCause?.message}
        >
          <input id="intake-cause" {...register('caseCause')} />
        </Field>
        {(['joinDate', 'leaveDate', 'knewDate'] as const).map((k) => {
          const id = `intake-${k}`;
          const error = errors[k]?.message;
          return (
            <Field key={k} id={id} label={t(`intake.${k}`)} error={error}>
              <input id={id} type="date" {...register(k)} {...invalidProps(id, error)} data-testid={id} />
            </Field>
          );
        })}
        <Field id="intake-summary" label={t('intake.summary')} error={errors.summary?.message} wide>
          <textarea id="intake-summary" rows={2} {...register('summary')} />
        </Field>
      </div>
    </section>
  );
}
