/*
 * The app's side end to end without a DOM: import files into a case (type check, streamed store,
 * duplicate refusal, undo on failure), then export the verification package and check it with the
 * standalone verifier's pure function.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { sha256HexOneShot } from '#shared/evidence/sha256';
import { verifyEvidencePackage } from '#shared/evidence/verify';
import { blobTable, chunkTable } from '../../../../renderer/data/blobs';
import { readDerived } from '../../../../renderer/data/blobs-derived';
import type { Author, TribunalStore } from '../../../../renderer/data/store';
import type { DerivedResult } from '../../../../renderer/features/evidence/derive-core';
import { exportEvidencePackage, zipSink } from '../../../../renderer/features/evidence/export-package';
import {
  importOne,
  knownHashes,
  type ImportDeps,
} from '../../../../renderer/features/evidence/import-evidence';
import { FAKE_JPEG, MINIMAL_PDF, withExif } from '../../../tools/jpeg-exif';
import { memoryReader } from '../../../tools/evidence-fixture';
import { ENROLLMENT, harness } from '../data/store-harness';

const plenty = () => Promise.resolve({ quota: 10 * 1024 ** 3, usage: 0 });
const fakeDerive = (): Promise<DerivedResult> =>
  Promise.resolve({
    ok: true,
    width: 10,
    height: 10,
    copies: [{ kind: 'thumb', bytes: new Uint8Array([1, 2, 3]), mime: 'image/jpeg' }],
  });

async function setup(derive: (b: Blob) => Promise<DerivedResult> = fakeDerive) {
  const h = harness();
  const store: TribunalStore = h.store;
  await store.saveEnrollment(ENROLLMENT);
  const author = (await store.author()) as Author;
  const caseId = store.newId();
  const opened = await store.write(author, [
    { caseId, type: 'case.opened', payload: SAMPLE_PAYLOADS['case.opened'] },
  ]);
  if (!opened.ok) throw new Error(opened.error.message);
  const deps: ImportDeps = {
    ctx: store.ctx,
    caseId,
    newId: store.newId,
    write: (drafts) => store.write(author, drafts),
    derive,
    estimate: plenty,
  };
  return { store, author, caseId, deps };
}

const photo = (seed: number) =>
  new File(
    [withExif(FAKE_JPEG, { make: `CAM${String(seed)}`, gps: { lat: 30, lng: 112 } })],
    `照片${String(seed)}.jpg`,
  );

describe('importing evidence into a case', () => {
  it('records evidence.added with the SHA-256 of the original bytes, keeps originals and thumbnails', async () => {
    const { store, caseId, deps } = await setup();
    const known = knownHashes(null);
    const file = photo(1);
    const r = await importOne(deps, file, { caption: '欠条', claimIds: [], originalSeen: true }, known);
    expect(r.ok).toBe(true);
    const state = await store.caseState(caseId);
    const item = state?.evidence[0];
    const expected = await sha256HexOneShot(new Uint8Array(await file.arrayBuffer()));
    expect(item).toMatchObject({ sha256: expected, caption: '欠条', mime: 'image/jpeg', originalSeen: true });
    expect(item?.size).toBe(file.size);
    expect(await readDerived(store.ctx, expected, 'thumb')).not.toBeNull();
  });

  it('refuses the same evidence twice, naming the first, and keeps no second copy', async () => {
    const { store, caseId, deps } = await setup();
    const known = knownHashes(null);
    await importOne(deps, photo(2), { caption: '考勤表', claimIds: [] }, known);
    const state = await store.caseState(caseId);
    const again = await importOne(deps, photo(2), { caption: '', claimIds: [] }, knownHashes(state));
    expect(again.ok).toBe(false);
    expect(!again.ok && again.message).toContain('第 1 号“考勤表”');
    expect(!again.ok && again.duplicateOf).toBe(state?.evidence[0]?.evidenceId);
    expect((await store.caseState(caseId))?.evidence).toHaveLength(1);
    expect(await blobTable(store.ctx).count()).toBe(1);
  });

  it('refuses a renamed file, an empty file, a truncated PDF and a corrupt image, storing nothing', async () => {
    const { store, caseId, deps } = await setup(() => Promise.resolve({ ok: false, message: '图片已损坏' }));
    const known = knownHashes(null);
    const cases = [
      new File([MINIMAL_PDF], '欠条.jpg'),
      new File([], '空.png'),
      new File([MINIMAL_PDF.subarray(0, 40)], '合同.pdf'),
      new File([FAKE_JPEG], '坏图.jpg'),
      new File(['hello'], 'notes.txt'),
    ];
    const messages = [];
    for (const f of cases) {
      const r = await importOne(deps, f, { caption: '', claimIds: [] }, known);
      expect(r.ok, f.name).toBe(false);
      if (!r.ok) messages.push(r.message);
    }
    expect(messages[0]).toContain('PDF');
    expect(messages[1]).toContain('空文件');
    expect(messages[2]).toContain('不是完整的 PDF');
    expect(messages[3]).toContain('图片已损坏');
    expect((await store.caseState(caseId))?.evidence ?? []).toHaveLength(0);
    expect(await blobTable(store.ctx).count()).toBe(0);
    expect(await chunkTable(store.ctx).count()).toBe(0);
  });

  it('exports a package the standalone verifier accepts, and names a changed byte', async () => {
    const { store, author, caseId, deps } = await setup();
    const known = knownHashes(null);
    for (const f of [photo(3), photo(4), new File([MINIMAL_PDF], '劳动合同.pdf')])
      expect((await importOne(deps, f, { caption: '', claimIds: [] }, known)).ok).toBe(true);
    const first = (await store.caseState(caseId))?.evidence[0];
    const retracted = await store.write(author, [
      {
        caseId,
        type: 'evidence.retracted',
        payload: { corrects: first?.eventId ?? '', evidenceId: first?.evidenceId ?? '', reason: '拍错了' },
      },
    ]);
    expect(retracted.ok).toBe(true);
    const events = await store.caseEvents(caseId);
    if (!events.ok) throw new Error('events');
    const sink = zipSink();
    const progress: number[] = [];
    const r = await exportEvidencePackage(
      {
        ctx: store.ctx,
        author,
        publicJwk: await store.publicKeyJwk(),
        appVersion: '0.1.0',
        caseId,
        caseNumber: '临-TEST-0001',
        events: events.value,
        inventoryHtml: '<p>清单</p>',
        now: () => Date.parse('2026-11-28T12:00:00Z'),
        onProgress: (done) => progress.push(done),
      },
      sink,
    );
    expect(r).toEqual({ ok: true, value: { files: 3 } });
    expect(progress).toEqual([1, 2, 3]);
    const entries = unzipSync(new Uint8Array(await sink.result().arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual([
      'README.txt',
      'files/001-照片3.jpg',
      'files/002-照片4.jpg',
      'files/003-劳动合同.pdf',
      'manifest.json',
      '证据清单.html',
    ]);
    // #8: the package says what it contains.
    expect(new TextDecoder().decode(entries['README.txt'])).toContain(
      '本证据包含 3 份证据原件，按原样逐字节复制、未遮蔽',
    );
    const text = new TextDecoder().decode(entries['manifest.json']);
    const files = new Map(Object.entries(entries).filter(([k]) => k.startsWith('files/')));
    const report = await verifyEvidencePackage(text, memoryReader(files), { expectedCaseId: caseId });
    expect(report.failures).toEqual([]);
    expect(report.checkedEvents).toBe(4);
    const pdf = files.get('files/003-劳动合同.pdf') ?? new Uint8Array();
    files.set(
      'files/003-劳动合同.pdf',
      pdf.map((b, i) => (i === 3 ? b ^ 4 : b)),
    );
    const bad = await verifyEvidencePackage(text, memoryReader(files));
    expect(bad.failures.map((f) => [f.code, f.target])).toEqual([
      [
        'file_hash_mismatch',
        { kind: 'file', path: 'files/003-劳动合同.pdf', evidenceId: expect.any(String) as unknown },
      ],
    ]);
  });
});
