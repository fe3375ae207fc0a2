/*
 * Versioned, append-only schema migrations (conventions.md §10). Each version is its own file and its own
 * test. A migration returns statements for a dialect; integer columns are 64-bit on both.
 */
import type { Dialect } from '../db';
import { migration001 } from './001-initial';
import { migration002 } from './002-case-numbers';
import { migration003 } from './003-recovery-keys';
import { migration004 } from './004-case-assignee';
import { migration005 } from './005-export-audit';
import { migration006 } from './006-case-facts';
import { migration007 } from './007-holiday-years';

export type Migration = {
  version: number;
  name: string;
  statements(dialect: Dialect): string[];
};

/** All migrations in order; append only. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
];

/** Column type for 64-bit integers per dialect. */
export const bigint = (d: Dialect): string => (d === 'postgres' ? 'BIGINT' : 'INTEGER');
