/*
 * The app:// protocol: serves the built renderer from one root folder (reliability.md R2, Electron
 * checklist #18: no file://). Every response carries the CSP. Request paths are checked on the raw URL
 * before anything touches the disk: encoded dots/slashes, backslashes, control characters and `..`
 * segments are refused outright rather than normalized, and the resolved file must stay under the
 * real root (symlinks included).
 */
import path from 'node:path';
import { appHost, appScheme } from './url-gate';

/** The privileges app:// needs: a standard, secure origin that may use fetch. Register before `ready`. */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/** The file-system calls the handler makes (injected so tests can prove nothing outside root is read). */
export type ProtocolFs = {
  realpath(p: string): Promise<string>;
  readFile(p: string): Promise<Uint8Array>;
};

export type PathCheck = { ok: true; segments: string[] } | { ok: false; status: 400 | 404 };

const prefix = `${appScheme}://${appHost}/`;
// Encoded dots, slashes and percent signs are refused on the raw URL (they could smuggle `..`, a separator
// or a second decoding round); encoded backslashes and NUL are caught after decoding with the raw ones.
const forbiddenEncoded = /%(2e|2f|25)/i;

const hasControlOrBackslash = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x5c) return true;
  }
  return false;
};

const safeDecode = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

/** Splits a raw `app://app/...` URL into safe path segments, or says why not (table-tested). */
export function checkAppPath(rawUrl: string): PathCheck {
  if (!rawUrl.startsWith(prefix)) return { ok: false, status: 404 };
  const rawPath = rawUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (hasControlOrBackslash(rawPath) || forbiddenEncoded.test(rawPath)) return { ok: false, status: 400 };
  const decoded = safeDecode(rawPath);
  if (decoded === undefined || hasControlOrBackslash(decoded)) return { ok: false, status: 400 };
  if (decoded === '') return { ok: true, segments: ['index.html'] };
  const segments = decoded.split('/');
  const bad = segments.some((s) => s === '' || s === '.' || s === '..' || /^[A-Za-z]:$/.test(s));
  return bad ? { ok: false, status: 400 } : { ok: true, segments };
}

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The MIME type for a file name; unknown extensions are served as opaque bytes. */
export const mimeTypeOf = (file: string): string =>
  mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

const isInside = (root: string, candidate: string): boolean => {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

export type AppProtocolOptions = {
  root: string;
  csp: string;
  fs: ProtocolFs;
  /** A different policy for the files whose path (e.g. `assets/x.js`) matches: the wasm worker. */
  workerCsp?: { path: RegExp; csp: string };
};

/** Builds the `protocol.handle('app', …)` handler. It never throws: failures are 4xx/5xx responses. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const headers = (extra: Record<string, string>, file = '') => ({
    'content-security-policy':
      options.workerCsp && options.workerCsp.path.test(file) ? options.workerCsp.csp : options.csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    ...extra,
  });
  const status = (code: number) =>
    new Response(null, { status: code, headers: headers({ 'content-type': 'text/plain; charset=utf-8' }) });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return status(405);
    const check = checkAppPath(request.url);
    if (!check.ok) return status(check.status);
    try {
      const realRoot = await options.fs.realpath(options.root);
      const realFile = await options.fs.realpath(path.join(realRoot, ...check.segments));
      if (!isInside(realRoot, realFile)) return status(404);
      const body = await options.fs.readFile(realFile);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: headers({ 'content-type': mimeTypeOf(realFile) }, check.segments.join('/')),
      });
    } catch {
      return status(404);
    }
  };
}
