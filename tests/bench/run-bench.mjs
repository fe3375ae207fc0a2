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
  openSync,
  writeSync,
  closeSync,
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
// The OPFS journal worker (renderer/platform/opfs-journal-worker.ts): Vite bundles it for the app;
// here it is its own script the bench pages start by name (save-one.ts), as the app would.
await build({
  entryPoints: ['renderer/platform/opfs-journal-worker.ts'],
  bundle: true,
  format: 'esm',
  outfile: join(pageDir, 'opfs-journal-worker.js'),
  logLevel: 'warning',
});
writeFileSync(
  join(pageDir, 'index.html'),
  // bench.css: the stylesheets the bundled screens import (start-100k renders the caseload page).
  '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="bench.css"><script type="module" src="bench.js"></script>',
);

const server = createServer((req, res) => {
  const scripts = ['/bench.js', '/bench.css', '/opfs-journal-worker.js'];
  const file = scripts.includes(req.url) ? req.url.slice(1) : 'index.html';
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
const MiB = 1024 * 1024;

/**
 * Samples the page's memory every 50 ms while `run` (a page.evaluate) is pending, after a forced GC:
 * V8's JS heap (Runtime.getHeapUsage usedSize) and the ArrayBuffer backing stores outside it
 * (backingStorageSize: file chunks, sealed chunks), whose sum is what a leak of chunks would grow.
 */
/** A `size`-byte PDF (header, end marker) in the temp dir, its middle one reused 8 MiB buffer. */
function writeBenchPdf(size) {
  const path = join(pageDir, `bench-${String(size)}.pdf`);
  const part = Buffer.alloc(8 * MiB);
  for (let i = 0; i < part.length; i++) part[i] = (i * 2654435761) >>> 24;
  const fd = openSync(path, 'w');
  try {
    for (let at = 0; at < size; at += part.length)
      writeSync(fd, part, 0, Math.min(part.length, size - at), at);
    writeSync(fd, Buffer.from('%PDF-1.7\n'), 0, 9, 0);
    const eof = Buffer.from('\n%%EOF\n');
    writeSync(fd, eof, 0, eof.length, size - eof.length);
  } finally {
    closeSync(fd);
  }
  return path;
}

async function sampleMemoryDuring(cdp, start) {
  const read = async () => {
    const u = await cdp.send('Runtime.getHeapUsage');
    return { heap: u.usedSize / MiB, buffers: (u.backingStorageSize ?? 0) / MiB };
  };
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await read();
  const m = { peakHeapMB: 0, peakArrayBuffersMB: 0, peakTotalMB: 0, samples: 0 };
  let done = false;
  const running = start().finally(() => {
    done = true;
  });
  while (!done) {
    const s = await read();
    m.peakHeapMB = Math.max(m.peakHeapMB, s.heap);
    m.peakArrayBuffersMB = Math.max(m.peakArrayBuffersMB, s.buffers);
    m.peakTotalMB = Math.max(m.peakTotalMB, s.heap + s.buffers);
    m.samples++;
    await Promise.race([running, new Promise((r) => setTimeout(r, 50))]).catch(() => {});
  }
  return { ms: await running, startTotalMB: before.heap + before.buffers, ...m };
}
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
  const cdp = await context.newCDPSession(page);
  // Opt-in benches (optIn names an env variable, e.g. BENCH_LARGE=1) are listed but skipped unless set.
  for (const b of list.filter((x) => x.name.includes(filter) && (!x.optIn || process.env[x.optIn]))) {
    const runs = [];
    const memory = [];
    // A bench that imports a real file from disk (as a user picks it) names its size: a PDF of that many
    // bytes is written once, handed to the page's #bench-file input before each run, deleted after.
    const input = b.inputPdf ? writeBenchPdf(b.inputPdf) : null;
    // A bench measured from navigation start (freshLoad) runs in a page loaded for it (?run=<name>):
    // its data is prepared once in the bench page, then each run is a new page load whose result is
    // the page's own performance.now() (ms since its timeOrigin) at the measured point.
    if (b.freshLoad) await page.evaluate((n) => globalThis.benchApi.prepare(n), b.name);
    for (let i = 0; b.freshLoad && i < b.runs; i++) {
      await page.goto(`${url}?run=${encodeURIComponent(b.name)}`);
      await page.waitForFunction(() => globalThis.benchResult !== undefined, null, { timeout: 120_000 });
      const r = await page.evaluate(() => globalThis.benchResult);
      if (typeof r !== 'number') throw new Error(`${b.name}: ${String(r)}`);
      runs.push(r);
    }
    if (b.freshLoad) {
      await page.goto(url);
      await page.waitForFunction(() => globalThis.document.title === 'bench-ready');
    }
    for (let i = 0; !b.freshLoad && i < b.runs; i++) {
      if (input) await page.setInputFiles('#bench-file', input);
      const run = () => page.evaluate((n) => globalThis.benchApi.runOnce(n), b.name);
      if (!b.sampleMemory) {
        runs.push(await run());
        continue;
      }
      const m = await sampleMemoryDuring(cdp, run);
      runs.push(m.ms);
      memory.push(m);
    }
    if (input) {
      await page.setInputFiles('#bench-file', []);
      rmSync(input, { force: true });
    }
    const peak = (k) => Math.max(...memory.map((m) => m[k]));
    results.push({
      name: b.name,
      env: 'chromium-disk',
      baseline: b.baseline ?? null,
      runs,
      min: Math.min(...runs),
      median: median(runs),
      ...(memory.length
        ? {
            memory: {
              peakHeapMB: peak('peakHeapMB'),
              peakArrayBuffersMB: peak('peakArrayBuffersMB'),
              peakTotalMB: peak('peakTotalMB'),
              startTotalMB: Math.min(...memory.map((m) => m.startTotalMB)),
              samples: memory.reduce((a, m) => a + m.samples, 0),
            },
          }
        : {}),
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
  if (r.memory) {
    const m = r.memory;
    const vs = base?.memory
      ? `, ${(m.peakTotalMB / base.memory.peakTotalMB).toFixed(2)}× ${base.name}'s`
      : '';
    r.note = `peak heap ${m.peakHeapMB.toFixed(1)} MB + ArrayBuffers ${m.peakArrayBuffersMB.toFixed(1)} MB (total ${m.peakTotalMB.toFixed(1)} MB${vs}; ${m.startTotalMB.toFixed(1)} MB before)`;
  }
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
