// `npm start`: builds the renderer and the Electron bundles, starts the local sync hub (as `npm run web`
// does; skipped when TRIBUNAL_HUB_URL names another hub) and launches Electron on them, pointed at that
// hub. Where no Electron binary is installed (the npm package downloads it separately, which fails
// offline), say so in one line and run the browser mode instead: the same app, hub included.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as buildRenderer } from 'vite';
import { buildElectron } from './build-electron.mjs';
import { demoEnrollment, startLocalHub, startWebMode } from './web.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** The Electron executable path, or undefined when the binary is not installed. */
export function findElectronBinary(requireFn = require) {
  try {
    const binary = requireFn('electron');
    return typeof binary === 'string' && binary.length > 0 ? binary : undefined;
  } catch {
    return undefined;
  }
}

export const noBinaryMessage =
  'Electron 二进制文件不可用 (no Electron binary on this machine): starting the browser mode (`npm run web`) instead';

/** The hub Electron talks to: TRIBUNAL_HUB_URL, or a local one started here (stopped with the app). */
async function hubForElectron() {
  if (process.env.TRIBUNAL_HUB_URL)
    return { url: process.env.TRIBUNAL_HUB_URL, stop: () => Promise.resolve() };
  const dataDir = path.resolve(root, process.env.HUB_DATA_DIR ?? '.hub-data');
  mkdirSync(dataDir, { recursive: true });
  if (process.env.TRIBUNAL_NO_DEMO !== '1') {
    const demo = await demoEnrollment(dataDir, { ...process.env, HUB_DATA_DIR: dataDir });
    console.log(`一次性登记码 one-time code for ${demo.userName}: ${demo.code}`);
  }
  // Electron's renderer runs at app://app (electron/protocol.ts).
  return startLocalHub({ port: Number(process.env.HUB_PORT ?? 8787), dataDir, corsOrigins: ['app://app'] });
}

async function main() {
  const binary = findElectronBinary();
  if (binary === undefined) {
    console.error(noBinaryMessage);
    await startWebMode();
    return;
  }
  const hub = await hubForElectron();
  console.log(`同步服务器 sync hub: ${hub.url}`);
  // The enroll form starts with this hub's address (renderer/features/enroll/default-hub.ts).
  process.env.VITE_TRIBUNAL_HUB_URL = hub.url;
  try {
    await buildRenderer({ root, logLevel: 'warn' });
    await buildElectron();
  } catch (e) {
    await hub.stop();
    throw e;
  }
  const child = spawn(binary, [root], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TRIBUNAL_HUB_URL: hub.url },
  });
  const finish = (code) => {
    void hub.stop().then(() => process.exit(code));
  };
  child.on('error', () => {
    console.error(noBinaryMessage);
    finish(1);
  });
  child.on('exit', (code) => finish(code ?? 0));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`启动失败 (start failed): ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
