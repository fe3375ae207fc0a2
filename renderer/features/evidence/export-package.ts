/*
 * Exporting a case's evidence as a verification package (shared/evidence/README.md): the originals
 * streamed out of the blob store, the 证据清单 as HTML, a README and the signed manifest, written to a
 * sink: a folder the user picked (File System Access API, memory flat) or a zip (fflate, stored without
 * compression: photos and PDFs are compressed already, and the verifier can read it back fast).
 */
import { Zip, ZipPassThrough } from 'fflate';
import type { CaseEvent } from '#shared/events/envelope';
import { compareHlc } from '#shared/events/hlc';
import { buildManifest, isEvidenceEvent, MANIFEST_FILE, packagePathFor } from '#shared/evidence/manifest';
import { err, ok, type Result } from '#shared/util/result';
import { readBlob } from '../../data/blobs';
import type { DataContext } from '../../data/event-store';
import type { Author } from '../../data/store';
import { evidencePackageDisclosure } from '../../security/disclosure';

/** Where a package is written. */
export type PackageSink = {
  write(path: string, data: Uint8Array | AsyncIterable<Uint8Array>): Promise<void>;
  finish(): Promise<void>;
};

export type ExportInput = {
  ctx: DataContext;
  author: Author;
  publicJwk: JsonWebKey;
  /**
   * Keys of other devices, by device id: the keys pull pinned (SyncLocal.deviceKeys). The manifest
   * carries those of the devices that signed an included event; a signer without a key refuses the export.
   */
  otherKeys?: Readonly<Record<string, JsonWebKey>>;
  appVersion: string;
  caseId: string;
  caseNumber: string;
  events: readonly CaseEvent[];
  inventoryHtml: string;
  now: () => number;
  onProgress?: (done: number, total: number) => void;
};

const readme = (files: number) => `证据核验包 / Evidence verification package

manifest.json  签名清单：全部证据登记与撤回事件（含哈希与签名）、文件哈希、设备公钥
files/         证据原件，逐字节保存（含原始 EXIF；哈希针对原件）
证据清单.html   供阅读的证据清单

核验 / verify:  npm run verify-evidence -- <本文件夹或 zip>

个人信息 / Personal data (#8):
${evidencePackageDisclosure(files)}
`;

const encoder = new TextEncoder();

export async function exportEvidencePackage(
  input: ExportInput,
  sink: PackageSink,
): Promise<Result<{ files: number }, { message: string }>> {
  const events = input.events.filter(isEvidenceEvent).sort((a, b) => compareHlc(a.at.hlc, b.at.hlc));
  const added = events.flatMap((e) => (e.type === 'evidence.added' ? [e] : []));
  const files = added.map((e, i) => ({
    evidenceId: e.payload.evidenceId,
    path: packagePathFor(i, e.payload.fileName),
    sha256: e.payload.sha256,
    size: e.payload.size,
  }));
  const keys: Record<string, JsonWebKey> = { [input.author.deviceId]: input.publicJwk };
  for (const e of events) {
    const id = e.actor.deviceId;
    if (keys[id] !== undefined) continue;
    const k = input.otherKeys?.[id];
    if (k === undefined)
      return err({
        message: `事件 ${e.id} 由设备 ${id} 签名，本机没有该设备的公钥（请先同步），核验包无法核验它，未导出`,
      });
    keys[id] = k;
  }
  try {
    for (const [i, f] of files.entries()) {
      const blob = await readBlob(input.ctx, f.sha256);
      if (!blob.ok)
        return err({ message: `本机没有第 ${String(i + 1)} 号证据的原件（可能来自其他设备且尚未下载）` });
      await sink.write(f.path, blob.value.chunks);
      input.onProgress?.(i + 1, files.length);
    }
    const manifest = await buildManifest({
      header: {
        appVersion: input.appVersion,
        caseId: input.caseId,
        caseNumber: input.caseNumber,
        exportedAt: new Date(input.now()).toISOString(),
        exportedHlc: input.author.hlc.tick(),
        exportedBy: { userId: input.author.userId, deviceId: input.author.deviceId },
        files,
      },
      events,
      keys,
      privateKey: input.author.privateKey,
    });
    await sink.write('证据清单.html', encoder.encode(input.inventoryHtml));
    await sink.write('README.txt', encoder.encode(readme(files.length)));
    await sink.write(MANIFEST_FILE, encoder.encode(JSON.stringify(manifest, null, 2)));
    await sink.finish();
    return ok({ files: files.length });
  } catch (e) {
    return err({ message: e instanceof Error ? e.message : String(e) });
  }
}

async function* asChunks(data: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (data instanceof Uint8Array) yield data;
  else yield* data;
}

/** A zip built as a Blob (the browser keeps large Blob parts out of the JS heap). */
export function zipSink(): PackageSink & { result(): Blob } {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else parts.push(chunk);
  });
  return {
    write: async (path, data) => {
      const entry = new ZipPassThrough(path);
      zip.add(entry);
      for await (const c of asChunks(data)) entry.push(c);
      entry.push(new Uint8Array(0), true);
      if (failure) throw failure;
    },
    finish: () => {
      zip.end();
      return failure ? Promise.reject(failure) : Promise.resolve();
    },
    result: () => new Blob(parts, { type: 'application/zip' }),
  };
}

/** The subset of the File System Access API this sink uses (not in TypeScript's DOM lib yet). */
export type DirectoryHandle = {
  getDirectoryHandle(name: string, o: { create: boolean }): Promise<DirectoryHandle>;
  getFileHandle(
    name: string,
    o: { create: boolean },
  ): Promise<{
    createWritable(): Promise<{ write(d: Uint8Array<ArrayBuffer>): Promise<void>; close(): Promise<void> }>;
  }>;
};

/** Writes the package into a folder, one chunk at a time. */
export function directorySink(root: DirectoryHandle): PackageSink {
  return {
    write: async (path, data) => {
      const parts = path.split('/');
      let dir = root;
      for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
      const file = await dir.getFileHandle(parts.at(-1) ?? 'file', { create: true });
      const w = await file.createWritable();
      for await (const c of asChunks(data)) await w.write(c as Uint8Array<ArrayBuffer>);
      await w.close();
    },
    finish: () => Promise.resolve(),
  };
}
