/*
 * After an update that changed the case reducer, the stored case states are rebuilt from the events in
 * the background (data/projection-rebuild.ts). This starts it once the store is open and shows its
 * progress in one status line; the screens below stay usable (they read the older rows meanwhile) and are
 * refreshed when it is done. An interrupted run (closed, locked) resumes on the next start; a failure is
 * named with 重试.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { TribunalStore } from '../data/store';

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; total: number }
  | { kind: 'failed'; message: string };

export function ProjectionRebuild({ store }: { store: TribunalStore }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const stop = new AbortController();
    /** False once the screen went away (the store closes with it). */
    const live = (): boolean => !stop.signal.aborted;
    void (async () => {
      try {
        if (!(await store.projectionsStale()) || !live()) return;
        const r = await store.rebuildProjections({
          signal: stop.signal,
          onProgress: (p) => {
            if (live()) setPhase({ kind: 'running', done: p.done, total: p.total });
          },
        });
        if (!live()) return;
        if (!r.ok) {
          setPhase({ kind: 'failed', message: r.error.message });
          return;
        }
        if (!r.value.complete) return;
        setPhase({ kind: 'done', total: r.value.total });
        await Promise.all([
          client.invalidateQueries({ queryKey: ['case'] }),
          client.invalidateQueries({ queryKey: ['caseload'] }),
        ]);
      } catch (e) {
        if (!stop.signal.aborted)
          setPhase({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      stop.abort();
    };
  }, [store, client, attempt]);

  if (phase.kind === 'idle') return null;
  if (phase.kind === 'failed')
    return (
      <p className="boot-notice" role="alert" data-testid="projection-rebuild">
        {t('boot.rebuildFailed', { message: phase.message })}{' '}
        <button
          type="button"
          className="btn"
          onClick={() => {
            setPhase({ kind: 'idle' });
            setAttempt(attempt + 1);
          }}
        >
          {t('boot.rebuildRetry')}
        </button>
      </p>
    );
  return (
    <p className="boot-notice" role="status" data-testid="projection-rebuild">
      {phase.kind === 'running'
        ? t('boot.rebuilding', { done: phase.done, total: phase.total })
        : t('boot.rebuilt', { total: phase.total })}
    </p>
  );
}
