/*
 * Importing one evidence file into a case: check what the file really is, hash and store it (streamed),
 * refuse a duplicate of evidence the case already has (naming the first), make EXIF-free copies of
 * photos, then record the signed evidence.added event. Any refusal or failure undoes what was stored
 * for this file, so nothing half-imported stays.
 */
import type { CaseState } from '#shared/case/index';
import type { EvidenceKind } from '#shared/domain/sessions';
import type { CaseEvent } from '#shared/events/envelope';
import { checkFileType, type EvidenceMime } from '#shared/evidence/sniff';
import type { Result } from '#shared/util/result';
import { deleteBlob, importEvidenceFile } from '../../data/blobs';
import { deleteDerived, saveDerived } from '../../data/blobs-derived';
import type { StorageEstimate } from '../../data/blobs-storage';
import type { DataContext } from '../../data/event-store';
import type { Draft } from '../../data/store';
import type { DerivedResult } from './derive-core';

/** What the clerk says about the file(s) being added. */
export type EvidenceMeta = {
  caption: string;
  claimIds: string[];
  submittedByPartyId?: string;
  originalSeen?: boolean;
  kind?: EvidenceKind;
  locationText?: string;
  /** Claimed capture time (RFC 3339); default: the file's modification time, or now for the camera. */
  capturedAt?: string;
};

export type ImportDeps = {
  ctx: DataContext;
  caseId: string;
  newId: () => string;
  write: (drafts: readonly Draft[]) => Promise<Result<CaseEvent[], { message: string }>>;
  /** Thumbnail + display copy; `mime` is the sniffed type (HEIC needs libheif instead of the browser). */
  derive: (blob: Blob, mime?: EvidenceMime) => Promise<DerivedResult>;
  estimate?: () => Promise<StorageEstimate>;
};

export type ImportOutcome =
  | { ok: true; fileName: string; evidenceId: string; sha256: string }
  | { ok: false; fileName: string; message: string; duplicateOf?: string };

const fail = (fileName: string, message: string, duplicateOf?: string): ImportOutcome => ({
  ok: false,
  fileName,
  message,
  ...(duplicateOf === undefined ? {} : { duplicateOf }),
});

async function pdfLooksComplete(file: Blob): Promise<boolean> {
  const tail = new TextDecoder().decode(await file.slice(Math.max(0, file.size - 2048)).arrayBuffer());
  return tail.includes('%%EOF');
}

/** Imports one file; `known` holds hashes already in the case (updated on success, for batches). */
export async function importOne(
  deps: ImportDeps,
  file: File,
  meta: EvidenceMeta,
  known: Map<string, { evidenceId: string; label: string }>,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  const name = file.name;
  if (file.size === 0) return fail(name, `“${name}”是空文件（0 字节），不能作为证据`);
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const type = checkFileType(name, head);
  if (!type.ok) return fail(name, type.error.message);
  if (type.value === 'application/pdf' && !(await pdfLooksComplete(file)))
    return fail(name, `“${name}”不是完整的 PDF（缺少结尾标记），可能已损坏`);
  const stored = await importEvidenceFile(deps.ctx, file, {
    mime: type.value,
    ...(onProgress ? { onProgress } : {}),
    ...(deps.estimate ? { estimate: deps.estimate } : {}),
  });
  if (!stored.ok) return fail(name, stored.error.message);
  const { sha256, alreadyStored } = stored.value;
  const undo = async () => {
    if (!alreadyStored) {
      await deleteBlob(deps.ctx, sha256);
      await deleteDerived(deps.ctx, sha256);
    }
  };
  const first = known.get(sha256);
  if (first) {
    await undo();
    return fail(name, `这份证据已在本案中（${first.label}），没有重复添加`, first.evidenceId);
  }
  const derived = await deriveIfImage(deps, file, type.value);
  if (!derived.ok) {
    await undo();
    return fail(name, `“${name}”：${derived.message}`);
  }
  if (derived.copies.length > 0) await saveDerived(deps.ctx, sha256, derived.copies);
  const evidenceId = deps.newId();
  const written = await deps.write([
    {
      caseId: deps.caseId,
      type: 'evidence.added',
      payload: {
        evidenceId,
        sha256,
        size: file.size,
        mime: type.value,
        fileName: name.slice(0, 255),
        capturedAt: meta.capturedAt ?? new Date(file.lastModified || Date.now()).toISOString(),
        caption: (meta.caption.trim() || name).slice(0, 500),
        claimIds: meta.claimIds,
        ...(meta.kind ? { kind: meta.kind } : {}),
        ...(meta.submittedByPartyId ? { submittedByPartyId: meta.submittedByPartyId } : {}),
        ...(meta.originalSeen === undefined ? {} : { originalSeen: meta.originalSeen }),
        ...(meta.locationText?.trim()
          ? { location: { description: meta.locationText.trim().slice(0, 200) } }
          : {}),
      },
    },
  ]);
  if (!written.ok) {
    await undo();
    return fail(name, `证据未能记录：${written.error.message}`);
  }
  known.set(sha256, { evidenceId, label: `“${meta.caption.trim() || name}”` });
  return { ok: true, fileName: name, evidenceId, sha256 };
}

async function deriveIfImage(
  deps: ImportDeps,
  file: Blob,
  mime: EvidenceMime,
): Promise<
  { ok: true; copies: Extract<DerivedResult, { ok: true }>['copies'] } | { ok: false; message: string }
> {
  if (mime !== 'image/jpeg' && mime !== 'image/png' && mime !== 'image/heic') return { ok: true, copies: [] };
  const r = await deps.derive(file, mime);
  return r.ok ? { ok: true, copies: r.copies } : r;
}

/** The case's evidence by hash, for duplicate checks ("第 N 号 …"). */
export function knownHashes(state: CaseState | null): Map<string, { evidenceId: string; label: string }> {
  const out = new Map<string, { evidenceId: string; label: string }>();
  state?.evidence.forEach((e, i) => {
    if (!out.has(e.sha256))
      out.set(e.sha256, {
        evidenceId: e.evidenceId,
        label: `第 ${String(i + 1)} 号“${e.caption || e.fileName}”`,
      });
  });
  return out;
}
