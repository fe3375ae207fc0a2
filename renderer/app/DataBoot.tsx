/*
 * Opens the local store before any screen renders: IndexedDB, then the start-up check against the
 * journal (architecture.md, "Durability"). The user sees what is happening, and if something was put
 * back or could not be read, the screen says so instead of hiding it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { requestPersistentStorage } from '../data/storage-health';
import type { RecoveryReport, TribunalStore } from '../data/store';
import { StorageWarning } from '../features/storage/StorageWarning';
import { DataProvider } from './data-provider';
import { ProjectionRebuild } from './ProjectionRebuild';

type BootState =
  | { phase: 'opening' }
  | { phase: 'ready'; store: TribunalStore; report: RecoveryReport }
  | { phase: 'failed'; message: string };

export function DataBoot({ open, children }: { open: () => TribunalStore; children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<BootState>({ phase: 'opening' });
  useEffect(() => {
    let live = true;
    // Persistent storage first (#4 part 5): without it Chromium may evict the records when the disk fills.
    void requestPersistentStorage();
    const store = open();
    void store.recover().then((r) => {
      if (!live) return;
      setState(
        r.ok ? { phase: 'ready', store, report: r.value } : { phase: 'failed', message: r.error.message },
      );
    });
    return () => {
      live = false;
      store.close();
    };
  }, [open]);
  if (state.phase === 'opening')
    return (
      <p className="boot-line" role="status" data-testid="boot-opening">
        {t('boot.opening')}
      </p>
    );
  if (state.phase === 'failed')
    return (
      <p className="boot-line" role="alert" data-testid="boot-failed">
        {t('boot.failed', { message: state.message })}
      </p>
    );
  return (
    <DataProvider store={state.store}>
      {state.report.restored > 0 || state.report.unreadable.length > 0 ? (
        <p className="boot-notice" role="status" data-testid="boot-recovered">
          {t('boot.recovered', {
            restored: state.report.restored,
            unreadable: state.report.unreadable.length,
          })}
        </p>
      ) : null}
      <ProjectionRebuild store={state.store} />
      <StorageWarning />
      {children}
    </DataProvider>
  );
}
