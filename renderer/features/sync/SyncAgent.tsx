/*
 * Background sync, rendered once in the top bar: while the device is enrolled, an automatic scheduler
 * (renderer/sync/scheduler.ts) runs a sync at start, every few minutes, and as soon as the browser says
 * the network is back, backing off after failures; the chip beside it shows the progress and the last
 * outcome. A manual 立即同步 joins a running sync instead of starting a second one.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useEnrollment } from '../enroll/use-enrollment';
import { createSyncScheduler, type SchedulerState, type SyncScheduler } from '../../sync/scheduler';
import { SyncStatusChip } from './SyncStatusChip';
import { useSyncNow, useSyncState } from './use-sync';
import './sync.css';

const IDLE_SCHEDULE: SchedulerState = { paused: null, nextAt: null, failures: 0 };
const noSubscribe = () => () => undefined;
const BROWSER = {
  timers: {
    setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
    clearTimeout: (h: unknown) => {
      window.clearTimeout(h as number);
    },
  },
  isOnline: () => navigator.onLine,
  now: () => Date.now(),
  random: () => Math.random(),
};

export function SyncAgent() {
  const enrolledDevice = useEnrollment().data?.deviceId ?? null;
  const syncNow = useSyncNow();
  const engine = useSyncState();
  const scheduler: SyncScheduler | null = useMemo(
    () =>
      enrolledDevice === null
        ? null
        : createSyncScheduler({
            run: syncNow,
            ...BROWSER,
          }),
    [enrolledDevice, syncNow],
  );
  useEffect(() => {
    if (!scheduler) return;
    const online = () => {
      scheduler.online();
    };
    const offline = () => {
      scheduler.offline();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    scheduler.start();
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      scheduler.stop();
    };
  }, [scheduler]);
  const schedule = useSyncExternalStore(
    scheduler ? scheduler.subscribe : noSubscribe,
    scheduler ? scheduler.getState : () => IDLE_SCHEDULE,
  );
  if (enrolledDevice === null) return null;
  return <SyncStatusChip engine={engine} schedule={schedule} />;
}
