// `npm run web`: the app in a browser with its own sync hub, on loopback. It
//   1. on first run creates a demo organisation and user in the hub's SQLite file (.hub-data/), and on
//      every run prints a fresh one-time enrollment code for that user,
//   2. starts the hub (hub/src/main.ts) with CORS for the app's origin,
//   3. builds the renderer (the same files Electron loads) and serves it.
// Stop with Ctrl+C (the hub stops too). Environment: TRIBUNAL_WEB_PORT (5173), HUB_PORT (8787),
// HUB_DATA_DIR (.hub-data), TRIBUNAL_HUB_URL=<url> to use a hub running elsewhere (no local hub, no demo
// data), TRIBUNAL_NO_DEMO=1 to skip the demo organisation.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, preview } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const host = '127.0.0.1';
const run = promisify(execFile);

/** Runs the admin CLI (same storage selection as the hub) and returns its JSON value. */
async function admin(args, env) {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'hub/src/admin/cli.ts', ...args, '--json'],
    {
      cwd: root,
      env,
    },
  );
  const answer = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
  if (!answer.ok) throw new Error(`hub:admin ${args[0]}: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

/**
 * The demo organisation and user, created once (their ids are kept in <data dir>/web-demo.json), and a
 * fresh one-time code for the user. Runs before the hub starts, so only one process opens the file.
 */
export async function demoEnrollment(dataDir, env) {
  const file = path.join(dataDir, 'web-demo.json');
  let demo = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  if (!demo) {
    const org = await admin(
      ['org:create', '--name', '荆门市劳动人事争议仲裁院', '--kind', 'arbitration', '--prefix', '荆劳人仲字'],
      env,
    );
    const user = await admin(
      ['user:create', '--org', org.id, '--name', '王调解', '--roles', 'mediator,arbitrator,supervisor'],
      env,
    );
    demo = { orgId: org.id, orgName: org.name, userId: user.id, userName: user.name };
    writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`);
  }
  const code = await admin(['enroll:code', '--user', demo.userId], env);
  return { ...demo, code: code.code, expiresAt: code.expiresAt };
}

/** Resolves once GET /v1/health answers, or rejects after `ms`. */
async function waitForHealth(url, child, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child?.exitCode !== null && child?.exitCode !== undefined) throw new Error('the hub exited at start');
    try {
      const res = await fetch(`${url}/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the hub did not answer at ${url} within ${String(ms / 1000)} s`);
}

/** Starts hub/src/main.ts on loopback; resolves with its URL and a stop function. */
export async function startLocalHub({ port, dataDir, corsOrigins }) {
  const url = `http://${host}:${String(port)}`;
  const busy = await fetch(`${url}/v1/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (busy)
    throw new Error(
      `端口 ${String(port)} 上已有同步服务器 (a hub already answers at ${url}): set HUB_PORT, or TRIBUNAL_HUB_URL=${url} to use it`,
    );
  const env = {
    ...process.env,
    HUB_HOST: host,
    HUB_PORT: String(port),
    HUB_DATA_DIR: dataDir,
    HUB_CORS_ORIGINS: corsOrigins.join(','),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(url, child);
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, stop };
}

/** The whole web mode; `start.mjs` calls it too when no Electron binary is installed. */
export async function startWebMode() {
  const port = Number(process.env.TRIBUNAL_WEB_PORT ?? 5173);
  const appOrigins = [`http://${host}:${String(port)}`, `http://localhost:${String(port)}`];
  const external = process.env.TRIBUNAL_HUB_URL;
  let hub = { url: external, stop: () => Promise.resolve() };
  let demo = null;
  if (!external) {
    const dataDir = path.resolve(root, process.env.HUB_DATA_DIR ?? '.hub-data');
    mkdirSync(dataDir, { recursive: true });
    const hubEnv = { ...process.env, HUB_DATA_DIR: dataDir };
    if (process.env.TRIBUNAL_NO_DEMO !== '1') demo = await demoEnrollment(dataDir, hubEnv);
    hub = await startLocalHub({
      port: Number(process.env.HUB_PORT ?? 8787),
      dataDir,
      corsOrigins: appOrigins,
    });
  }
  // The enroll form starts with this hub's address (renderer/features/enroll/default-hub.ts).
  process.env.VITE_TRIBUNAL_HUB_URL = hub.url;
  let server;
  try {
    await build({ root, logLevel: 'warn' });
    server = await preview({ root, preview: { host, port, strictPort: true, open: false } });
  } catch (e) {
    await hub.stop(); // never leave a hub running behind a failed start
    throw e;
  }

  console.log(`背包仲裁庭 web mode:  ${appOrigins[0]}/`);
  console.log(`同步服务器 sync hub:  ${hub.url ?? '(none)'}`);
  if (demo) {
    console.log(`演示机构 demo org:    ${demo.orgName}; user ${demo.userName} (${demo.userId})`);
    console.log(`一次性登记码 one-time code: ${demo.code}  (expires ${demo.expiresAt})`);
    console.log('  → open 登记本设备 (#/enroll), keep the hub address, enter the code and a device name.');
  }
  console.log('More codes / users:  npm run hub:admin -- enroll:code --user <userId>');
  console.log(
    '                     npm run hub:admin -- user:create --org <orgId> --name <姓名> --roles mediator',
  );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.httpServer.close(() => {
      void hub.stop().then(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  startWebMode().catch((e) => {
    console.error(`web mode failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
