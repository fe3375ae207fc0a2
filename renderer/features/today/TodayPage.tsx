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
import { useToday, type TodayUnreadable } from './use-today';
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

/**
 * Working cases whose stored state did not open (#8): named 数据已损坏/被篡改 with the case id and a link to
 * the case file (which says what to do); nothing of them is shown and the rest of the page works.
 */
function SealedStateList({ items }: { items: TodayUnreadable[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="today-sealed-states">
      <p className="muted">{t('today.sealedStates')}</p>
      <ul className="today-list">
        {items.map(({ caseId, reason }) => (
          <li key={caseId}>
            <Link
              to={paths.caseFile(caseId)}
              className="today-link"
              data-testid="today-sealed-state"
              data-code={reason}
            >
              <span className="tone tone--danger">{t('security.sealed.row.label')}</span>
              <span className="today-number">{t('security.sealed.row.case', { id: caseId })}</span>
              <span className="today-who">{t(`security.sealed.row.${reason}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TodayPage() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const store = useStore();
  const query = useToday();
  const data = query.data;
  const unreadable = data?.unreadable ?? [];
  const today = store.today();
  const deadlines = [...(data?.overdue ?? []), ...(data?.dueSoon ?? [])];
  return (
    <Page title={t('today.title')} testId="page-today">
      {query.isError ? (
        <p role="alert" className="tone tone--danger" data-testid="today-error">
          {t('today.loadFailed')}
        </p>
      ) : null}
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
          ) : unreadable.length === 0 ? (
            <EmptyLine>{t('today.sessionsEmpty')}</EmptyLine>
          ) : null}
          {unreadable.length > 0 ? <SealedStateList items={unreadable} /> : null}
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
