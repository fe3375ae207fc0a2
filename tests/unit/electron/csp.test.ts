import { describe, expect, it } from 'vitest';
import { buildCsp, parseHubOrigin, WASM_WORKER_PATH } from '../../../electron/csp';

describe('content security policy', () => {
  it('is exactly this for the default hub', () => {
    expect(buildCsp('http://127.0.0.1:8787')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; " +
        "media-src 'self' blob: mediastream:; font-src 'self'; connect-src 'self' http://127.0.0.1:8787; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('never allows eval, inline scripts or remote scripts', () => {
    const csp = buildCsp('https://hub.example.gov.cn');
    expect(csp).not.toMatch(/unsafe|\*/);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' https://hub.example.gov.cn;");
  });

  it('the derive worker alone may compile WebAssembly (libheif, #5), still never eval or inline', () => {
    const worker = buildCsp('https://hub.example.gov.cn', { wasm: true });
    expect(worker).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(worker.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe|\*/);
    expect(worker.replace(" 'wasm-unsafe-eval'", '')).toBe(buildCsp('https://hub.example.gov.cn'));
    expect(WASM_WORKER_PATH.test('assets/derive-worker-Cv2l1enT.js')).toBe(true);
    for (const other of ['assets/index-aqdWpnZQ.js', 'assets/heic-decode-CeCZFZ23.js', 'index.html'])
      expect(WASM_WORKER_PATH.test(other)).toBe(false);
    expect(WASM_WORKER_PATH.test('x/assets/derive-worker-a.js')).toBe(false);
  });
});

describe('hub origin', () => {
  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['https://hub.example.gov.cn/some/path?q=1', 'https://hub.example.gov.cn'],
    ['https://HUB.example.gov.cn:443/', 'https://hub.example.gov.cn'],
  ])('%s → %s', (raw, origin) => {
    expect(parseHubOrigin(raw)).toEqual({ ok: true, value: origin });
  });

  it.each([
    'not a url',
    'ftp://hub.example',
    "https://hub.example'; script-src *",
    'https://u:p@hub.example',
    'javascript:alert(1)',
  ])('refuses %s', (raw) => {
    expect(parseHubOrigin(raw).ok).toBe(false);
  });
});
