/*
 * 五心调解: five stage cards in order, the gate that says what blocks the agreement, and the
 * 当事人查看 presentation mode that shows only main-file content when the screen is turned to a party.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIVE_HEART_FORMS, missingForAgreement } from '#shared/documents/five-heart';
import { StageCard } from './StageCard';
import { useCaseTools } from './use-case-tools';
import './mediation.css';

export function MediationTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const tools = useCaseTools(caseId);
  const [presenting, setPresenting] = useState(false);
  const state = tools.state;
  if (tools.loading) return <p className="muted">{t('mediation.loading')}</p>;
  if (state === null) return <p className="muted">{t('mediation.notFound')}</p>;
  const missing = missingForAgreement(state);
  return (
    <section
      className={`mediation${presenting ? ' mediation--presenting' : ''}`}
      data-testid="panel-mediation"
      data-presenting={presenting}
    >
      <div className="mediation__bar">
        <h2>{t('mediation.title')}</h2>
        <button
          type="button"
          className="btn"
          data-testid="present-toggle"
          aria-pressed={presenting}
          onClick={() => {
            setPresenting((p) => !p);
          }}
        >
          {presenting ? t('mediation.present.off') : t('mediation.present.on')}
        </button>
      </div>
      {presenting ? (
        <p className="present-banner" role="status">
          {t('mediation.present.banner')}
        </p>
      ) : (
        <div className="gate" data-testid="agreement-gate" data-ready={missing.length === 0}>
          {missing.length === 0 ? (
            <p>{t('mediation.gate.ready')}</p>
          ) : (
            <>
              <p>{t('mediation.gate.missing', { count: missing.length })}</p>
              <ul>
                {missing.map((m) => (
                  <li key={`${String(m.stage)}-${m.key}`}>
                    {FIVE_HEART_FORMS[m.stage - 1]?.zh} · {m.zh}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {tools.error !== null && (
        <p role="alert" className="form-error">
          {tools.error}
        </p>
      )}
      {FIVE_HEART_FORMS.map((form) => (
        <StageCard
          key={form.stage}
          form={form}
          tools={tools}
          state={state}
          caseId={caseId}
          presenting={presenting}
        />
      ))}
    </section>
  );
}
