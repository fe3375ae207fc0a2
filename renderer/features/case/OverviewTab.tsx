/* 概况: what case.opened said and the totals, plus any record that could not take effect. */
import { useTranslation } from 'react-i18next';
import { formatYuan } from '#shared/law/money';
import { useVocab } from '../../ui/vocab';
import { useCaseFile } from './use-case-file';

export function OverviewTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const state = useCaseFile(caseId).data;
  if (!state) return null;
  const o = state.opening;
  const workers = state.parties.filter((p) => p.current.kind === 'worker').length;
  const rows: [string, string][] = [
    [t('caseFile.overview.kind'), state.kind ? vocab('kind', state.kind) : ''],
    [t('caseFile.overview.status'), state.status ? vocab('status', state.status) : ''],
    [t('caseFile.overview.channel'), state.channel ? vocab('channel', state.channel) : ''],
    [t('caseFile.overview.categories'), state.disputeCategories.map((c) => vocab('category', c)).join('、')],
    [t('caseFile.overview.cause'), state.caseCause ?? ''],
    [
      t('caseFile.overview.receivedAt'),
      o ? new Date(o.receivedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '',
    ],
    [t('caseFile.overview.place'), o?.location?.description ?? ''],
    [t('caseFile.overview.workers'), String(Math.max(workers, o?.workerCount ?? 0))],
    [
      t('caseFile.overview.collective'),
      state.collective ? t('caseFile.overview.yes') : t('caseFile.overview.no'),
    ],
    [t('caseFile.overview.claimed'), formatYuan(state.amountClaimedFen)],
    [t('caseFile.overview.recovered'), formatYuan(state.amountRecoveredFen)],
  ];
  return (
    <section className="panel" data-testid="tab-overview">
      <dl className="facts facts--grid">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {o?.summary ? (
        <>
          <h2>{t('caseFile.overview.summary')}</h2>
          <p className="prewrap">{o.summary}</p>
        </>
      ) : null}
      {state.problems.length > 0 ? (
        <div className="notice" role="status">
          <h2>{t('caseFile.overview.problems')}</h2>
          <ul>
            {state.problems.map((p) => (
              <li key={p.eventId}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
