/*
 * Node readers for the verifier: a package folder (files streamed from disk, any size) or a zip (read
 * with fflate into memory, so below ZIP_MEMORY_LIMIT; use the folder form for larger packages).
 * Paths are '/'-separated; nothing outside the package root is ever opened.
 */
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { MANIFEST_FILE } from '#shared/evidence/manifest';
import type { PackageReader } from '#shared/evidence/verify-files';

export const ZIP_MEMORY_LIMIT = 1536 * 1024 * 1024;

export type OpenedPackage = { manifestText: string; reader: PackageReader };

function walk(root: string, dir: string, out: string[]): void {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, d.name);
    if (d.isDirectory()) walk(root, full, out);
    else out.push(relative(root, full).split(sep).join('/'));
  }
}

export function folderReader(root: string): PackageReader {
  const base = resolve(root);
  return {
    list: () => {
      const out: string[] = [];
      walk(base, base, out);
      return Promise.resolve(out);
    },
    read: (path) => {
      const full = resolve(base, path);
      if (!full.startsWith(base + sep) || !existsSync(full) || !statSync(full).isFile()) return null;
      return (async function* () {
        for await (const chunk of createReadStream(full, { highWaterMark: 1 << 20 }))
          yield new Uint8Array(chunk as Buffer);
      })();
    },
  };
}

export function zipReader(entries: Readonly<Record<string, Uint8Array>>): PackageReader {
  const files = new Map(Object.entries(entries).filter(([name]) => !name.endsWith('/')));
  return {
    list: () => Promise.resolve([...files.keys()]),
    read: (path) => {
      const bytes = files.get(path);
      if (bytes === undefined) return null;
      return (async function* () {
        for (let i = 0; i < bytes.length; i += 1 << 20) yield bytes.subarray(i, i + (1 << 20));
        await Promise.resolve();
      })();
    },
  };
}

/** Opens a folder or a .zip; a Chinese message when it cannot be read. */
export function openPackage(
  path: string,
): { ok: true; value: OpenedPackage } | { ok: false; message: string } {
  if (!existsSync(path)) return { ok: false, message: `找不到证据包：${path}` };
  const st = statSync(path);
  if (st.isDirectory()) {
    const manifest = join(path, MANIFEST_FILE);
    if (!existsSync(manifest)) return { ok: false, message: `文件夹中没有 ${MANIFEST_FILE}：${path}` };
    return { ok: true, value: { manifestText: readFileSync(manifest, 'utf8'), reader: folderReader(path) } };
  }
  if (st.size > ZIP_MEMORY_LIMIT)
    return { ok: false, message: 'zip 太大（超过 1.5 GB），请解压后按文件夹核验' };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(readFileSync(path)));
  } catch (e) {
    return { ok: false, message: `不是有效的 zip 文件：${e instanceof Error ? e.message : String(e)}` };
  }
  const manifest = entries[MANIFEST_FILE];
  if (manifest === undefined) return { ok: false, message: `zip 中没有 ${MANIFEST_FILE}` };
  return {
    ok: true,
    value: { manifestText: new TextDecoder().decode(manifest), reader: zipReader(entries) },
  };
}
