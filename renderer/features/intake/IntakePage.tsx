/*
 * 新建案件 (screens.md "intake"): one page, basics → applicants → respondent (and construction chain) →
 * claims → 保存. The whole case is written in one write (case.opened, parties, claims), then the case
 * file opens. A refused save keeps everything typed and says why.
 */
import { useMemo, useState } from 'react';
import { FormProvider, useForm, type FieldErrors } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/routes';
import { useAuthor, useStore, useWrite } from '../../app/data-provider';
import { Icon } from '../../ui/icons';
import { Page } from '../../ui/Page';
import { vocabLabel } from '../../ui/vocab';
import { BasicsSection } from './BasicsSection';
import { ClaimsSection } from './ClaimsSection';
import { EmployerSection } from './EmployerSection';
import { defaultIntake, intakeSchema, type IntakeForm } from './intake-schema';
import { intakeDrafts } from './to-drafts';
import { WorkersSection } from './WorkersSection';
import './intake.css';

/** How many leaf errors the form holds (for the summary line above the save button). */
export function countErrors(e: unknown): number {
  if (e === null || typeof e !== 'object') return 0;
  if ('message' in e && typeof e.message === 'string' && e.message !== '') return 1;
  return Object.entries(e).reduce((n, [k, v]) => (k === 'ref' ? n : n + countErrors(v)), 0);
}

export function IntakePage() {
  const { t } = useTranslation();
  const store = useStore();
  const author = useAuthor();
  const write = useWrite();
  const navigate = useNavigate();
  const today = store.today();
  const resolver = useMemo(() => zodResolver(intakeSchema(today)), [today]);
  const form = useForm<IntakeForm>({
    resolver,
    defaultValues: defaultIntake(),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [errorCount, setErrorCount] = useState(0);
  const enrolled = author.data !== null && author.data !== undefined;

  const onValid = async (values: IntakeForm) => {
    setFailure(null);
    setErrorCount(0);
    const a = author.data;
    if (!a) return;
    const tempNumber = await store.nextTempNumber(a);
    const caseId = store.newId();
    const drafts = intakeDrafts(values, {
      caseId,
      tempNumber,
      receivedAt: new Date().toISOString(),
      today,
      newId: store.newId,
      placeZh: (p) => vocabLabel(t, 'place', p),
      categoryZh: (c) => vocabLabel(t, 'category', c),
      chainZh: (r) => vocabLabel(t, 'chain', r),
    });
    const r = await write.mutateAsync(drafts);
    if (r.ok) {
      await navigate(paths.caseFile(caseId));
      return;
    }
    const detail =
      'fields' in r.error ? r.error.fields.map((f) => `${f.field}: ${f.message}`).join('；') : '';
    setFailure([r.error.message, detail].filter((s) => s !== '').join(' — '));
  };
  const onInvalid = (errors: FieldErrors<IntakeForm>) => {
    setErrorCount(countErrors(errors));
  };

  const back = (
    <Link to={paths.caseload} className="btn">
      <Icon name="back" />
      <span>{t('intake.back')}</span>
    </Link>
  );
  return (
    <Page title={t('intake.title')} actions={back} testId="page-intake">
      {author.isSuccess && !enrolled ? (
        <p className="notice notice--danger" role="alert" data-testid="not-enrolled">
          {t('intake.notEnrolled')}{' '}
          <Link to={paths.enroll} className="btn btn-primary">
            {t('intake.enrollLink')}
          </Link>
        </p>
      ) : null}
      <FormProvider {...form}>
        <form
          className="intake"
          noValidate
          onSubmit={(e) => {
            void form.handleSubmit(onValid, onInvalid)(e);
          }}
        >
          <BasicsSection />
          <WorkersSection />
          <EmployerSection />
          <ClaimsSection />
          <div className="intake-footer">
            {errorCount > 0 ? (
              <p className="field-error" role="alert" data-testid="intake-errors">
                {t('intake.fixErrors', { count: errorCount })}
              </p>
            ) : null}
            {failure ? (
              <p className="notice notice--danger" role="alert" data-testid="intake-failed">
                {t('intake.saveFailed', { message: failure })}
              </p>
            ) : null}
            <button
              type="submit"
              className="btn btn-primary"
              disabled={!enrolled || form.formState.isSubmitting}
              data-testid="intake-save"
            >
              {form.formState.isSubmitting ? t('intake.saving') : t('intake.save')}
            </button>
          </div>
        </form>
      </FormProvider>
    </Page>
  );
}
