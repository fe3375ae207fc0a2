/*
 * Electron entry point (bundled to dist/electron/main.cjs). Reads the configuration and hands the real
 * electron module to startShell; everything testable lives in shell.ts and below.
 */
import path from 'node:path';
import * as electron from 'electron';
import { parseHubOrigin } from './csp';
import { startShell } from './shell';

const defaultHubUrl = 'http://127.0.0.1:8787';

const hub = parseHubOrigin(process.env['TRIBUNAL_HUB_URL'] ?? defaultHubUrl);
if (!hub.ok) {
  process.stderr.write(`${hub.error}\n`);
  process.exit(1);
}

startShell(electron, {
  hubOrigin: hub.value,
  rendererRoot: path.join(__dirname, '..', 'renderer'),
  preloadPath: path.join(__dirname, 'preload.cjs'),
  devTools: !electron.app.isPackaged,
});
