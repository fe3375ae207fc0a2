/*
 * Opaque bearer secrets (tokens, enrollment codes): random, shown once, stored only as SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const secretHash = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** A short code an administrator can read out: 4 groups of 4 from an unambiguous alphabet. */
export function newEnrollmentCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const b = randomBytes(16);
  const chars = Array.from(b, (x) => alphabet[x % alphabet.length] ?? 'A');
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Codes are compared case- and dash-insensitively. */
export const normalizeCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
