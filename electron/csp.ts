/*
 * The Content-Security-Policy sent with every app:// response (reliability.md R2). Scripts and styles
 * come only from the app (no inline, no eval, nothing remote); the only other place the page may talk
 * to is the sync hub. React's `style` props go through the CSSOM, which CSP does not restrict, so
 * `style-src 'self'` needs no 'unsafe-inline'.
 *
 * One exception, as narrow as it can be: the evidence derive worker's own script is served with
 * 'wasm-unsafe-eval' so it can compile libheif, the HEIC decoder shipped with the app (#5). A worker
 * takes its policy from its script's response, so the page itself (and every other script) keeps
 * reliability.md R2's exact `script-src 'self'`; 'wasm-unsafe-eval' never allows eval()/new Function.
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

/** The derive worker's script (Vite names it `assets/derive-worker-<hash>.js`). */
export const WASM_WORKER_PATH = /^assets\/derive-worker-[A-Za-z0-9_-]+\.js$/;

/**
 * The exact policy for a given hub origin (already parsed by `parseHubOrigin`); `wasm` only for the
 * response of `WASM_WORKER_PATH`.
 */
export function buildCsp(hubOrigin: string, options: { wasm?: boolean } = {}): string {
  return [
    "default-src 'self'",
    options.wasm === true ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'",
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
