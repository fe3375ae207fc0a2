/*
 * The standalone verifier as users run it: a child process (tsx) over packages the tests generate, one
 * per tamper case, as folders and as zips. Each tamper is detected and named; exit code 0/1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '#shared/evidence/manifest';
import {
  CASE_A,
  CASE_B,
  exportPackage,
  makeFixture,
  retract,
  writeFolder,
  writeZip,
  type BuiltPackage,
} from '../../tools/evidence-fixture';

const ROOT = join(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const TOOL = join(ROOT, 'tests/tools/verify-evidence.ts');

let dir = '';
let current: BuiltPackage;
let old: BuiltPackage;
let other: BuiltPackage;

function run(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(TSX, [TOOL, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

const clone = (m: Manifest): Manifest => JSON.parse(JSON.stringify(m)) as Manifest;

function folder(name: string, pkg: BuiltPackage): string {
  const p = join(dir, name);
  writeFolder(p, pkg.manifest, pkg.files);
  return p;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'evidence-cli-'));
  const fx = await makeFixture();
  old = await exportPackage(fx, CASE_A);
  await retract(fx, 2);
  current = await exportPackage(fx, CASE_A);
  other = await exportPackage(fx, CASE_B);
}, 30_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run verify-evidence', { timeout: 60_000 }, () => {
  it('prints OK and exits 0 for an untouched folder and zip', () => {
    const f = run(folder('ok', current));
    expect(f.out).toContain('OK');
    expect(f.code).toBe(0);
    writeZip(join(dir, 'ok.zip'), current.manifest, current.files);
    const z = run(join(dir, 'ok.zip'));
    expect(z.out).toContain('OK');
    expect(z.code).toBe(0);
  });

  it('one byte changed in a photo: names the file', () => {
    const p = folder('byte', current);
    const path = join(p, 'files/001-欠条.jpg');
    const bytes = readFileSync(path);
    bytes[100] = (bytes[100] ?? 0) ^ 0x01;
    writeFileSync(path, bytes);
    const r = run(p);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[file_hash_mismatch] file files/001-欠条.jpg');
  });

  it('one byte changed inside a zip: names the file', () => {
    const files = new Map(current.files);
    const photo = files.get('files/003-工资条.jpg') ?? new Uint8Array();
    files.set(
      'files/003-工资条.jpg',
      photo.map((b, i) => (i === 7 ? b ^ 0x80 : b)),
    );
    writeZip(join(dir, 'byte.zip'), current.manifest, files);
    const r = run(join(dir, 'byte.zip'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('[file_hash_mismatch] file files/003-工资条.jpg');
  });

  it('an edited manifest: names the event', () => {
    const m = clone(current.manifest);
    const e = m.events[1] as { id: string; payload: { fileName: string } };
    e.payload.fileName = '假的.jpg';
    const r = run(folder('edited', { manifest: m, files: current.files }));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`[event_bad_hash] event ${e.id}`);
  });

  it('evidence moved to another case: names the event and the case', () => {
    const m = clone(current.manifest);
    const foreign = other.manifest.events[0] as { id: string };
    m.events.push(foreign);
    const r = run(folder('moved', { manifest: m, files: current.files }));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`[event_other_case] event ${foreign.id}`);
    expect(r.out).toContain(CASE_B);
    const whole = run(folder('other-case', other), '--case', CASE_A);
    expect(whole.code).toBe(1);
    expect(whole.out).toContain('[case_mismatch]');
  });

  it('an old manifest replayed: named against the newer package, and when re-dated', () => {
    const replay = run(folder('old', old), '--newer', folder('new', current));
    expect(replay.code).toBe(1);
    expect(replay.out).toContain('[manifest_outdated] header.eventIds');
    const m = clone(old.manifest);
    m.header.exportedAt = '2027-06-01T00:00:00.000Z';
    const redated = run(folder('redated', { manifest: m, files: old.files }));
    expect(redated.code).toBe(1);
    expect(redated.out).toContain('[header_hash_mismatch] header');
  });

  it('a missing package, a non-zip file and a bad option: a clear message and exit 1', () => {
    const missing = run(join(dir, 'nope'));
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('找不到证据包');
    writeFileSync(join(dir, 'junk.zip'), 'not a zip');
    const junk = run(join(dir, 'junk.zip'));
    expect(junk.code).toBe(1);
    expect(junk.out).toContain('FAILED');
    const usage = run('--bogus');
    expect(usage.code).toBe(1);
  });

  it('imports no app code: only shared/evidence, shared/events and Node', () => {
    for (const file of ['verify-evidence.ts', 'package-readers.ts']) {
      const text = readFileSync(join(ROOT, 'tests/tools', file), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
      for (const i of imports)
        expect(i, `${file} imports ${i}`).toMatch(
          /^(node:|fflate$|#shared\/(evidence|events)\/|\.\/package-readers$)/,
        );
    }
  });
});
