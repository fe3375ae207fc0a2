/*
 * What every mediation tab needs: the case state, the enrolled user (name and organisation for the
 * documents), a way to record drafts that returns the refusal message instead of throwing, fresh ids,
 * and the clock (one place, so tests can run against a store with a fixed clock).
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CaseState } from '#shared/case/index';
import { useCaseState, useStore, useWrite } from '../../app/data-provider';
import { importEvidenceFile, readBlobAsBlob } from '../../data/blobs';
import type { Draft, Enrollment, LocalDrafts } from '../../data/store';
import { blobToDataUrl } from './doc-images';
import { sealedEditRefusal } from './sealed-guard';

export type CaseTools = {
  readonly state: CaseState | null;
  readonly loading: boolean;
  readonly enrollment: Enrollment | undefined;
  readonly newId: () => string;
  readonly today: string;
  readonly nowIso: () => string;
  /** Records drafts; resolves true when stored, else sets `error` (Chinese message) and resolves false. */
  readonly record: (drafts: readonly Draft[]) => Promise<boolean>;
  readonly error: string | null;
  readonly setError: (e: string | null) => void;
  readonly busy: boolean;
  /** Stores a signature image (SVG) in the local blob store; resolves with its SHA-256 or a message. */
  readonly storeSignature: (
    svg: string,
  ) => Promise<{ ok: true; sha256: string } | { ok: false; message: string }>;
  /** A stored image (signature, seal) as a data URL, or null when not stored on this device. */
  readonly loadImage: (sha256: string) => Promise<string | null>;
  /** Stores an image file (the organisation's seal scan) the same way. */
  readonly storeImage: (file: Blob) => Promise<{ ok: true; sha256: string } | { ok: false; message: string }>;
  /** Work not yet recorded (the transcript typed during a hearing), kept sealed on this device. */
  readonly drafts: LocalDrafts;
};

export function useCaseTools(caseId: string): CaseTools {
  const store = useStore();
  const q = useCaseState(caseId);
  const write = useWrite();
  const enrollment = useQuery({ queryKey: ['enrollment'], queryFn: () => store.enrollment() });
  const [error, setError] = useState<string | null>(null);
  const record = async (drafts: readonly Draft[]): Promise<boolean> => {
    const refusal = sealedEditRefusal(q.data ?? null, drafts);
    if (refusal !== null) {
      setError(refusal);
      return false;
    }
    const r = await write.mutateAsync(drafts);
    if (!r.ok) {
      setError(r.error.message);
      return false;
    }
    setError(null);
    return true;
  };
  return {
    state: q.data ?? null,
    loading: q.isPending,
    enrollment: enrollment.data,
    newId: store.newId,
    today: store.today(),
    nowIso: () => new Date().toISOString(),
    record,
    error,
    setError,
    busy: write.isPending,
    storeSignature: async (svg) => {
      const r = await importEvidenceFile(store.ctx, new Blob([svg], { type: 'image/svg+xml' }), {
        mime: 'image/svg+xml',
      });
      return r.ok ? { ok: true, sha256: r.value.sha256 } : { ok: false, message: r.error.message };
    },
    loadImage: async (sha256) => {
      const r = await readBlobAsBlob(store.ctx, sha256);
      return r.ok ? blobToDataUrl(r.value) : null;
    },
    storeImage: async (file) => {
      if (!file.type.startsWith('image/')) return { ok: false, message: '印章须为图片文件' };
      const r = await importEvidenceFile(store.ctx, file, { mime: file.type });
      return r.ok ? { ok: true, sha256: r.value.sha256 } : { ok: false, message: r.error.message };
    },
    drafts: store.drafts,
  };
}

/** A party's name by id ('' when unknown). */
export const partyName = (state: CaseState, partyId: string | undefined): string =>
  state.parties.find((p) => p.partyId === partyId)?.current.name ?? '';
