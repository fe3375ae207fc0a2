/*
 * Builds evidence packages for tests and demos: a test device records evidence in a case (and some in
 * another case), retracts one, and exports a signed manifest with the files. Deterministic bytes; the
 * device key is fresh per call. Also writes a package to a folder or a zip for the CLI tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import type { CaseEvent } from '#shared/events/envelope';
import { createTestDevice, type TestDevice } from '#shared/events/testing';
import { buildManifest, MANIFEST_FILE, packagePathFor, type Manifest } from '#shared/evidence/manifest';
import { sha256HexOneShot } from '#shared/evidence/sha256';
import type { PackageReader } from '#shared/evidence/verify-files';

export const CASE_A = '01900000-0000-7000-8000-0000000000a1';
export const CASE_B = '01900000-0000-7000-8000-0000000000b2';

export type Fixture = {
  device: TestDevice;
  /** Every evidence event recorded, both cases, in order. */
  events: CaseEvent[];
  files: Map<string, Uint8Array>;
  /** Evidence bytes by evidence id (both cases). */
  bytesById: Map<string, Uint8Array>;
};

/** Deterministic pseudo-random bytes (xorshift), so a "photo" is stable across runs. */
export function fakeBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const evidenceId = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export async function recordEvidence(
  device: TestDevice,
  caseId: string,
  n: number,
  bytes: Uint8Array,
  fileName: string,
): Promise<CaseEvent> {
  return device.emit(caseId, 'evidence.added', {
    evidenceId: evidenceId(n),
    sha256: await sha256HexOneShot(bytes),
    size: bytes.length,
    mime: fileName.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg',
    fileName,
    capturedAt: '2026-11-28T09:00:00.000Z',
    caption: `证据 ${String(n)}`,
    claimIds: [],
  });
}

/** Case A gets three photos and a PDF, case B one photo; evidence 2 of case A is retracted. */
export async function makeFixture(): Promise<Fixture> {
  const device = await createTestDevice({
    deviceId: 'laptop-01',
    userId: 'user-01',
    orgId: 'org-01',
    role: 'arbitrator',
  });
  const bytesById = new Map<string, Uint8Array>();
  const events: CaseEvent[] = [];
  const names = ['欠条.jpg', '考勤表.jpg', '工资条.jpg', '劳动合同.pdf'];
  for (const [i, name] of names.entries()) {
    const bytes = fakeBytes(3000 + i * 777, i + 7);
    bytesById.set(evidenceId(i + 1), bytes);
    events.push(await recordEvidence(device, CASE_A, i + 1, bytes, name));
  }
  const other = fakeBytes(1234, 99);
  bytesById.set(evidenceId(9), other);
  events.push(await recordEvidence(device, CASE_B, 9, other, '现场.jpg'));
  return { device, events, files: new Map(), bytesById };
}

export async function retract(fx: Fixture, n: number): Promise<CaseEvent> {
  const added = fx.events.find((e) => e.type === 'evidence.added' && e.payload.evidenceId === evidenceId(n));
  if (!added) throw new Error(`no evidence ${String(n)}`);
  const e = await fx.device.emit(added.caseId, 'evidence.retracted', {
    corrects: added.id,
    evidenceId: evidenceId(n),
    reason: '拍错了',
  });
  fx.events.push(e);
  return e;
}

export type BuiltPackage = { manifest: Manifest; files: Map<string, Uint8Array> };

/** Exports the evidence of one case as the app does: signed manifest plus files. */
export async function exportPackage(fx: Fixture, caseId: string): Promise<BuiltPackage> {
  const events = fx.events.filter((e) => e.caseId === caseId);
  const files = new Map<string, Uint8Array>();
  const entries = [];
  for (const e of events) {
    if (e.type !== 'evidence.added') continue;
    const bytes = fx.bytesById.get(e.payload.evidenceId) ?? new Uint8Array();
    const path = packagePathFor(entries.length, e.payload.fileName);
    files.set(path, bytes);
    entries.push({ evidenceId: e.payload.evidenceId, path, sha256: e.payload.sha256, size: e.payload.size });
  }
  const manifest = await buildManifest({
    header: {
      appVersion: '0.1.0',
      caseId,
      caseNumber: '临-000001-0001',
      exportedAt: '2026-11-28T10:00:00.000Z',
      exportedHlc: fx.device.hlc.tick(),
      exportedBy: { userId: 'user-01', deviceId: fx.device.deviceId },
      files: entries,
    },
    events,
    keys: { [fx.device.deviceId]: fx.device.jwk },
    privateKey: fx.device.keys.privateKey,
  });
  return { manifest, files };
}

export const manifestText = (m: unknown): string => JSON.stringify(m, null, 2);

/** A reader over files in memory, yielding each file in chunks of `chunk` bytes. */
export function memoryReader(files: ReadonlyMap<string, Uint8Array>, chunk = 1000): PackageReader {
  return {
    list: () => Promise.resolve([MANIFEST_FILE, ...files.keys()]),
    read: (path) => {
      const bytes = files.get(path);
      if (bytes === undefined) return null;
      return (async function* () {
        for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
        await Promise.resolve();
      })();
    },
  };
}

export function writeFolder(dir: string, manifest: unknown, files: ReadonlyMap<string, Uint8Array>): void {
  mkdirSync(join(dir, 'files'), { recursive: true });
  writeFileSync(join(dir, MANIFEST_FILE), manifestText(manifest));
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

export function writeZip(file: string, manifest: unknown, files: ReadonlyMap<string, Uint8Array>): void {
  const entries: Record<string, Uint8Array> = {
    [MANIFEST_FILE]: new TextEncoder().encode(manifestText(manifest)),
  };
  for (const [path, bytes] of files) entries[path] = bytes;
  writeFileSync(file, zipSync(entries, { level: 0 }));
}
