/*
 * What a file really is, from its first bytes (magic numbers), and whether that agrees with its name:
 * a PDF renamed .jpg, or a text file called photo.png, is refused with a clear message before import.
 */
import { err, ok, type Result } from '#shared/util/result';

export const EVIDENCE_TYPES = {
  'image/jpeg': { label: 'JPEG 图片', ext: ['jpg', 'jpeg', 'jfif'] },
  'image/png': { label: 'PNG 图片', ext: ['png'] },
  'application/pdf': { label: 'PDF 文档', ext: ['pdf'] },
  'image/heic': { label: 'HEIC 图片', ext: ['heic', 'heif'] },
} as const;
export type EvidenceMime = keyof typeof EVIDENCE_TYPES;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...b.subarray(from, to));

/** The type the bytes say (needs the first 16 bytes), or null when not one we accept. */
export function sniffType(head: Uint8Array): EvidenceMime | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (
    ascii(head, 4, 8) === 'ftyp' &&
    ['heic', 'heix', 'mif1', 'msf1', 'heim', 'heis'].includes(ascii(head, 8, 12))
  )
    return 'image/heic';
  return null;
}

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/** The file's real type if its content is one we accept and its extension (if any) agrees. */
export function checkFileType(
  fileName: string,
  head: Uint8Array,
): Result<EvidenceMime, { code: 'unsupported_type' | 'type_mismatch'; message: string }> {
  const real = sniffType(head);
  const ext = extensionOf(fileName);
  if (real === null)
    return err({
      code: 'unsupported_type',
      message: `“${fileName}”不是可接受的证据文件（只接受 JPEG、PNG、PDF、HEIC），或文件已损坏`,
    });
  const claimed = Object.entries(EVIDENCE_TYPES).find(([, t]) => (t.ext as readonly string[]).includes(ext));
  if (ext !== '' && claimed !== undefined && claimed[0] !== real)
    return err({
      code: 'type_mismatch',
      message: `“${fileName}”的扩展名是 .${ext}（${claimed[1].label}），但内容其实是${EVIDENCE_TYPES[real].label}；请核对后改正文件名再导入`,
    });
  if (ext !== '' && claimed === undefined)
    return err({
      code: 'type_mismatch',
      message: `“${fileName}”的扩展名 .${ext} 与内容（${EVIDENCE_TYPES[real].label}）不符`,
    });
  return ok(real);
}
