// `npm run hub` starts a real listening server (SQLite in HUB_DATA_DIR) that answers health and CORS.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('hub main', () => {
  it('listens on HUB_HOST:HUB_PORT and answers /v1/health', async () => {
    const port = 18_000 + (process.pid % 2000);
    const child = spawn(process.execPath, ['--import', 'tsx', 'hub/src/main.ts'], {
      env: {
        ...process.env,
        HUB_PORT: String(port),
        HUB_HOST: '127.0.0.1',
        HUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'hub-main-')),
        HUB_DATABASE_URL: '',
      },
      stdio: 'ignore',
    });
    try {
      let body: unknown = null;
      for (let i = 0; i < 100 && body === null; i++) {
        body = await fetch(`http://127.0.0.1:${String(port)}/v1/health`, {
          headers: { origin: 'http://127.0.0.1:5173' },
        }).then(
          async (r) => {
            expect(r.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
            return (await r.json()) as unknown;
          },
          () =>
            new Promise((res) =>
              setTimeout(() => {
                res(null);
              }, 200),
            ),
        );
      }
      expect(body).toMatchObject({ status: 'ok', storage: 'sqlite' });
    } finally {
      const exited = new Promise((res) => child.once('exit', res));
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
