/*
 * The file half of a package check: the signed file list agrees with the signed evidence.added events
 * (same hash and size for each evidence id), every listed file is there with exactly those bytes
 * (hashed as a stream, one chunk at a time), and nothing unlisted hides in the package.
 */
import type { CaseEvent } from '#shared/events/envelope';
import { failure, type EvidenceFailure } from './failures';
import { PACKAGE_SIDE_FILES, type ManifestFile } from './manifest';
import { sha256OfChunks } from './sha256';

/** Read access to a package (folder or zip); paths are '/'-separated and relative to its root. */
export type PackageReader = {
  /** Every file path in the package. */
  list(): Promise<readonly string[]>;
  /** The file's bytes as a stream of chunks, or null when there is no such file. */
  read(path: string): AsyncIterable<Uint8Array> | null;
};

export function checkFileList(
  files: readonly ManifestFile[],
  events: readonly CaseEvent[],
): EvidenceFailure[] {
  const out: EvidenceFailure[] = [];
  const byEvidence = new Map(files.map((f) => [f.evidenceId, f]));
  const evidenceIds = new Set<string>();
  for (const e of events) {
    if (e.type !== 'evidence.added') continue;
    evidenceIds.add(e.payload.evidenceId);
    const f = byEvidence.get(e.payload.evidenceId);
    if (f === undefined) {
      out.push(
        failure(
          'file_not_listed',
          { kind: 'event', eventId: e.id },
          `证据“${e.payload.fileName}”没有对应的文件条目`,
        ),
      );
    } else if (f.sha256 !== e.payload.sha256 || f.size !== e.payload.size) {
      out.push(
        failure(
          'file_entry_mismatch',
          { kind: 'file', path: f.path, evidenceId: f.evidenceId },
          `文件条目的哈希或大小与签名事件 ${e.id} 记录的不同`,
        ),
      );
    }
  }
  for (const f of files)
    if (!evidenceIds.has(f.evidenceId))
      out.push(
        failure(
          'file_without_event',
          { kind: 'file', path: f.path, evidenceId: f.evidenceId },
          '文件条目没有对应的证据登记事件',
        ),
      );
  return out;
}

/** Hashes every listed file and reports missing, changed and unexpected files. */
export async function checkFileBytes(
  files: readonly ManifestFile[],
  reader: PackageReader,
  onFile?: (done: number, total: number) => void,
): Promise<EvidenceFailure[]> {
  const out: EvidenceFailure[] = [];
  let done = 0;
  for (const f of files) {
    const target = { kind: 'file' as const, path: f.path, evidenceId: f.evidenceId };
    const chunks = reader.read(f.path);
    if (chunks === null) out.push(failure('file_missing', target, '包中缺少这个证据文件'));
    else {
      const actual = await sha256OfChunks(chunks);
      if (actual.size !== f.size)
        out.push(
          failure(
            'file_size_mismatch',
            target,
            `文件大小 ${String(actual.size)} 字节，与记录的 ${String(f.size)} 字节不同`,
          ),
        );
      if (actual.sha256 !== f.sha256)
        out.push(
          failure(
            'file_hash_mismatch',
            target,
            `文件内容被改动：SHA-256 为 ${actual.sha256}，记录为 ${f.sha256}`,
          ),
        );
    }
    onFile?.(++done, files.length);
  }
  const known = new Set<string>([...PACKAGE_SIDE_FILES, ...files.map((f) => f.path)]);
  for (const path of await reader.list())
    if (!known.has(path))
      out.push(failure('file_unexpected', { kind: 'file', path }, '包中有清单未列出的文件'));
  return out;
}
