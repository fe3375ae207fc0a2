// Issue #7 "bad input": 10,000 generated hostile requests — malformed JSON, schema violations, forged
// signatures, broken chains (gaps and forks, validly signed), replays with other content, a revoked
// device's token, oversize bodies, blob bytes that do not match their hash — each answered 4xx (a push
// answered 200 may only say rejected/duplicate), never 5xx; afterwards every table of the database and
// the blob folder are byte-for-byte as before. Seeded (fast-check), so a failure replays. Runs on SQLite
// and, when HUB_TEST_PG_URL is set (CI starts a loopback cluster), on PostgreSQL: there the snapshot is
// every table of the test's own schema, each table's rows as text in a stable order.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '#shared/events/envelope';
import { revokeDevice } from '../../../hub/src/admin/commands';
import type { StorageConfig } from '../../../hub/src/storage/open';
import { BACKENDS } from './support/backends';
import { testDevice, type TestDevice } from './support/devices';
import { bearer, startHub, type Harness } from './support/harness';

const RUNS = 10_000;

function snapshotSqlite(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    const h = createHash('sha256');
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
      h.update(
        `${name}:${JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))}\n`,
      );
    }
    return h.digest('hex');
  } finally {
    db.close();
  }
}

/** Every table of `schema`, each table's rows rendered as text and sorted, hashed. */
async function snapshotPostgres(connectionString: string, schema: string): Promise<string> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    // An empty list would make the before/after comparison vacuous.
    if (!tables.rows.some((t) => t.name === 'events')) throw new Error(`no events table in ${schema}`);
    const h = createHash('sha256');
    for (const { name } of tables.rows) {
      const rows = await client.query<{ row: string }>(
        `SELECT t::text AS row FROM "${schema}"."${name}" t ORDER BY 1`,
      );
      h.update(`${name}:${JSON.stringify(rows.rows.map((r) => r.row))}\n`);
    }
    return h.digest('hex');
  } finally {
    await client.end();
  }
}

function snapshotDb(cfg: StorageConfig): Promise<string> {
  if (cfg.kind === 'sqlite') return Promise.resolve(snapshotSqlite(cfg.file));
  if (cfg.schema === undefined) throw new Error('a PostgreSQL test runs in its own schema');
  return snapshotPostgres(cfg.connectionString, cfg.schema);
}

function snapshotDir(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${p}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
    }
  };
  walk(dir);
  return out.sort();
}

describe.each(BACKENDS)('hostile requests ($name)', ({ config }) => {
  let h: Harness;
  let cfg: StorageConfig;
  let a: TestDevice;
  let revoked: TestDevice;
  let stored: CaseEvent[];
  let caseId: string;
  beforeAll(async () => {
    cfg = config();
    h = await startHub(cfg, { syncPerMinute: 1_000_000, authPerMinute: 1_000_000 });
    const org = await h.org('荆门市劳动人事争议仲裁院');
    a = await testDevice(h, await h.user(org, '王调解', ['mediator']), 'mediator');
    revoked = await testDevice(h, await h.user(org, '李调解', ['mediator']), 'mediator');
    caseId = h.ids();
    stored = [await a.emit(caseId, 'case.opened'), await a.emit(caseId, 'evidence.added')];
    expect((await a.push(stored)).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    await revokeDevice(
      { storage: h.storage, clock: () => h.clock.now, ids: h.ids },
      { device: revoked.enrolled.deviceId },
    );
  });
  afterAll(async () => {
    await h.close();
  });

  it(`answers ${String(RUNS)} hostile requests with 4xx (never 5xx) and changes no row and no blob`, async () => {
    const dbBefore = await snapshotDb(cfg);
    const blobsBefore = snapshotDir(h.blobDir);
    const head = a.head();
    const evidenceSha = (stored[1]?.payload as { sha256: string }).sha256;

    /** A valid next event of device a, built fresh, then spoiled by `spoil`; the chain head is restored. */
    const spoiled = async (spoil: (e: CaseEvent) => unknown): Promise<unknown> => {
      const e = await a.emit(caseId, 'note.recorded', { stage: 1 });
      a.setHead(head.seq, head.hash);
      return spoil(e);
    };
    const kinds = fc.oneof(
      fc.string({ maxLength: 200 }).map((s) => ({ kind: 'junk' as const, s })),
      fc.jsonValue({ maxDepth: 3 }).map((v) => ({ kind: 'schema' as const, v })),
      fc
        .tuple(
          fc.constantFrom('payload', 'at', 'actor', 'conf', 'type', 'v', 'caseId'),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([field, v]) => ({ kind: 'field' as const, field, v })),
      fc.uint8Array({ minLength: 64, maxLength: 64 }).map((b) => ({ kind: 'forged' as const, b })),
      fc
        .integer({ min: -3, max: 50 })
        .filter((n) => n !== 0)
        .map((d) => ({ kind: 'gap' as const, d })),
      fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => ({ kind: 'fork' as const, b })),
      fc.string({ minLength: 1, maxLength: 20 }).map((s) => ({ kind: 'replay' as const, s })),
      fc.constant({ kind: 'revoked' as const }),
      fc.integer({ min: 1_048_577, max: 1_100_000 }).map((n) => ({ kind: 'oversize' as const, n })),
      fc.uint8Array({ minLength: 1024, maxLength: 1024 }).map((b) => ({ kind: 'blob' as const, b })),
    );

    const json = { ...bearer(a.enrolled.token), 'content-type': 'application/json' };
    async function run(
      k:
        | { kind: 'junk'; s: string }
        | { kind: 'schema'; v: unknown }
        | { kind: 'field'; field: string; v: unknown }
        | { kind: 'forged'; b: Uint8Array }
        | { kind: 'gap'; d: number }
        | { kind: 'fork'; b: Uint8Array }
        | { kind: 'replay'; s: string }
        | { kind: 'revoked' }
        | { kind: 'oversize'; n: number }
        | { kind: 'blob'; b: Uint8Array },
    ) {
      const push = (events: unknown[], headers: Record<string, string> = json) =>
        h.app.inject({ method: 'POST', url: '/v1/sync/push', headers, payload: JSON.stringify({ events }) });
      switch (k.kind) {
        case 'junk':
          return h.app.inject({ method: 'POST', url: '/v1/sync/push', headers: json, payload: k.s });
        case 'schema':
          return push([k.v]);
        case 'field':
          return push([await spoiled((e) => ({ ...e, [k.field]: k.v }))]);
        case 'forged':
          return push([await spoiled((e) => ({ ...e, sig: Buffer.from(k.b).toString('base64url') }))]);
        case 'gap':
          return push([
            await spoiled(async () => {
              a.setHead(head.seq + k.d, head.hash);
              const e = await a.emit(caseId, 'note.recorded', { stage: 1 });
              a.setHead(head.seq, head.hash);
              return e;
            }),
          ]);
        case 'fork':
          return push([
            await spoiled(async () => {
              a.setHead(head.seq, Buffer.from(k.b).toString('hex'));
              const e = await a.emit(caseId, 'note.recorded', { stage: 1 });
              a.setHead(head.seq, head.hash);
              return e;
            }),
          ]);
        case 'replay': {
          const base = stored[0];
          if (!base) throw new Error('no stored event');
          return push([{ ...base, payload: { ...base.payload, replayed: k.s } }]);
        }
        case 'revoked':
          return push([await revoked.emit(caseId, 'note.recorded', { stage: 1 })], {
            ...bearer(revoked.enrolled.token),
            'content-type': 'application/json',
          });
        case 'oversize':
          return h.app.inject({
            method: 'POST',
            url: '/v1/sync/push',
            headers: json,
            payload: `{"events":[${JSON.stringify('x'.repeat(k.n))}]}`,
          });
        case 'blob':
          return h.app.inject({
            method: 'PATCH',
            url: `/v1/blobs/${evidenceSha}`,
            headers: {
              ...bearer(a.enrolled.token),
              'content-type': 'application/offset+octet-stream',
              'upload-offset': '0',
              'upload-length': '1024',
            },
            payload: Buffer.from(k.b),
          });
      }
    }

    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(kinds, async (k) => {
        const res = await run(k);
        seen.set(k.kind, (seen.get(k.kind) ?? 0) + 1);
        expect(res.statusCode, `${k.kind}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode === 200) {
          const results = res.json<{ results: { status: string }[] }>().results;
          for (const r of results) expect(['rejected', 'duplicate']).toContain(r.status);
        } else {
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
        }
      }),
      { numRuns: RUNS, seed: 20261129 },
    );
    expect([...seen.values()].reduce((x, y) => x + y, 0)).toBe(RUNS);
    expect(seen.size).toBe(10);
    expect(await snapshotDb(cfg)).toBe(dbBefore);
    expect(snapshotDir(h.blobDir)).toEqual(blobsBefore);
  }, 600_000);
});
