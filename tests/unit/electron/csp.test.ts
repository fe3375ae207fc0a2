import { describe, expect, it } from 'vitest';
import { buildCsp, parseHubOrigin } from '../../../electron/csp';

describe('content security policy', () => {
  it('is exactly this for the default hub', () => {
    expect(buildCsp('http://127.0.0.1:8787')).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob: data:; " +
        "media-src 'self' blob: mediastream:; font-src 'self'; connect-src 'self' http://127.0.0.1:8787; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('never allows eval, inline scripts or remote scripts', () => {
    const csp = buildCsp('https://hub.example.gov.cn');
    // Only WebAssembly compilation (libheif for HEIC, #5) is allowed, never eval()/new Function.
    expect(csp.replaceAll("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).toContain("connect-src 'self' https://hub.example.gov.cn;");
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
