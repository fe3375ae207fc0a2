import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCsp, WASM_WORKER_PATH } from '../../../electron/csp';
import { checkAppPath, createAppProtocolHandler, type ProtocolFs } from '../../../electron/protocol';

const csp = buildCsp('http://127.0.0.1:8787');
let base: string;
let root: string;
const touched: string[] = [];

const spyFs: ProtocolFs = {
  realpath: (p) => {
    touched.push(p);
    return fs.realpath(p);
  },
  readFile: async (p) => {
    touched.push(p);
    return new Uint8Array(await fs.readFile(p));
  },
};

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'tribunal-proto-'));
  root = path.join(base, 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  await fs.writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await fs.writeFile(path.join(root, 'assets', 'derive-worker-Ab1_2.js'), 'self.onmessage=null');
  await fs.writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
  await fs.writeFile(path.join(root, 'assets', 'blob.bin'), 'x');
  await fs.writeFile(path.join(base, 'secret.txt'), 'SECRET');
  await fs.symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});
afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

const handler = () => createAppProtocolHandler({ root, csp, fs: spyFs });
const get = (url: string, method = 'GET') => handler()(new Request(url, { method }));

describe('app:// protocol', () => {
  it('gives the wasm policy to the derive worker script only (HEIC decoder, #5)', async () => {
    const workerCsp = buildCsp('http://127.0.0.1:8787', { wasm: true });
    const h = createAppProtocolHandler({
      root,
      csp,
      fs: spyFs,
      workerCsp: { path: WASM_WORKER_PATH, csp: workerCsp },
    });
    const policy = async (url: string) => (await h(new Request(url))).headers.get('content-security-policy');
    expect(await policy('app://app/assets/derive-worker-Ab1_2.js')).toBe(workerCsp);
    expect(await policy('app://app/assets/app.js')).toBe(csp);
    expect(await policy('app://app/')).toBe(csp);
    expect(await policy('app://app/assets/derive-worker-missing.js')).toBe(csp);
  });

  it('serves index.html for the root with the CSP and the html MIME type', async () => {
    const res = await get('app://app/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(csp);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>t</title>');
  });

  it.each([
    ['app://app/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://app/assets/app.css?v=1', 'text/css; charset=utf-8'],
    ['app://app/assets/blob.bin#x', 'application/octet-stream'],
  ])('serves %s as %s with the CSP', async (url, mime) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(mime);
    expect(res.headers.get('content-security-policy')).toBe(csp);
  });

  it('sends the CSP on errors too, and 404 for a missing file', async () => {
    const res = await get('app://app/nope.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(csp);
  });

  it('refuses a symlink that leaves the root without reading it', async () => {
    touched.length = 0;
    const res = await get('app://app/assets/link.txt');
    expect(res.status).toBe(404);
    expect(touched.some((p) => p.endsWith('secret.txt'))).toBe(false);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://app/index.html', 'POST')).status).toBe(405);
    const head = await get('app://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
  });

  // Raw URLs as Chromium could hand them over; `Request` itself would normalize `..` away,
  // so the path check is also tested on raw strings below.
  it.each([
    'app://app/../../etc/passwd',
    'app://app/assets/../../secret.txt',
    'app://app/%2e%2e/secret.txt',
    'app://app/%2E%2E%2Fsecret.txt',
    'app://app/..%2fsecret.txt',
    'app://app/..%5csecret.txt',
    'app://app/..\\secret.txt',
    'app://app/assets\\..\\..\\secret.txt',
    'app://app/%252e%252e/secret.txt',
    'app://app/index.html%00.js',
    'app://app/index.html\u0000',
    'app://app//etc/passwd',
    'app://app/C:/Windows/win.ini',
    'app://app/./index.html',
    'app://app/%ZZ',
    'app://app/assets%2fapp.js',
    'app://app/index%2ehtml',
    'app://app/%25',
    'app://app/assets%5capp.js',
  ])('refuses the raw path %s with 400', (url) => {
    expect(checkAppPath(url)).toEqual({ ok: false, status: 400 });
  });

  it.each(['app://other/index.html', 'file:///etc/passwd', 'https://evil.example/index.html', 'app://app'])(
    'refuses another origin %s with 404',
    (url) => {
      expect(checkAppPath(url)).toEqual({ ok: false, status: 404 });
    },
  );

  it('accepts ordinary and encoded names inside the root', () => {
    expect(checkAppPath('app://app/assets/app.js')).toEqual({ ok: true, segments: ['assets', 'app.js'] });
    expect(checkAppPath('app://app/assets/%E8%AF%81.png')).toEqual({
      ok: true,
      segments: ['assets', '证.png'],
    });
  });

  it.each([
    'app://app/../../etc/passwd',
    'app://app/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://app/..%5c..%5csecret.txt',
    'app://app/%252e%252e%252fsecret.txt',
  ])('end to end: %s never reads outside the root', async (url) => {
    touched.length = 0;
    const res = await get(url);
    expect([400, 404]).toContain(res.status);
    expect(touched.every((p) => p === root || p.startsWith(root + path.sep))).toBe(true);
  });
});
