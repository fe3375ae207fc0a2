/*
 * The structured document every builder returns, and its two renderings: plain text (what gets hashed
 * and searched) and a standalone A4 HTML page (title, 案号, parties block, body, signature block, date
 * written the Chinese way). Builders never produce HTML themselves, so escaping happens in one place.
 */

export const TEMPLATE_IDS = [
  'mediation_agreement',
  'transcript',
  'mediation_application',
  'hearing_notice',
  'judicial_confirmation_application',
  'service_receipt',
  'acceptance_notice',
  'evidence_list',
  'performance_record',
] as const;
/** Which template built a document (document.issued.templateId). */
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_VERSION = '1';

/** One party block line group: `申请人：张三，男，…`. */
export type DocParty = { readonly label: string; readonly text: string };
export type DocSection = { readonly heading?: string; readonly paragraphs: readonly string[] };
export type DocTable = { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] };
/** A signature line; `mark` is what the signer left (已签名 / 捺印 / 拒绝签名), empty before signing. */
export type DocSigner = {
  readonly role: string;
  readonly name: string;
  readonly mark: string;
  /** The signature image left on the pad (SHA-256 in the blob store), printed beside the name. */
  readonly imageSha256?: string;
};

/** Images a rendering may embed, by SHA-256: `data:` URLs of the signature and seal images. */
export type DocImages = ReadonlyMap<string, string>;

/** Only image data URLs are embedded (a signature is SVG or PNG; nothing else reaches the page). */
export const isImageDataUrl = (url: string): boolean =>
  /^data:image\/(svg\+xml|png|jpeg);base64,[A-Za-z0-9+/]+=*$/.test(url);

/**
 * A document ready to render. `audience` says who receives it: 'party' documents must contain only
 * main-file (正卷) content; the builders take their inputs from partyView() for those.
 */
export type DocumentModel = {
  readonly templateId: TemplateId;
  readonly templateVersion: string;
  readonly audience: 'party' | 'internal';
  readonly orgName: string;
  readonly title: string;
  readonly caseNumber: string;
  readonly parties: readonly DocParty[];
  readonly sections: readonly DocSection[];
  readonly table?: DocTable;
  readonly signers: readonly DocSigner[];
  /** 二〇二六年十一月二十九日 */
  readonly dateText: string;
  /** Small print under the signatures (e.g. the number of copies). */
  readonly footnotes: readonly string[];
  /** The organisation's seal image (SHA-256), printed over the date once sealed. */
  readonly sealImageSha256?: string;
};

/** Plain text of a document: the canonical form hashed into agreement.drafted / agreement.signed. */
export function renderText(doc: DocumentModel): string {
  const lines: string[] = [doc.orgName, doc.title, `案号：${doc.caseNumber}`, ''];
  for (const p of doc.parties) lines.push(`${p.label}：${p.text}`);
  for (const s of doc.sections) {
    lines.push('');
    if (s.heading !== undefined) lines.push(s.heading);
    lines.push(...s.paragraphs);
  }
  if (doc.table) {
    lines.push('', doc.table.headers.join('\t'));
    for (const r of doc.table.rows) lines.push(r.join('\t'));
  }
  lines.push('');
  for (const s of doc.signers) lines.push(`${s.role}：${s.name}${s.mark === '' ? '' : `（${s.mark}）`}`);
  lines.push(doc.dateText, ...doc.footnotes);
  return lines.join('\n');
}

const escapeHtml = (s: string): string =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** The print style of official documents: A4, GB/T 9704 margins, 仿宋 body, 宋体 bold title. */
export const DOCUMENT_PRINT_CSS = `@page{size:A4;margin:37mm 26mm 35mm 28mm}
body{font-family:"FangSong","STFangsong","仿宋","Noto Serif CJK SC",serif;font-size:16pt;line-height:1.75;color:#000;margin:0}
.org{text-align:center;font-size:18pt;letter-spacing:.1em}
h1{text-align:center;font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;font-size:22pt;margin:.3em 0}
.no{text-align:right}
p{margin:0;text-indent:2em}
p.party{text-indent:0}
h2{font-size:16pt;margin:.6em 0 0;font-family:"SimHei","Heiti SC","Noto Sans CJK SC",sans-serif}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:14pt}
td,th{border:1px solid #000;padding:2pt 4pt}
.signers{margin-top:2em}
.signers p{text-indent:0}
.date{text-align:right;margin-top:1em}
.foot{font-size:12pt;text-indent:0}
img.sig{height:2.2em;vertical-align:middle;margin-left:1em}
img.seal{height:4cm;vertical-align:middle;margin-right:-3cm;opacity:.85}`;

/** The image of `sha` as an <img>, if `images` has a valid data URL for it. */
function imageTag(images: DocImages, sha: string | undefined, cls: string, alt: string): string {
  const url = sha === undefined ? undefined : images.get(sha);
  return url !== undefined && isImageDataUrl(url)
    ? `<img class="${cls}" src="${url}" alt="${escapeHtml(alt)}">`
    : '';
}

/**
 * The body markup of a document (shared by the standalone page and the in-app preview). `images`
 * holds the signature and seal images to embed (the text that is hashed never depends on them).
 */
export function renderBodyHtml(doc: DocumentModel, images: DocImages = new Map()): string {
  const e = escapeHtml;
  const parts: string[] = [
    `<div class="org">${e(doc.orgName)}</div>`,
    `<h1>${e(doc.title)}</h1>`,
    `<div class="no">${e(doc.caseNumber)}</div>`,
    ...doc.parties.map((p) => `<p class="party">${e(p.label)}：${e(p.text)}</p>`),
  ];
  for (const s of doc.sections) {
    if (s.heading !== undefined) parts.push(`<h2>${e(s.heading)}</h2>`);
    parts.push(...s.paragraphs.map((p) => `<p>${e(p)}</p>`));
  }
  if (doc.table) {
    const head = doc.table.headers.map((h) => `<th>${e(h)}</th>`).join('');
    const rows = doc.table.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`);
    parts.push(`<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  const signers = doc.signers.map(
    (s) =>
      `<p>${e(s.role)}：${e(s.name)}${s.mark === '' ? '' : `（${e(s.mark)}）`}${imageTag(images, s.imageSha256, 'sig', `${s.name}的签名`)}</p>`,
  );
  const seal = imageTag(images, doc.sealImageSha256, 'seal', '印章');
  parts.push(
    `<div class="signers">${signers.join('')}</div>`,
    `<p class="date">${seal}${e(doc.dateText)}</p>`,
  );
  parts.push(...doc.footnotes.map((f) => `<p class="foot">${e(f)}</p>`));
  return parts.join('\n');
}

/** A standalone HTML page (for Electron's printToPDF, which loads it with JavaScript off). */
export function renderHtml(doc: DocumentModel, images: DocImages = new Map()): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>${DOCUMENT_PRINT_CSS}</style></head><body>${renderBodyHtml(doc, images)}</body></html>`;
}
