/*
 * documents:printToPdf in main against the fake electron pieces: the document is loaded into the hidden
 * print window and printed with the options the official templates need (A4 from the CSS @page box, the
 * GB/T 9704 margins from CSS, no browser header/footer, backgrounds for the seal); the bytes come back
 * with their SHA-256 (the same hash the renderer records in document.issued); each failure says which
 * step failed and the window is always destroyed.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { DOCUMENT_PRINT_CSS, renderHtml, type DocumentModel } from '#shared/documents/model';
import { sha256Hex } from '#shared/events/signing';
import { registerHandlers, type HandlerDeps } from '../../../electron/ipc/handlers';
import { fakeIpcMain, invokeEvent } from './fakes';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function setup(print: () => Promise<Buffer> = () => Promise.resolve(PDF)) {
  const ipc = fakeIpcMain();
  const printWin = {
    destroy: vi.fn(),
    webContents: {
      loadURL: vi.fn<(url: string) => Promise<void>>(() => Promise.resolve()),
      printToPDF: vi.fn(print),
      print: vi.fn(),
    },
  };
  const sender = { printToPDF: vi.fn(print) };
  const unused = () => {
    throw new Error('not used by printing');
  };
  registerHandlers(ipc, {
    appInfo: { version: '0', platform: 'linux', hubOrigin: 'http://127.0.0.1:8787' },
    dialog: { showSaveDialog: unused },
    windowOf: () => null,
    documentsDir: '/tmp',
    writeFileDurable: unused,
    createPrintWindow: () => printWin,
    journal: { append: unused, read: unused, replace: unused },
    keys: { store: unused, load: unused, status: unused },
  } satisfies HandlerDeps);
  const event = { ...invokeEvent('app://app/index.html'), sender } as unknown as ReturnType<
    typeof invokeEvent
  >;
  const call = (input: unknown) => ipc.invoke('documents:printToPdf', event, input);
  return { call, printWin, sender };
}

const HTML = `<!doctype html><html><head><style>${DOCUMENT_PRINT_CSS}</style></head><body><h1>调解协议书</h1></body></html>`;

describe('documents:printToPdf (main)', () => {
  it('prints the document in the hidden window with the options the A4 templates need', async () => {
    const { call, printWin } = setup();
    const r = await call({ html: HTML });
    expect(r).toMatchObject({ ok: true });
    expect(printWin.webContents.loadURL).toHaveBeenCalledWith(
      `data:text/html;charset=utf-8,${encodeURIComponent(HTML)}`,
    );
    expect(printWin.webContents.printToPDF).toHaveBeenCalledOnce();
    expect(printWin.webContents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    expect(printWin.destroy).toHaveBeenCalledOnce();
    // What the templates rely on those options for: their own A4 box with the GB/T 9704 margins.
    expect(DOCUMENT_PRINT_CSS).toContain('@page{size:A4;margin:37mm 26mm 35mm 28mm}');
  });

  it('answers the bytes as a Uint8Array with their SHA-256, the hash the renderer records', async () => {
    const { call } = setup();
    const r = (await call({ html: HTML })) as { ok: true; value: { pdf: Uint8Array; sha256: string } };
    expect(r.ok).toBe(true);
    expect(r.value.pdf).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(r.value.pdf).equals(PDF)).toBe(true);
    const expected = createHash('sha256').update(PDF).digest('hex');
    expect(r.value.sha256).toBe(expected);
    expect(await sha256Hex(r.value.pdf)).toBe(expected);
  });

  it('a real document model renders to HTML that fits the print limit and is printed whole', async () => {
    const { call, printWin } = setup();
    const doc: DocumentModel = {
      templateId: 'mediation_agreement',
      templateVersion: '1',
      audience: 'party',
      orgName: '荆门市劳动人事争议仲裁院',
      title: '调解协议书',
      caseNumber: '临-TEST-1',
      parties: [{ label: '申请人', text: '张三' }],
      sections: [{ heading: '协议内容', paragraphs: ['人民币壹万捌仟陆佰元整'] }],
      signers: [],
      dateText: '二〇二六年十一月二十八日',
      footnotes: [],
    };
    const html = renderHtml(doc, new Map());
    expect(await call({ html })).toMatchObject({ ok: true });
    const url = printWin.webContents.loadURL.mock.calls[0]?.[0] ?? '';
    expect(decodeURIComponent(url)).toContain('人民币壹万捌仟陆佰元整');
  });

  it('passes a chosen page size and orientation through', async () => {
    const { call, printWin } = setup();
    await call({ html: HTML, pageSize: 'A5', landscape: true, printBackground: false });
    expect(printWin.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'A5', landscape: true, printBackground: false }),
    );
  });

  it('without html prints the calling page, with the same options', async () => {
    const { call, sender, printWin } = setup();
    expect(await call({})).toMatchObject({ ok: true });
    expect(sender.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true }),
    );
    expect(printWin.webContents.loadURL).not.toHaveBeenCalled();
  });

  it('a document that does not load is named as such; nothing is printed; the window is destroyed', async () => {
    const { call, printWin } = setup();
    printWin.webContents.loadURL.mockRejectedValueOnce(new Error('ERR_INVALID_URL'));
    const r = await call({ html: HTML });
    expect(r).toMatchObject({ ok: false, error: { code: 'io' } });
    expect((r as { error: { message: string } }).error.message).toContain('文书无法载入打印窗口');
    expect((r as { error: { message: string } }).error.message).toContain('ERR_INVALID_URL');
    expect(printWin.webContents.printToPDF).not.toHaveBeenCalled();
    expect(printWin.destroy).toHaveBeenCalledOnce();
  });

  it('a failing print is named with its cause; the window is destroyed', async () => {
    const { call, printWin } = setup(() => Promise.reject(new Error('Printing failed')));
    const r = await call({ html: HTML });
    expect(r).toMatchObject({ ok: false, error: { code: 'io' } });
    expect((r as { error: { message: string } }).error.message).toMatch(
      /^生成 PDF 失败 \(printing to PDF failed\): Printing failed$/,
    );
    expect(printWin.destroy).toHaveBeenCalledOnce();
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['not a PDF', Buffer.from('<html>oops</html>')],
  ])('a print result that is %s is refused, not handed on as a PDF', async (_what, bytes) => {
    const { call } = setup(() => Promise.resolve(bytes));
    const r = await call({ html: HTML });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect((r as { error: { message: string } }).error.message).toContain('打印结果不是 PDF 文件');
  });

  it('refuses HTML over the print limit before any window is made', async () => {
    const { call, printWin } = setup();
    const r = await call({ html: 'x'.repeat(1_500_001) });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(printWin.webContents.loadURL).not.toHaveBeenCalled();
  });
});
