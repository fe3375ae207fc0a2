/*
 * `documents:printToPdf` in main (#6): the official documents (shared/documents/model.ts) carry their own
 * page box — `@page{size:A4;margin:37mm 26mm 35mm 28mm}`, the GB/T 9704 margins — so Chromium is asked to
 * prefer the CSS page size, with zero default margins (the @page margins apply; Electron's own default
 * would add 1 cm), no header or footer of its own (an official document carries no URL, date or page
 * line from the browser) and backgrounds printed (the seal image). The bytes come back as a Uint8Array
 * with their SHA-256, which the renderer checks against its own hash before it records document.issued.
 * Every failure is answered with a message that says which step failed (load, print, not a PDF).
 */
import { createHash } from 'node:crypto';
import type { PrintToPDFOptions } from 'electron';
import { ipcError, type IpcOutput, type IpcParsed, type IpcResult } from '#shared/ipc/contract';

export type PrintInput = IpcParsed<'documents:printToPdf'>;

/** The printToPDF options for a document (or the calling page). */
export const pdfOptions = (input: PrintInput): PrintToPDFOptions => ({
  pageSize: input.pageSize,
  landscape: input.landscape,
  printBackground: input.printBackground,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
});

/** Thrown by the print target when the document could not be loaded into the hidden window. */
export class PrintLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PrintLoadError';
  }
}

const PDF_MAGIC = '%PDF-';
const detail = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Runs the print job and answers the bytes with their SHA-256, or an error that names the failed step. */
export async function printPdf(
  job: () => Promise<Buffer>,
): Promise<IpcResult<IpcOutput<'documents:printToPdf'>>> {
  let buf: Buffer;
  try {
    buf = await job();
  } catch (e) {
    if (e instanceof PrintLoadError)
      return ipcError(
        'io',
        `文书无法载入打印窗口 (the document could not be loaded for printing): ${e.message}`,
      );
    return ipcError('io', `生成 PDF 失败 (printing to PDF failed): ${detail(e)}`);
  }
  if (buf.byteLength < PDF_MAGIC.length || buf.subarray(0, PDF_MAGIC.length).toString('latin1') !== PDF_MAGIC)
    return ipcError(
      'internal',
      `打印结果不是 PDF 文件（${String(buf.byteLength)} 字节）(the print result is not a PDF: ${String(buf.byteLength)} bytes)`,
    );
  const sha256 = createHash('sha256').update(buf).digest('hex');
  return { ok: true, value: { pdf: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), sha256 } };
}
