/*
 * A lost laptop gives nothing away (issue #8, R6/R8). Through the real data layer, in Chromium with an
 * on-disk profile: 1,000 synthetic cases with canary ID numbers (valid check digits), phones, wages,
 * names and note text, plus 100 canary photos, written with the encrypting codec; the browser quits;
 * every file of the profile is read (LevelDB tables and logs decoded, Snappy inflated, blob and OPFS
 * files) and no canary may be found. The same run with the plain codec must find them (the scan works).
 * Then: a wrong passphrase opens nothing, and the data key the hub's administrators unwrap with the
 * organisation recovery key gets everything back.
 */
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanProfile } from '../unit/renderer/security/profile-scan';
import { CANARY } from '../bench/page/crypto-canary-values';

const PASS = '背包里的笔记本 lost on the train';
const NEW_PASS = 'a new passphrase after recovery';

let pageDir = '';
let server: Server | null = null;
let url = '';
const profiles: string[] = [];

test.describe.configure({ mode: 'serial' });
test.setTimeout(600_000);

test.beforeAll(async () => {
  pageDir = mkdtempSync(join(tmpdir(), 'canary-page-'));
  await build({
    entryPoints: ['tests/bench/page/crypto-canary-page.ts'],
    bundle: true,
    format: 'esm',
    outfile: join(pageDir, 'canary.js'),
    logLevel: 'warning',
  });
  writeFileSync(
    join(pageDir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><script type="module" src="canary.js"></script>',
  );
  const s = createServer((req, res) => {
    const file = req.url === '/canary.js' ? 'canary.js' : 'index.html';
    res.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : 'text/html');
    // The bundle is test code, not user data: keep it out of the HTTP and code caches the scan reads.
    res.setHeader('cache-control', 'no-store');
    res.end(readFileSync(join(pageDir, file)));
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  server = s;
  url = `http://127.0.0.1:${String((s.address() as AddressInfo).port)}/`;
});

test.afterAll(() => {
  server?.close();
  rmSync(pageDir, { recursive: true, force: true });
  // CANARY_KEEP=1 keeps the profiles for a look with other tools.
  if (!process.env['CANARY_KEEP']) for (const p of profiles) rmSync(p, { recursive: true, force: true });
  else console.log('profiles kept:', profiles.join(' '));
});

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'canary-ready');
  await page.evaluate((value) => {
    globalThis.canaryApi.setCanary(value);
  }, CANARY);
  return { context, page };
}

/** Field names are app code (in the bundle, hence in caches): only checked where IndexedDB holds them. */
const structural = { wageField: 'monthlyWageFen' };

async function recoveryKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
}

test('plain codec: the scan finds every kind of canary (positive control)', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'canary-plain-'));
  profiles.push(profile);
  const pair = await recoveryKeyPair();
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const { context, page } = await launch(profile);
  const report = await page.evaluate(([p, k]) => globalThis.canaryApi.write('plain', p, k), [
    PASS,
    jwk,
  ] as const);
  expect(report).toMatchObject({ cases: 1000, events: 3000, blobs: 100, journalLines: 3000 });
  await context.close();

  const scan = scanProfile(profile, { ...CANARY, ...structural });
  const found = (name: string, where: RegExp) =>
    scan.hits.some((h) => h.canary === name && where.test(h.file));
  for (const name of ['idPrefix', 'phonePrefix', 'name', 'note', 'photo', 'wageField'])
    expect(found(name, /IndexedDB/), `${name} in IndexedDB`).toBe(true);
  for (const name of ['idPrefix', 'phonePrefix', 'name', 'note', 'wage'])
    expect(found(name, /File System/), `${name} in the OPFS journal`).toBe(true);
});

test('crypto codec: 0 canaries on disk; wrong passphrase gets nothing; recovery gets everything', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'canary-crypto-'));
  profiles.push(profile);
  const pair = await recoveryKeyPair();
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  let { context, page } = await launch(profile);
  const report = await page.evaluate(([p, k]) => globalThis.canaryApi.write('crypto', p, k), [
    PASS,
    jwk,
  ] as const);
  expect(report).toMatchObject({ cases: 1000, events: 3000, blobs: 100, journalLines: 3000 });
  await context.close(); // quit: what a thief finds

  const scan = scanProfile(profile, CANARY);
  test.info().annotations.push({
    type: 'R6 scan',
    description: `${String(scan.files)} files, ${String(scan.bytes)} bytes, ${String(scan.decodedBuffers)} decoded blocks/records/values, ${String(scan.hits.length)} canary hits`,
  });
  expect(scan.bytes).toBeGreaterThan(1_000_000);
  expect(scan.decodedBuffers).toBeGreaterThan(0);
  expect(scan.hits).toEqual([]);

  ({ context, page } = await launch(profile));
  expect(await page.evaluate(() => globalThis.canaryApi.tryUnlock('not the passphrase'))).toMatchObject({
    ok: false,
    code: 'wrong_passphrase',
    idNumbers: 0,
  });
  expect(await page.evaluate(() => globalThis.canaryApi.readWithoutKey())).toEqual({
    opened: 0,
    refused: 1000,
  });

  // Hub side (hub/src/recovery unwrapDeviceKey): RSA-OAEP-256 with the organisation's private key.
  const wrapped = await page.evaluate(() => globalThis.canaryApi.recoveryWrap());
  expect(wrapped).toMatch(/^[A-Za-z0-9_-]+$/);
  const raw = new Uint8Array(
    await crypto.subtle.decrypt(
      { name: 'RSA-OAEP' },
      pair.privateKey,
      Buffer.from(wrapped ?? '', 'base64url'),
    ),
  );
  const rawB64url = Buffer.from(raw).toString('base64url');
  const recovered = await page.evaluate(([k, p]) => globalThis.canaryApi.recover(k, p), [
    rawB64url,
    NEW_PASS,
  ] as const);
  expect(recovered).toEqual({ ok: true, idNumbers: 1000, notes: 1000, photos: 100, journal: 3000 });
  expect(await page.evaluate((p) => globalThis.canaryApi.tryUnlock(p), NEW_PASS)).toMatchObject({
    ok: true,
    idNumbers: 1000,
  });
  await context.close();
});
