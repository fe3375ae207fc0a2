import { m001 } from './001-initial';
import { m002 } from './002-blob-chunks';
import { m003 } from './003-caseload-order';
import { m004 } from './004-category-any';
import { m005 } from './005-search-order';
import { m006 } from './006-case-facts';
import type { Migration } from './types';

/** Every migration in order. Never edit a shipped one: add the next file. */
export const migrations: readonly Migration[] = [m001, m002, m003, m004, m005, m006];
