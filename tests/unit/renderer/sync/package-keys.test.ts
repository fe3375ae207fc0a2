// A verification package exported on a laptop that did not capture the evidence: laptop A captures a
// photo and syncs; laptop B pulls, downloads the original and records the employer's position. B's
// package carries both devices' public keys (as B's pull pinned them), and the standalone verifier —
// the pure function and the CLI users run — checks A's signature as well as B's. A key swapped in the
// manifest is named against A's event; a signer without a known key refuses the export.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_IDS, SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import type { Manifest } from '#shared/evidence/manifest';
import { verifyEvidencePackage } from '#shared/evidence/verify';
import { importEvidenceFile } from '../../../../renderer/data/blobs';
import { exportEvidencePackage, zipSink } from '../../../../renderer/features/evidence/export-package';
import { memoryReader, writeFolder } from '../../../tools/evidence-fixture';
import { openCase, world, type Laptop, type World } from './support';

const CASE_A = '01930000-0000-7000-8000-0000000000e1';
const bytes = Uint8Array.from({ length: 2048 }, (_, i) => (i * 29 + 1) & 0xff);
const ROOT = join(import.meta.dirname, '../../../..');

let w: World;
afterEach(async () => {
  await w.close();
});

async function write(l: Laptop, drafts: Parameters<Laptop['store']['write']>[1]): Promise<void> {
  const author = await l.store.author();
  if (!author) throw new Error('not enrolled');
  const r = await l.store.write(author, drafts);
  if (!r.ok) throw new Error(r.error.message);
}

async function exportFrom(l: Laptop, otherKeys: Record<string, JsonWebKey>) {
  const author = await l.store.author();
  if (!author) throw new Error('not enrolled');
  const events = await l.store.caseEvents(CASE_A);
  if (!events.ok) throw new Error('events');
  const sink = zipSink();
  const r = await exportEvidencePackage(
    {
      ctx: l.store.ctx,
      author,
      publicJwk: await l.store.publicKeyJwk(),
      otherKeys,
      appVersion: '0.1.0',
      caseId: CASE_A,
      caseNumber: '临-TEST-0002',
      events: events.value,
      inventoryHtml: '<p>清单</p>',
      now: () => w.hub.clock.now,
    },
    sink,
  );
  return { r, zip: r.ok ? unzipSync(new Uint8Array(await sink.result().arrayBuffer())) : null };
}

describe('verification package from another laptop', () => {
  it("carries every signer's key; the verifier checks the capturing device's signature too", async () => {
    w = await world();
    const a = await w.laptop('王调解', ['mediator']);
    await openCase(a, CASE_A);
    const imported = await importEvidenceFile(a.store.ctx, new Blob([bytes]), {
      mime: 'image/jpeg',
      estimate: () => Promise.resolve({ quota: 1e12, usage: 0 }),
    });
    if (!imported.ok) throw new Error(imported.error.message);
    await write(a, [
      {
        caseId: CASE_A,
        type: 'party.added',
        payload: { partyId: SAMPLE_IDS.employer, role: 'respondent', kind: 'employer', name: '某建筑公司' },
      },
      {
        caseId: CASE_A,
        type: 'evidence.added',
        payload: { ...SAMPLE_PAYLOADS['evidence.added'], sha256: imported.value.sha256, size: bytes.length },
      },
    ]);
    expect((await a.engine.run()).ok).toBe(true);

    const b = await w.laptop('李仲裁', ['supervisor']);
    const pulled = await b.engine.run();
    expect(pulled.ok && pulled.download.completed).toBe(1);
    await write(b, [
      {
        caseId: CASE_A,
        type: 'evidence.acknowledged',
        payload: { evidenceId: SAMPLE_IDS.evidence, partyId: SAMPLE_IDS.employer, position: 'disputed' },
      },
    ]);
    const aDevice = (await a.store.enrollment())?.deviceId ?? '';
    const bDevice = (await b.store.enrollment())?.deviceId ?? '';
    const learned = await b.local.deviceKeys();
    expect(Object.keys(learned)).toContain(aDevice);

    const { r, zip } = await exportFrom(b, learned);
    expect(r).toEqual({ ok: true, value: { files: 1 } });
    if (!zip) throw new Error('no zip');
    const text = new TextDecoder().decode(zip['manifest.json']);
    const manifest = JSON.parse(text) as Manifest;
    expect(Object.keys(manifest.keys).sort()).toEqual([aDevice, bDevice].sort());
    const files = new Map(Object.entries(zip).filter(([k]) => k.startsWith('files/')));
    const report = await verifyEvidencePackage(text, memoryReader(files), { expectedCaseId: CASE_A });
    expect(report.failures).toEqual([]);
    expect(report.checkedEvents).toBe(2);

    // The CLI users run, over the package as a folder: OK; then with A's key replaced by B's.
    const dir = mkdtempSync(join(tmpdir(), 'pkg-keys-'));
    try {
      const run = (name: string, m: Manifest) => {
        const p = join(dir, name);
        writeFolder(p, m, files);
        const out = spawnSync(
          join(ROOT, 'node_modules/.bin/tsx'),
          [join(ROOT, 'tests/tools/verify-evidence.ts'), p],
          { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
        );
        return { code: out.status, out: out.stdout + out.stderr };
      };
      expect(run('good', manifest).code).toBe(0);
      const swapped: Manifest = {
        ...manifest,
        keys: { ...manifest.keys, [aDevice]: manifest.keys[bDevice] ?? {} },
      };
      const bad = run('swapped', swapped);
      expect(bad.code).not.toBe(0);
      const aEvents = await a.store.caseEvents(CASE_A);
      const added = aEvents.ok ? aEvents.value.find((e) => e.type === 'evidence.added') : undefined;
      expect(bad.out).toContain(added?.id ?? 'evidence.added of A');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // A signer whose key this laptop never learned: the export refuses and says why.
    const refused = await exportFrom(b, {});
    expect(refused.r.ok).toBe(false);
    expect(!refused.r.ok && refused.r.error.message).toContain(aDevice);
  });
});
