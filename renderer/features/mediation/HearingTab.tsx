/* Hearing tab of the case file (issue #6); filled in step by step, the name and props are the contract. */
import { useTranslation } from 'react-i18next';
import { EmptyLine } from '../../ui/Panel';

export function HearingTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <section data-testid="tab-hearing" data-case-id={caseId}>
      <EmptyLine>{t('mediation.title')}</EmptyLine>
    </section>
  );
}
