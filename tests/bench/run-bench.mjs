// `npm run bench`: builds the bench page, serves it on loopback, runs every benchmark in Debian
// Chromium with an ON-DISK profile (what Electron uses), prints a table and writes JSON under
// bench-results/. Ratios compare with a baseline measured in the same run, since this machine is noisy.
// Node-side benchmarks (hub over loopback HTTP) register in tests/bench/node/*.mjs.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

const filter = process.argv[2] ?? '';
const outDir = resolve('bench-results');
const pageDir = mkdtempSync(join(tmpdir(), 'bench-page-'));
await build({
  entryPoints: ['tests/bench/page/main.ts'],
  bundle: true,
  format: 'esm',
  outfile: join(pageDir, 'bench.js'),
  logLevel: 'warning',
});
writeFileSync(
  join(pageDir, 'index.html'),
  // bench.css: the stylesheets the bundled screens import (start-100k renders the caseload page).
  '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="bench.css"><script type="module" src="bench.js"></script>',
);

const server = createServer((req, res) => {
  const file = req.url === '/bench.js' ? 'bench.js' : req.url === '/bench.css' ? 'bench.css' : 'index.html';
  const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
  res.setHeader('content-type', type);
  res.end(existsSync(join(pageDir, file)) ? readFileSync(join(pageDir, file)) : '');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const results = [];
const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
try {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => globalThis.document.title === 'bench-ready');
  const list = await page.evaluate(() => globalThis.benchApi.list());
  for (const b of list.filter((x) => x.name.includes(filter))) {
    const runs = [];
    for (let i = 0; i < b.runs; i++)
      runs.push(await page.evaluate((n) => globalThis.benchApi.runOnce(n), b.name));
    results.push({
      name: b.name,
      env: 'chromium-disk',
      baseline: b.baseline ?? null,
      runs,
      min: Math.min(...runs),
      median: median(runs),
    });
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(pageDir, { recursive: true, force: true });
}

const nodeDir = resolve('tests/bench/node');
if (existsSync(nodeDir)) {
  for (const f of readdirSync(nodeDir)
    .filter((x) => x.endsWith('.mjs'))
    .sort()) {
    const mod = await import(join(nodeDir, f));
    for (const r of await mod.default({ filter, median })) results.push(r);
  }
}

for (const r of results) {
  const base = r.baseline ? results.find((x) => x.name === r.baseline) : null;
  r.ratio = base ? r.median / base.median : null;
}
const pad = (s, n) => String(s).padEnd(n);
console.log(
  `\n${pad('benchmark', 34)}${pad('env', 16)}${pad('min ms', 10)}${pad('median ms', 11)}ratio (vs baseline)`,
);
for (const r of results) {
  console.log(
    `${pad(r.name, 34)}${pad(r.env, 16)}${pad(r.min.toFixed(1), 10)}${pad(r.median.toFixed(1), 11)}${r.ratio ? `${r.ratio.toFixed(2)}× ${r.baseline}` : '(baseline)'}${r.note ? `  ${r.note}` : ''}`,
  );
}
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
writeFileSync(
  join(outDir, 'latest.json'),
  JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
);
console.log(`\nwritten ${file}`);
