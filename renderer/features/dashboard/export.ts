/*
 * Exports with progress: CSV built in slices (yielding to the UI between them, so a 100k-case list
 * keeps the window responsive and the bar moves), XLSX written with write-excel-file. Tables come from
 * shared/stats (structural fields only), so nothing confidential can reach a file.
 */
import writeXlsxFile from 'write-excel-file/browser';
import { csvLine, type Cell, type Table } from '#shared/stats/index';

export type Progress = (fraction: number) => void;

const SLICE = 2000;
const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** CSV bytes (UTF-8 with BOM, CRLF), reporting progress per slice of rows. */
export async function csvBytes(
  rows: readonly (readonly Cell[])[],
  onProgress: Progress,
): Promise<Uint8Array<ArrayBuffer>> {
  const parts: string[] = ['\uFEFF'];
  for (let i = 0; i < rows.length; i += SLICE) {
    parts.push(
      rows
        .slice(i, i + SLICE)
        .map((r) => `${csvLine(r)}\r\n`)
        .join(''),
    );
    onProgress(Math.min(1, (i + SLICE) / Math.max(rows.length, 1)) * 0.95);
    if (i + SLICE < rows.length) await yieldToUi();
  }
  const bytes = new TextEncoder().encode(parts.join(''));
  onProgress(1);
  return bytes;
}

/** A Blob's bytes through FileReader (present in every host we run in, jsdom included). */
function readBlob(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      if (reader.result instanceof ArrayBuffer) resolve(reader.result);
      else reject(new Error('unexpected reader result'));
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('read failed'));
    };
    reader.readAsArrayBuffer(blob);
  });
}

/** An .xlsx workbook with one sheet per table. */
export async function xlsxBytes(
  tables: readonly Table[],
  onProgress: Progress,
): Promise<Uint8Array<ArrayBuffer>> {
  onProgress(0.1);
  const sheets = tables.map((t) => ({
    sheet: t.name.slice(0, 31),
    data: t.rows.map((r) => r.map((v) => (v === null ? null : { value: v }))),
  }));
  await yieldToUi();
  onProgress(0.4);
  const blob = await writeXlsxFile(sheets).toBlob();
  onProgress(0.9);
  const bytes = new Uint8Array(await readBlob(blob));
  onProgress(1);
  return bytes;
}

/** A file name without characters the save dialog refuses. */

export const safeFileName = (name: string): string =>
  Array.from(name, (ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
