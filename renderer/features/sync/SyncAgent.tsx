/*
 * Background sync with no screen of its own: once at start (or right after enrollment) and whenever the
 * browser says it is back online. Rendered once by the top bar; renders nothing.
 */
import { useEffect } from 'react';
import { useEnrollment } from '../enroll/use-enrollment';
import { useSyncNow } from './use-sync';

export function SyncAgent() {
  const enrolledDevice = useEnrollment().data?.deviceId ?? null;
  const syncNow = useSyncNow();
  useEffect(() => {
    if (enrolledDevice === null) return;
    const run = () => {
      void syncNow();
    };
    if (navigator.onLine) run();
    window.addEventListener('online', run);
    return () => {
      window.removeEventListener('online', run);
    };
  }, [enrolledDevice, syncNow]);
  return null;
}
