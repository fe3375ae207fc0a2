// `npm start`: builds the renderer and the Electron bundles, then launches Electron on them. Where no
// Electron binary is installed (the npm package downloads it separately, which fails offline), say so in
// one line and point to the browser mode instead of printing a stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as buildRenderer } from 'vite';
import { buildElectron } from './build-electron.mjs';

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
  'Electron 二进制文件不可用 (no Electron binary on this machine): run `npm run web` to use the app in a browser';

async function main() {
  await buildRenderer({ root, logLevel: 'warn' });
  await buildElectron();
  const binary = findElectronBinary();
  if (binary === undefined) {
    console.error(noBinaryMessage);
    process.exit(1);
  }
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  child.on('error', () => {
    console.error(noBinaryMessage);
    process.exit(1);
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`启动失败 (start failed): ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
