/* 今日 — today's sessions and the deadlines overdue or due within three days, each a link to its case. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/routes';
import type { CaseSummary } from '../../data/store';
import { Page } from '../../ui/Page';
import { EmptyLine, Panel } from '../../ui/Panel';
import { useVocab } from '../../ui/vocab';
import { DeadlineText } from '../caseload/CaseRowCells';
import { deadlineCell } from '../caseload/rows';
import { useStore } from '../../app/data-provider';
import { useToday } from './use-today';
import './today.css';

function DeadlineList({ items, today }: { items: CaseSummary[]; today: string }) {
  const { t } = useTranslation();
  return (
    <ul className="today-list">
      {items.map((s) => (
        <li key={s.caseId}>
          <Link to={paths.caseFile(s.caseId)} className="today-link">
            {s.unreadable ? (
              // #8: a summary that does not open is named, never shown.
              <span className="tone tone--danger" data-testid="today-sealed">
                {t('security.sealed.row.label')} · {t('security.sealed.row.case', { id: s.caseId })}
              </span>
            ) : null}
            <span className="today-number">{s.number}</span>
            <span className="today-who">{s.applicants[0] ?? ''}</span>
            <DeadlineText cell={deadlineCell(s.nextDeadline, today)} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function TodayPage() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const store = useStore();
  const data = useToday().data;
  const today = store.today();
  const deadlines = [...(data?.overdue ?? []), ...(data?.dueSoon ?? [])];
  return (
    <Page title={t('today.title')} testId="page-today">
      <div className="panel-grid">
        <Panel title={t('today.sessions')}>
          {data && data.sessions.length > 0 ? (
            <ul className="today-list" data-testid="today-sessions">
              {data.sessions.map(({ caseId, number, session }) => (
                <li key={session.sessionId}>
                  <Link to={paths.caseFile(caseId)} className="today-link">
                    <span className="today-time">
                      {new Date(session.start).toLocaleTimeString('zh-CN', {
                        timeZone: 'Asia/Shanghai',
                        hour: '2-digit',
                        minute: '2-digit',
                      })}
                    </span>
                    <span className="today-number">{number}</span>
                    <span className="today-who">
                      {t(`today.sessionKind.${session.kind}`)} · {vocab('place', session.venue)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyLine>{t('today.sessionsEmpty')}</EmptyLine>
          )}
        </Panel>
        <Panel title={t('today.deadlines')}>
          {deadlines.length > 0 ? (
            <div data-testid="today-deadlines">
              <p className="muted">
                {t('today.counts', { overdue: data?.overdueCount ?? 0, soon: data?.dueSoonCount ?? 0 })}
              </p>
              <DeadlineList items={deadlines} today={today} />
            </div>
          ) : (
            <EmptyLine>{t('today.deadlinesEmpty')}</EmptyLine>
          )}
        </Panel>
      </div>
    </Page>
  );
}
