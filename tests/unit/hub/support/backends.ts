// Storage backends for hub suites: SQLite in a temp dir always; PostgreSQL too when HUB_TEST_PG_URL is set
// (a fresh schema per call, so test files never see each other's rows).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StorageConfig } from '../../../../hub/src/storage/open';

export type BackendCase = { name: 'sqlite' | 'postgres'; config: () => StorageConfig };

let counter = 0;
const uniq = (): string => `${String(process.pid)}_${String(Date.now())}_${String(++counter)}`;

export const PG_URL = process.env['HUB_TEST_PG_URL'];

export const BACKENDS: BackendCase[] = [
  {
    name: 'sqlite',
    config: () => ({ kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'hub-')), 'hub.sqlite') }),
  },
  ...(PG_URL
    ? [
        {
          name: 'postgres' as const,
          config: (): StorageConfig => ({
            kind: 'postgres',
            connectionString: PG_URL,
            schema: `t_${uniq()}`,
          }),
        },
      ]
    : []),
];
