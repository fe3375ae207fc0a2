/*
 * 案件详情 (screens.md "case file"): the header and the tabs. The tab lives in the URL (?tab=…), so a
 * reload or a link lands on the same tab. Tabs of other features are imported from their folders.
 */
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/routes';
import { Icon } from '../../ui/icons';
import { Page } from '../../ui/Page';
import { EmptyLine } from '../../ui/Panel';
import { EvidenceTab } from '../evidence/EvidenceTab';
import { AgreementTab } from '../mediation/AgreementTab';
import { DocumentsTab } from '../mediation/DocumentsTab';
import { HearingTab } from '../mediation/HearingTab';
import { MediationTab } from '../mediation/MediationTab';
import { ReviewBanner, ReviewTab } from '../review/ReviewTab';
import { CaseHeader } from './CaseHeader';
import { ClaimsTab } from './ClaimsTab';
import { DeadlinesTab } from './DeadlinesTab';
import { OverviewTab } from './OverviewTab';
import { PartiesTab } from './PartiesTab';
import { ReferralsTab } from './ReferralsTab';
import { CASE_TABS, isCaseTab, type CaseTab } from './tabs';
import { TimelineTab } from './TimelineTab';
import { useCaseFile, useDeadlines } from './use-case-file';
import { SealedDataError } from '../../security/SealedDataError';
import './case.css';

function TabBody({ tab, caseId }: { tab: CaseTab; caseId: string }) {
  switch (tab) {
    case 'overview':
      return <OverviewTab caseId={caseId} />;
    case 'parties':
      return <PartiesTab caseId={caseId} />;
    case 'claims':
      return <ClaimsTab caseId={caseId} />;
    case 'evidence':
      return <EvidenceTab caseId={caseId} />;
    case 'mediation':
      return <MediationTab caseId={caseId} />;
    case 'hearing':
      return <HearingTab caseId={caseId} />;
    case 'agreement':
      return <AgreementTab caseId={caseId} />;
    case 'documents':
      return <DocumentsTab caseId={caseId} />;
    case 'deadlines':
      return <DeadlinesTab caseId={caseId} />;
    case 'timeline':
      return <TimelineTab caseId={caseId} />;
    case 'referrals':
      return <ReferralsTab caseId={caseId} />;
    case 'review':
      return <ReviewTab caseId={caseId} />;
    default:
      return null;
  }
}

export function CasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: CaseTab = isCaseTab(raw) ? raw : 'overview';
  const state = useCaseFile(caseId);
  const deadlines = useDeadlines(state.data);
  const setTab = (next: CaseTab) => {
    setParams({ tab: next }, { replace: true });
  };
  const back = (
    <Link to={paths.caseload} className="btn">
      <Icon name="back" />
      <span>{t('caseFile.back')}</span>
    </Link>
  );
  if (state.isPending)
    return (
      <Page title={t('caseFile.title')} actions={back} testId="page-case">
        <EmptyLine>{t('caseFile.loading')}</EmptyLine>
      </Page>
    );
  // #8: a stored case state that does not open (tampered, foreign key, damaged) is named, never shown.
  if (state.isError)
    return (
      <Page title={t('caseFile.title')} actions={back} testId="page-case">
        <SealedDataError error={state.error} record={t('security.sealed.caseRecord', { id: caseId })} />
      </Page>
    );
  if (!state.data || state.data.caseId === null)
    return (
      <Page title={t('caseFile.title')} actions={back} testId="page-case">
        <p className="muted" data-testid="case-id">
          {t('caseFile.caseId', { id: caseId })}
        </p>
        <EmptyLine>{t('caseFile.notFound')}</EmptyLine>
      </Page>
    );
  return (
    <Page title={t('caseFile.title')} actions={back} testId="page-case">
      <CaseHeader
        state={state.data}
        caseId={caseId}
        next={deadlines.next}
        today={deadlines.today}
        onTab={setTab}
      />
      <ReviewBanner state={state.data} />
      <div className="case-tabs" role="tablist" aria-label={t('caseFile.tabs.label')}>
        {CASE_TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls="case-tabpanel"
            className="case-tab"
            onClick={() => {
              setTab(id);
            }}
            data-testid={`casetab-${id}`}
          >
            {t(`caseFile.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div className="case-tabpanel" id="case-tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <TabBody tab={tab} caseId={caseId} />
      </div>
    </Page>
  );
}
