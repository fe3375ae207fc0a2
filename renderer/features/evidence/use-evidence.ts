/*
 * The evidence tab's data: the case state, the import queue (one file at a time, progress per file,
 * each outcome kept on screen), retraction, and object URLs for stored copies that are revoked when
 * no longer shown.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CaseEvent } from '#shared/events/envelope';
import type { Result } from '#shared/util/result';
import { readBlob } from '../../data/blobs';
import { readDerived, type DerivedKind } from '../../data/blobs-derived';
import type { Draft } from '../../data/store';
import { useCaseState, useStore, useWrite } from '../../app/data-provider';
import { makeDerivedCopies } from './derive';
import { importOne, knownHashes, type EvidenceMeta } from './import-evidence';

export type QueueItem = {
  key: number;
  name: string;
  status: 'waiting' | 'importing' | 'done' | 'failed';
  percent: number;
  message?: string;
  duplicateOf?: string;
};

let queueKey = 0;

export function useEvidence(caseId: string) {
  const store = useStore();
  const caseState = useCaseState(caseId);
  const writer = useWrite();
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [busy, setBusy] = useState(false);

  const write = useCallback(
    (drafts: readonly Draft[]): Promise<Result<CaseEvent[], { message: string }>> =>
      writer.mutateAsync(drafts),
    [writer],
  );

  const addFiles = useCallback(
    async (files: readonly File[], meta: EvidenceMeta) => {
      const items = files.map((f) => ({
        key: queueKey++,
        name: f.name,
        status: 'waiting' as const,
        percent: 0,
      }));
      setQueue((q) => [...items, ...q]);
      setBusy(true);
      const patch = (key: number, p: Partial<QueueItem>) => {
        setQueue((q) => q.map((x) => (x.key === key ? { ...x, ...p } : x)));
      };
      const known = knownHashes(await store.caseState(caseId));
      const deps = { ctx: store.ctx, caseId, newId: store.newId, write, derive: makeDerivedCopies };
      for (const [i, file] of files.entries()) {
        const key = items[i]?.key ?? -1;
        patch(key, { status: 'importing' });
        const r = await importOne(deps, file, meta, known, (done, total) => {
          patch(key, { percent: Math.floor((done / total) * 100) });
        });
        patch(
          key,
          r.ok
            ? { status: 'done', percent: 100 }
            : {
                status: 'failed',
                message: r.message,
                ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
              },
        );
      }
      setBusy(false);
    },
    [store, caseId, write],
  );

  const retract = useCallback(
    (evidenceId: string, corrects: string, reason: string) =>
      write([{ caseId, type: 'evidence.retracted', payload: { corrects, evidenceId, reason } }]),
    [write, caseId],
  );

  const acknowledge = useCallback(
    (evidenceId: string, partyId: string, position: 'yes' | 'no' | 'disputed') =>
      write([{ caseId, type: 'evidence.acknowledged', payload: { evidenceId, partyId, position } }]),
    [write, caseId],
  );

  return {
    store,
    acknowledge,
    state: caseState.data ?? null,
    loading: caseState.isLoading,
    queue,
    busy,
    addFiles,
    retract,
  };
}

/** A stored copy as an object URL; `error` when it exists but does not open (#8: tampered, named). */
export type StoredCopy = { url: string | null; error: unknown };

/** The original as a Blob; a chunk that does not open rejects with the codec's SealError. */
async function originalBlob(ctx: ReturnType<typeof useStore>['ctx'], sha256: string): Promise<Blob | null> {
  const r = await readBlob(ctx, sha256);
  if (!r.ok) return null;
  const parts: BlobPart[] = [];
  for await (const c of r.value.chunks) parts.push(c as Uint8Array<ArrayBuffer>);
  return new Blob(parts, { type: r.value.info.mime });
}

/** An object URL for a stored copy (or the original), revoked on change/unmount, or why it failed. */
export function useStoredCopy(sha256: string | null, kind: DerivedKind | 'original'): StoredCopy {
  const store = useStore();
  const want = sha256 === null ? null : `${kind}:${sha256}`;
  const [loaded, setLoaded] = useState<{ key: string; url: string | null; error: unknown } | null>(null);
  useEffect(() => {
    if (sha256 === null || want === null) return;
    const run = { live: true, url: null as string | null };
    void (async () => {
      let blob: Blob | null;
      try {
        blob =
          kind === 'original'
            ? await originalBlob(store.ctx, sha256)
            : await readDerived(store.ctx, sha256, kind);
      } catch (e) {
        if (run.live) setLoaded({ key: want, url: null, error: e });
        return;
      }
      if (!run.live || blob === null) return;
      run.url = URL.createObjectURL(blob);
      setLoaded({ key: want, url: run.url, error: null });
    })();
    return () => {
      run.live = false;
      if (run.url !== null) URL.revokeObjectURL(run.url);
    };
  }, [store, sha256, kind, want]);
  return loaded !== null && loaded.key === want
    ? { url: loaded.url, error: loaded.error }
    : { url: null, error: null };
}

/** An object URL for a stored copy (or the original), revoked on change/unmount. */
export function useStoredUrl(sha256: string | null, kind: DerivedKind | 'original'): string | null {
  return useStoredCopy(sha256, kind).url;
}
