/*
 * The Content-Security-Policy sent with every app:// response (reliability.md R2). Scripts and styles
 * come only from the app (no inline, no eval, nothing remote); the only other place the page may talk
 * to is the sync hub. React's `style` props go through the CSSOM, which CSP does not restrict, so
 * `style-src 'self'` needs no 'unsafe-inline'. 'wasm-unsafe-eval' lets the app compile WebAssembly
 * it ships itself (libheif, the HEIC decoder in the derive worker, #5); it does not allow eval() or
 * new Function, and wasm can only come from the app's own scripts.
 */
import { err, ok, type Result } from '#shared/util/result';

/** Parses the configured hub URL to its origin (`http(s)://host[:port]`), refusing anything else. */
export function parseHubOrigin(raw: string): Result<string, string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return err(`枢纽地址无效 (invalid hub URL): ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return err(`枢纽地址必须是 http(s) (hub URL must be http or https): ${raw}`);
  }
  if (url.username !== '' || url.password !== '') {
    return err('枢纽地址不能包含用户名或密码 (hub URL must not contain credentials)');
  }
  return ok(url.origin);
}

/** The exact policy for a given hub origin (already parsed by `parseHubOrigin`). */
export function buildCsp(hubOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    `connect-src 'self' ${hubOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
