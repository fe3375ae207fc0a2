/*
 * Whether a file an event names is on this laptop, and if not, how its download stands (下载中 n% /
 * 未下载 / 校验不符), from the sync engine's transfer board. `auto` starts a download on demand (the
 * viewer or a signed document opened a file signed on another laptop); the sync run downloads the
 * rest. The state re-reads when the board changes for this file.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { blobInfo } from '../../data/blobs';
import { useStore } from '../../app/data-provider';
import { blobTransfers, type BlobTransfer } from '../../sync/download';
import { syncFor } from '../sync/use-sync';

export type BlobPresence = {
  /** null while checking. */
  local: boolean | null;
  transfer: BlobTransfer | undefined;
  fetchNow: () => void;
};

export function useBlobTransfer(sha256: string | null): BlobTransfer | undefined {
  const subscribe = useCallback((l: () => void) => blobTransfers.subscribe(l), []);
  const get = useCallback(() => (sha256 === null ? undefined : blobTransfers.get(sha256)), [sha256]);
  return useSyncExternalStore(subscribe, get);
}

/** Changes whenever any file's download state changes (to re-read images as they arrive). */
export function useTransferBoardVersion(): number {
  const subscribe = useCallback((l: () => void) => blobTransfers.subscribe(l), []);
  return useSyncExternalStore(subscribe, blobTransfers.version);
}

export function useBlobPresence(sha256: string | null, auto: boolean): BlobPresence {
  const store = useStore();
  const transfer = useBlobTransfer(sha256);
  const [local, setLocal] = useState<{ sha: string; local: boolean } | null>(null);
  const fetchNow = useCallback(() => {
    if (sha256 !== null) void syncFor(store).engine.fetchBlob(sha256);
  }, [store, sha256]);
  useEffect(() => {
    if (sha256 === null) return;
    const run = { live: true };
    void blobInfo(store.ctx, sha256).then((info) => {
      if (run.live) setLocal({ sha: sha256, local: info !== null });
    });
    return () => {
      run.live = false;
    };
  }, [store, sha256, transfer]);
  const isLocal = local?.sha === sha256 ? local.local : null;
  // Asked once per file while mounted; after a failure the button asks again.
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (!auto || sha256 === null || isLocal !== false || asked.current === sha256) return;
    if (transfer?.state === 'downloading') return;
    asked.current = sha256;
    fetchNow();
  }, [auto, sha256, isLocal, transfer, fetchNow]);
  return { local: isLocal, transfer, fetchNow };
}
