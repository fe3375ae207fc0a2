import { describe, expect, it } from 'vitest';
import { hashHeader, type Manifest } from '#shared/evidence/manifest';
import { verifyEvidencePackage, type PackageReport } from '#shared/evidence/verify';
import {
  CASE_A,
  CASE_B,
  exportPackage,
  makeFixture,
  manifestText,
  memoryReader,
  retract,
  type BuiltPackage,
} from '../../../tools/evidence-fixture';

const verify = (m: unknown, files: ReadonlyMap<string, Uint8Array>, o = {}) =>
  verifyEvidencePackage(manifestText(m), memoryReader(files), o);
const codes = (r: PackageReport) => r.failures.map((f) => f.code).sort();
const clone = (m: Manifest): Manifest => JSON.parse(JSON.stringify(m)) as Manifest;

async function fresh(): Promise<BuiltPackage & { fx: Awaited<ReturnType<typeof makeFixture>> }> {
  const fx = await makeFixture();
  return { fx, ...(await exportPackage(fx, CASE_A)) };
}

describe('verifyEvidencePackage', () => {
  it('passes an untouched package and reports key fingerprints', async () => {
    const { manifest, files } = await fresh();
    const r = await verify(manifest, files);
    expect(r.failures).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.checkedEvents).toBe(4);
    expect(r.checkedFiles).toBe(4);
    expect(r.fingerprints['laptop-01']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the file when one byte of a photo changed', async () => {
    const { manifest, files } = await fresh();
    const photo = files.get('files/002-考勤表.jpg');
    if (!photo) throw new Error('fixture');
    const changed = new Map(files).set(
      'files/002-考勤表.jpg',
      photo.map((b, i) => (i === 1500 ? b ^ 1 : b)),
    );
    const r = await verify(manifest, changed);
    expect(codes(r)).toEqual(['file_hash_mismatch']);
    expect(r.failures[0]?.target).toMatchObject({ kind: 'file', path: 'files/002-考勤表.jpg' });
  });

  it('names missing, truncated and unexpected files', async () => {
    const { manifest, files } = await fresh();
    const next = new Map(files);
    next.delete('files/001-欠条.jpg');
    next.set('files/003-工资条.jpg', (files.get('files/003-工资条.jpg') ?? new Uint8Array()).subarray(1));
    next.set('files/999-extra.jpg', new Uint8Array([1]));
    expect(codes(await verify(manifest, next))).toEqual([
      'file_hash_mismatch',
      'file_missing',
      'file_size_mismatch',
      'file_unexpected',
    ]);
  });

  it('names the event when a manifest entry was edited (and re-hashed)', async () => {
    const { manifest, files } = await fresh();
    const edited = clone(manifest);
    const e = edited.events[0] as { id: string; payload: { caption: string } };
    e.payload.caption = '改过的说明';
    const r = await verify(edited, files);
    expect(codes(r)).toEqual(['event_bad_hash']);
    expect(r.failures[0]?.target).toEqual({ kind: 'event', eventId: e.id });
  });

  it('detects an edited file entry hash that now disagrees with the signed event', async () => {
    const { manifest, files } = await fresh();
    const edited = clone(manifest);
    const f = edited.header.files[0];
    if (!f) throw new Error('fixture');
    f.sha256 = '0'.repeat(64);
    edited.headerHash = await hashHeader(edited.header);
    expect(codes(await verify(edited, files))).toEqual([
      'file_entry_mismatch',
      'file_hash_mismatch',
      'header_signature_invalid',
    ]);
  });

  it('detects evidence moved in from another case', async () => {
    const { fx, manifest, files } = await fresh();
    const foreign = fx.events.find((e) => e.caseId === CASE_B);
    if (!foreign) throw new Error('fixture');
    const moved = clone(manifest);
    moved.events.push(foreign);
    const r = await verify(moved, files);
    expect(codes(r)).toEqual(['event_not_listed', 'event_other_case', 'file_not_listed']);
    expect(r.failures.every((f) => f.target.kind === 'event' && f.target.eventId === foreign.id)).toBe(true);
  });

  it('detects a package of another case presented for this one, or a re-labelled case id', async () => {
    const { fx } = await fresh();
    const b = await exportPackage(fx, CASE_B);
    expect(codes(await verify(b.manifest, b.files, { expectedCaseId: CASE_A }))).toEqual(['case_mismatch']);
    const relabelled = clone(b.manifest);
    relabelled.header.caseId = CASE_A;
    relabelled.headerHash = await hashHeader(relabelled.header);
    const r = await verify(relabelled, b.files);
    expect(codes(r)).toEqual(['event_other_case', 'header_signature_invalid']);
  });

  it('detects an old manifest replayed after a retraction', async () => {
    const fx = await makeFixture();
    const old = await exportPackage(fx, CASE_A);
    await retract(fx, 2);
    const current = await exportPackage(fx, CASE_A);
    expect((await verify(current.manifest, current.files)).ok).toBe(true);
    // Alone, the old package is a valid old package; against the later one it is named outdated.
    const r = await verify(old.manifest, old.files, { reference: current.manifest.header });
    expect(codes(r)).toEqual(['manifest_outdated']);
    expect(r.failures[0]?.message).toContain(
      current.manifest.header.eventIds.find((id) => !old.manifest.header.eventIds.includes(id)),
    );
    // Splicing the newer events under the old signed header is caught without any reference.
    const spliced = clone(old.manifest);
    spliced.events = current.manifest.events;
    expect(codes(await verify(spliced, old.files))).toEqual(['event_after_export', 'event_not_listed']);
    // Re-dating the old header breaks its hash; re-hashing breaks its signature.
    const redated = clone(old.manifest);
    redated.header.exportedAt = '2027-01-01T00:00:00.000Z';
    expect(codes(await verify(redated, old.files))).toEqual(['header_hash_mismatch']);
    redated.headerHash = await hashHeader(redated.header);
    expect(codes(await verify(redated, old.files))).toEqual(['header_signature_invalid']);
  });

  it('detects a dropped retraction and a retraction of evidence not in the package', async () => {
    const fx = await makeFixture();
    await retract(fx, 2);
    const { manifest, files } = await exportPackage(fx, CASE_A);
    const dropped = clone(manifest);
    const retraction = dropped.events.pop() as { id: string };
    const r = await verify(dropped, files);
    expect(codes(r)).toEqual(['event_missing']);
    expect(r.failures[0]?.target).toEqual({ kind: 'event', eventId: retraction.id });
  });

  it('refuses a manifest that is not JSON, has the wrong shape, __proto__ or a traversal path', async () => {
    const { manifest, files } = await fresh();
    const notJson = await verifyEvidencePackage('{', memoryReader(files));
    expect(codes(notJson)).toEqual(['manifest_invalid']);
    const proto = await verifyEvidencePackage('{"__proto__":{"x":1}}', memoryReader(files));
    expect(proto.failures[0]?.message).toContain('__proto__');
    const traversal = clone(manifest);
    const f = traversal.header.files[0];
    if (!f) throw new Error('fixture');
    f.path = 'files/../../etc/passwd';
    const r = await verify(traversal, files);
    expect(codes(r)).toEqual(['manifest_invalid']);
    expect(r.failures[0]?.target).toEqual({ kind: 'manifest', field: 'header.files.0.path' });
  });

  it('reports a missing exporter key, a bad key and untrusted keys', async () => {
    const { manifest, files } = await fresh();
    const noKey = clone(manifest);
    noKey.keys = {};
    expect(codes(await verify(noKey, files))).toEqual(
      expect.arrayContaining(['exporter_key_missing', 'event_unknown_device']),
    );
    const badKey = clone(manifest);
    badKey.keys = { 'laptop-01': { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' } };
    expect(codes(await verify(badKey, files))).toContain('key_invalid');
    const untrusted = await verify(manifest, files, { trustedKeys: { 'laptop-01': 'f'.repeat(64) } });
    expect(codes(untrusted)).toEqual(['key_untrusted']);
  });
});
