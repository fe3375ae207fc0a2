// Starts a throwaway PostgreSQL 15 cluster on a loopback port for the hub's PostgreSQL suites
// (toolchain-facts.md §7). initdb refuses to run as root, so as root the server runs as `postgres`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, chmodSync } from 'node:fs';
import { resolve } from 'node:path';

const PGBIN = '/usr/lib/postgresql/15/bin';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function asPostgres(cmd) {
  if (isRoot) return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { stdio: 'pipe' });
  return execFileSync('/bin/sh', ['-c', cmd], { stdio: 'pipe' });
}

/** @returns {{url: string, stop: () => void} | null} null when PostgreSQL is not installed. */
export function startPostgres({ port = 55432, dir = resolve('.ci-tmp/pg') } = {}) {
  if (!existsSync(`${PGBIN}/initdb`)) return null;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(`${dir}/sock`, { recursive: true });
  chmodSync(resolve(dir, '..'), 0o755);
  chmodSync(dir, 0o755);
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  asPostgres(`${PGBIN}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null`);
  asPostgres(
    `${PGBIN}/pg_ctl -D ${dir}/data -l ${dir}/server.log -o "-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}/sock -c fsync=on" -w start >/dev/null`,
  );
  const stop = () => {
    spawnSync(
      isRoot ? 'su' : '/bin/sh',
      isRoot
        ? ['postgres', '-s', '/bin/sh', '-c', `${PGBIN}/pg_ctl -D ${dir}/data -m fast -w stop`]
        : ['-c', `${PGBIN}/pg_ctl -D ${dir}/data -m fast -w stop`],
      { stdio: 'ignore' },
    );
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
