/* Exports state what they contain (#8): the lines a document, an evidence package and a statistics file carry. */
import { describe, expect, it } from 'vitest';
import {
  documentDisclosure,
  documentFields,
  evidencePackageDisclosure,
  exportDisclosure,
  withDisclosure,
} from '../../../../renderer/security/disclosure';

const PARTY =
  '申请人：张三，男，1990年1月1日出生，身份证号码420802199001011234，住湖北省荆门市东宝区某路1号，联系电话13912345678';

describe('export disclosure', () => {
  it('reads the fields a document prints from its labels and full numbers', () => {
    expect(documentFields(PARTY).sort()).toEqual(['address', 'idNumber', 'phone']);
    expect(documentFields('被申请人：某公司，统一社会信用代码91420800MA000000X1，住所地荆门市')).toEqual([
      'address',
    ]);
    expect(documentFields('调解申请登记表\n申请人：张三')).toEqual([]);
    // A full mobile number without a label still counts.
    expect(documentFields('请拨打 13812345678')).toEqual(['phone']);
  });

  it('a document with full particulars says so unmasked; one without says it has none', () => {
    const full = documentDisclosure(PARTY);
    expect(full.masked).toBe(false);
    expect(full.line).toBe(
      '本文件含完整的个人敏感信息（证件号码、电话号码、住址），导出已记录；请妥善保管，勿随意转发。',
    );
    const masked = documentDisclosure('身份证号码4208**********1234');
    expect(masked).toMatchObject({ fields: ['idNumber'], masked: true });
    expect(masked.line).toContain('已按规定部分遮蔽');
    expect(documentDisclosure('调解协议书').line).toBe('本文件不含证件号码、电话等个人敏感信息。');
    expect(exportDisclosure(['phone', 'phone'], true)).toBe(
      '本文件含个人敏感信息（电话号码），已按规定部分遮蔽。',
    );
  });

  it('an evidence package says its originals are unmasked and how many', () => {
    const line = evidencePackageDisclosure(3);
    expect(line).toContain('3 份证据原件');
    expect(line).toContain('未遮蔽');
    expect(line).toContain('身份证件');
  });

  it('is written into the HTML head (meta) and visibly at the end of the body, escaped', () => {
    const html = '<!doctype html><html><head><title>t</title></head><body><p>正文</p></body></html>';
    const out = withDisclosure(html, '含"证件号码"<b>');
    expect(out).toContain('<meta name="personal-data" content="含&quot;证件号码&quot;&lt;b&gt;"></head>');
    expect(out).toMatch(
      /<p>正文<\/p><p class="foot personal-data-disclosure">含&quot;证件号码&quot;&lt;b&gt;<\/p><\/body><\/html>$/,
    );
    expect(withDisclosure('<p>x</p>', 'L')).toBe(
      '<meta name="personal-data" content="L"><p>x</p><p class="foot personal-data-disclosure">L</p>',
    );
  });
});
