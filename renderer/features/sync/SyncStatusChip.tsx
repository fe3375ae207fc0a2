/*
 * The top bar's sync line: what automatic sync is doing now (uploading n of m, received n, file bytes,
 * waiting to retry) with a small bar, or how the last run ended (已同步 at a time; failed, next try at a
 * time; records that need a look) — icon + words, a link to the sync page. Pure: the engine and
 * scheduler states come in as props.
 */
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../app/routes';
import type { SyncState } from '../../sync/engine';
import type { SchedulerState } from '../../sync/scheduler';
import { Icon, type IconName } from '../../ui/icons';
import type { Tone } from '../../ui/StatusPill';
import { formatBytes } from './sync-text';

export type ChipLook = {
  icon: IconName;
  tone: Tone;
  text: string;
  /** [value, max] of the bar while a run is going; value undefined = indeterminate. */
  progress: [number | undefined, number] | null;
};

const clock = (ms: number, language: string): string =>
  new Date(ms).toLocaleTimeString(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
  });

export function describeSyncChip(
  engine: SyncState,
  schedule: SchedulerState,
  t: TFunction,
  language: string,
): ChipLook {
  const offline = { icon: 'offline', tone: 'neutral', text: t('sync.chip.offline'), progress: null } as const;
  // A run waiting to retry while the network is down (a manual 立即同步 offline) waits for the network.
  if (schedule.paused === 'offline' && (!engine.running || engine.progress.phase === 'retrying'))
    return offline;
  if (engine.running) {
    const p = engine.progress;
    switch (p.phase) {
      case 'pushing':
        return {
          icon: 'sync',
          tone: 'neutral',
          text: t('sync.chip.pushing', { done: p.pushed, total: p.toPush }),
          progress: [p.pushed, Math.max(p.toPush, 1)],
        };
      case 'uploading':
        return {
          icon: 'sync',
          tone: 'neutral',
          text: t('sync.chip.uploading', {
            sent: formatBytes(p.bytesSent),
            total: formatBytes(p.bytesTotal),
          }),
          progress: [p.bytesSent, Math.max(p.bytesTotal, 1)],
        };
      case 'downloading':
        return {
          icon: 'sync',
          tone: 'neutral',
          text: t('sync.chip.downloading', {
            received: formatBytes(p.bytesReceived ?? 0),
            total: formatBytes(p.bytesToReceive ?? 0),
          }),
          progress: [p.bytesReceived ?? 0, Math.max(p.bytesToReceive ?? 0, 1)],
        };
      case 'pulling':
        return {
          icon: 'sync',
          tone: 'neutral',
          text: t('sync.chip.pulling', { count: p.pulled }),
          progress: [undefined, 1],
        };
      case 'retrying':
        return { icon: 'syncFailed', tone: 'warn', text: t('sync.chip.retrying'), progress: [undefined, 1] };
      case 'idle':
        return { icon: 'sync', tone: 'neutral', text: t('sync.chip.starting'), progress: [undefined, 1] };
    }
  }
  if (schedule.paused === 'revoked' || (engine.last?.ok === false && engine.last.failure.kind === 'revoked'))
    return { icon: 'syncFailed', tone: 'danger', text: t('sync.chip.revoked'), progress: null };
  const last = engine.last;
  if (last === null) return { icon: 'sync', tone: 'neutral', text: t('sync.chip.never'), progress: null };
  if (!last.ok) {
    const text =
      schedule.nextAt !== null
        ? t('sync.chip.failedRetry', { time: clock(schedule.nextAt, language) })
        : t('sync.chip.failed');
    return { icon: 'syncFailed', tone: 'warn', text, progress: null };
  }
  const issues = last.push.rejected + last.pull.refused.length;
  if (issues > 0)
    return {
      icon: 'syncFailed',
      tone: 'warn',
      text: t('sync.chip.needsLook', { time: clock(last.at, language), count: issues }),
      progress: null,
    };
  return {
    icon: 'synced',
    tone: 'ok',
    text: t('sync.chip.synced', { time: clock(last.at, language) }),
    progress: null,
  };
}

export function SyncStatusChip({ engine, schedule }: { engine: SyncState; schedule: SchedulerState }) {
  const { t, i18n } = useTranslation();
  const look = describeSyncChip(engine, schedule, t, i18n.language);
  return (
    <Link
      to={paths.sync}
      className={`status-pill status-pill--${look.tone} sync-chip`}
      data-testid="sync-chip"
      data-running={engine.running ? 'true' : 'false'}
      title={t('sync.chip.label')}
    >
      <Icon name={look.icon} size={18} />
      <span className="visually-hidden">{t('sync.chip.label')}: </span>
      <span role="status">{look.text}</span>
      {look.progress ? (
        <progress aria-label={t('sync.progress.label')} value={look.progress[0]} max={look.progress[1]} />
      ) : null}
    </Link>
  );
}
