import { describe, expect, it } from 'vitest';
import { isPackagePath, manifestSchema, packagePathFor, safeFileName } from '#shared/evidence/manifest';
import { CASE_A, exportPackage, makeFixture } from '../../../tools/evidence-fixture';

describe('evidence manifest', () => {
  it('binds case, export time, sorted event ids and files in a signed header', async () => {
    const fx = await makeFixture();
    const { manifest } = await exportPackage(fx, CASE_A);
    expect(manifestSchema.safeParse(manifest).success).toBe(true);
    expect(manifest.header.caseId).toBe(CASE_A);
    expect(manifest.header.eventIds).toEqual([...manifest.header.eventIds].sort());
    expect(manifest.header.eventIds).toHaveLength(4);
    expect(manifest.header.files.map((f) => f.path)).toEqual([
      'files/001-欠条.jpg',
      'files/002-考勤表.jpg',
      'files/003-工资条.jpg',
      'files/004-劳动合同.pdf',
    ]);
    expect(Object.keys(manifest.keys)).toEqual(['laptop-01']);
  });

  it('makes file names safe: no separators, traversal or control characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_._etc_passwd');
    expect(safeFileName('a\\b:c*?.jpg')).toBe('a_b_c__.jpg');
    expect(safeFileName('x\u0000y\n.png')).toBe('x_y_.png');
    expect(safeFileName('')).toBe('file');
    expect(packagePathFor(11, '照片.jpg')).toBe('files/012-照片.jpg');
  });

  it('accepts only files/<name> paths', () => {
    expect(isPackagePath('files/001-a.jpg')).toBe(true);
    for (const bad of [
      'files/../x',
      '../x',
      '/etc/passwd',
      'files/a/b',
      'files/',
      'other/a',
      'files/a\u0001',
    ])
      expect(isPackagePath(bad), bad).toBe(false);
  });
});
