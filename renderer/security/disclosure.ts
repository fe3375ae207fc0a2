/*
 * Exports state what they contain (#8 item 4, R25): every file that leaves the laptop — an issued
 * document (HTML/PDF), an evidence package, a statistics CSV/XLSX — carries a line saying which
 * personal fields are in it and whether they are masked, and the screen says the same before the
 * user exports. The lines are Chinese (they go into the file, read by courts and parties); the
 * screen shows them through i18n (security.disclosure.*) in both languages.
 */
import type { MaskedField } from '#shared/domain/sessions';
import { containsUnmaskedPersonalNumber, exportDisclosure } from './masking';

export { exportDisclosure };

/**
 * The personal fields a rendered document's text carries, read from the labels the templates print
 * (shared/documents/party-view.ts partyParticulars) and from full ID / mobile numbers anywhere.
 */
export function documentFields(text: string): MaskedField[] {
  const fields = new Set<MaskedField>();
  if (/身份证号码|证件号码/.test(text) || /(?<!\d)\d{17}[\dXx](?!\d)/.test(text)) fields.add('idNumber');
  if (/联系电话|电话号码|手机/.test(text) || /(?<!\d)1[3-9]\d{9}(?!\d)/.test(text)) fields.add('phone');
  if (/，住|住址|通讯地址|住所地/.test(text)) fields.add('address');
  if (/银行账号|收款账号|账号[:：]?\s*\d/.test(text)) fields.add('bankAccount');
  return [...fields];
}

/** The disclosure of a document as issued: legal documents print the particulars in full. */
export function documentDisclosure(text: string): { fields: MaskedField[]; masked: boolean; line: string } {
  const fields = documentFields(text);
  // What a document prints is printed in full (the law asks for the parties' particulars), so a field
  // it carries is unmasked unless the text shows no full ID or mobile number and no address.
  const masked =
    fields.length > 0 &&
    !containsUnmaskedPersonalNumber(text) &&
    !fields.includes('address') &&
    !fields.includes('bankAccount');
  return { fields, masked, line: exportDisclosure(fields, masked) };
}

/** What an evidence package holds: originals byte for byte, never examined or masked. */
export function evidencePackageDisclosure(files: number): string {
  return (
    `本证据包含 ${String(files)} 份证据原件，按原样逐字节复制、未遮蔽，可能含身份证件、电话号码、住址、` +
    `工资、健康等个人敏感信息；证据清单与签名清单（manifest.json）含当事人姓名、证据名称与说明。` +
    `请妥善保管，勿随意转发。`
  );
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The disclosure written into an exported HTML file: a `<meta name="personal-data">` in the head (for
 * tools) and a visible line at the end of the body (for readers, and in the PDF printed from it).
 */
export function withDisclosure(html: string, line: string): string {
  const meta = `<meta name="personal-data" content="${escapeHtml(line)}">`;
  const foot = `<p class="foot personal-data-disclosure">${escapeHtml(line)}</p>`;
  const withMeta = /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${meta}</head>`) : meta + html;
  return /<\/body>/i.test(withMeta)
    ? withMeta.replace(/<\/body>(?![\s\S]*<\/body>)/i, `${foot}</body>`)
    : withMeta + foot;
}
