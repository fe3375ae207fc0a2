/*
 * 同步 — what waits to go (records and files with sizes), 立即同步 with its progress, the last successful
 * sync, what the hub rejected and why (a rejection blocks this device's chain, said plainly), what this
 * laptop received but refused to apply (the quarantine), and the cases in conflict waiting for a decision.
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys, useAllCaseStates } from '../../app/data-provider';
import { paths } from '../../app/routes';
import { Page } from '../../ui/Page';
import { EmptyLine, Panel } from '../../ui/Panel';
import { useEnrollment } from '../enroll/use-enrollment';
import { caseSyncLines, overallSync } from './case-sync';
import { CaseSyncList } from './CaseSyncList';
import { QuarantineList, type RecheckAction } from './QuarantineList';
import { RejectedList, type SetAsideActions } from './RejectedList';
import { SyncProgressBar } from './SyncProgressBar';
import { failureText, formatBytes, formatTime } from './sync-text';
import { useSyncBinding, useSyncNow, useSyncState } from './use-sync';
import './sync.css';

/**
 * Which run an outcome on screen belongs to (1, 2, … per outcome object, stable across remounts): the
 * `sync-done` line carries it, so a reader can tell a finished new run from the last one's line.
 */
const runNumbers = new WeakMap<object, number>();
let runsSeen = 0;
function runNumber(outcome: object): number {
  let n = runNumbers.get(outcome);
  if (n === undefined) {
    n = ++runsSeen;
    runNumbers.set(outcome, n);
  }
  return n;
}

export const syncOverviewKey = [...queryKeys.outbox, 'overview'] as const;

export function SyncPage() {
  const { t, i18n } = useTranslation();
  const { local, engine } = useSyncBinding();
  const client = useQueryClient();
  const enrolled = useEnrollment().data;
  const state = useSyncState();
  const syncNow = useSyncNow();
  const overview = useQuery({
    queryKey: [...syncOverviewKey, state.last?.at ?? 0],
    queryFn: async () => ({
      pending: await local.pending(Number.MAX_SAFE_INTEGER),
      files: await local.blobQueue(),
      status: await local.status(),
      quarantined: await local.quarantined(),
      setAside: await local.setAsideList(),
      released: await local.releasedLog(),
    }),
  });
  const allCases = useAllCaseStates().data ?? [];
  const conflicts = allCases.filter((c) => c.inConflict);
  const pending = overview.data?.pending ?? [];
  const waitingCases = new Set(pending.map((p) => p.event.caseId)).size;
  const files = [
    ...(overview.data?.files ?? []),
    ...pending.flatMap((p) => (p.event.type === 'evidence.added' ? [p.event.payload] : [])),
  ];
  const status = overview.data?.status;
  const last = state.last;
  const caseLines = caseSyncLines(
    allCases,
    pending,
    overview.data?.setAside ?? [],
    state.running && state.progress.phase === 'pushing',
  );
  const overall = overallSync(caseLines);
  const overallText = ((): string => {
    switch (overall.kind) {
      case 'conflict':
        return t('sync.overall.conflict', { cases: overall.cases });
      case 'rejected':
        return t('sync.overall.rejected', { cases: overall.cases });
      case 'syncing':
        return t('sync.overall.syncing', { done: state.progress.pushed, total: state.progress.toPush });
      case 'saved-local':
        return t('sync.overall.saved-local', { waiting: overall.waiting });
      case 'synced':
        return status?.lastSyncAt
          ? t('sync.overall.synced', { time: formatTime(status.lastSyncAt, i18n.language) })
          : t('sync.overall.syncedNever');
    }
  })();
  const refresh = async (): Promise<void> => {
    await Promise.all([
      client.invalidateQueries({ queryKey: syncOverviewKey }),
      client.invalidateQueries({ queryKey: queryKeys.caseload }),
      client.invalidateQueries({ queryKey: ['case'] }),
    ]);
  };
  // A decision is recorded with the enrolled user's name; a device not enrolled has nothing to decide.
  const who = enrolled?.userName;
  const decide: SetAsideActions | undefined =
    who === undefined
      ? undefined
      : {
          resend: async (id, note) => {
            const r = await local.resend(id, { at: Date.now(), by: who, note });
            await refresh();
            if (!r.ok) return r.error.message;
            void syncNow();
            return null;
          },
          discard: async (id, note) => {
            const r = await local.discard(id, { at: Date.now(), by: who, note });
            await refresh();
            return r.ok ? null : r.error.message;
          },
        };
  const recheck: RecheckAction | undefined =
    who === undefined
      ? undefined
      : async () => {
          const r = await engine.recheckQuarantine(who);
          await refresh();
          return r.ok
            ? { ok: true, released: r.value.released.length, held: r.value.held }
            : { ok: false, message: r.error.message };
        };

  const action = enrolled ? (
    <button
      type="button"
      className="btn btn-primary"
      disabled={state.running}
      onClick={() => void syncNow()}
      data-testid="sync-now"
    >
      {state.running ? t('sync.syncing') : t('sync.syncNow')}
    </button>
  ) : (
    <Link to={paths.enroll} className="btn btn-primary">
      {t('sync.enrollLink')}
    </Link>
  );

  return (
    <Page title={t('sync.title')} actions={action} testId="page-sync">
      {enrolled ? null : <p className="muted">{t('sync.notEnrolled')}</p>}
      <SyncProgressBar state={state} />
      {last?.ok === true && !state.running ? (
        <p role="status" data-testid="sync-done" data-run={runNumber(last)}>
          {t('sync.done', { pushed: last.push.pushed, stored: last.pull.stored })}
        </p>
      ) : null}
      {last?.ok === false && !state.running ? (
        <p role="alert" className="sync-failure" data-testid="sync-failure" data-kind={last.failure.kind}>
          {failureText(t, last.failure)}
        </p>
      ) : null}
      <p data-testid="sync-overall" data-state={overall.kind}>
        <strong>{t('sync.overall.label')}：</strong>
        {overallText}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('sync.lastSync')}</dt>
          <dd data-testid="last-sync">
            {status?.lastSyncAt ? formatTime(status.lastSyncAt, i18n.language) : t('sync.never')}
          </dd>
        </div>
      </dl>
      {status && status.driftFlags.length > 0 ? (
        <p className="sync-warning" role="status">
          {t('sync.drift', { count: status.driftFlags.length, minutes: 5 })}
        </p>
      ) : null}
      <div className="panel-grid">
        <Panel title={t('sync.waiting')}>
          {pending.length === 0 && files.length === 0 ? (
            <EmptyLine>{t('sync.waitingEmpty')}</EmptyLine>
          ) : (
            <div data-testid="sync-waiting">
              {pending.length > 0 ? (
                <p>{t('sync.waitingEvents', { count: pending.length, cases: waitingCases })}</p>
              ) : null}
              {files.length > 0 ? (
                <ul className="sync-files" aria-label={t('sync.waitingFiles')}>
                  {files.map((f) => (
                    <li key={f.sha256}>
                      {f.fileName} · {formatBytes(f.size)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          )}
        </Panel>
        <Panel title={t('sync.rejected')}>
          <RejectedList pending={pending} setAside={overview.data?.setAside ?? []} actions={decide} />
        </Panel>
        <Panel title={t('sync.quarantine.title')}>
          <QuarantineList
            entries={overview.data?.quarantined ?? []}
            released={overview.data?.released ?? []}
            recheck={recheck}
          />
        </Panel>
        <Panel title={t('sync.perCase.title')}>
          <CaseSyncList
            lines={caseLines}
            progress={{ done: state.progress.pushed, total: state.progress.toPush }}
            lastSyncAt={status?.lastSyncAt ?? null}
          />
        </Panel>
        <Panel title={t('sync.conflicts')}>
          {conflicts.length === 0 ? (
            <EmptyLine>{t('sync.conflictsEmpty')}</EmptyLine>
          ) : (
            <ul data-testid="sync-conflicts">
              {conflicts.map((c) => {
                const id = c.caseId ?? '';
                return (
                  <li key={id}>
                    <Link to={paths.caseFile(id)}>
                      {c.numbers.official?.number ?? c.numbers.temporary ?? id}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </Panel>
      </div>
    </Page>
  );
}
