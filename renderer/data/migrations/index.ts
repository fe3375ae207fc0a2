import { m001 } from './001-initial';
import type { Migration } from './types';

/** Every migration in order. Never edit a shipped one: add the next file. */
export const migrations: readonly Migration[] = [m001];
