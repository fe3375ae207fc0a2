// TEMPORARY stub until shared/events lands.
import type { webcrypto } from 'node:crypto';
import type { Result } from '#shared/util/result';
import { err } from '#shared/util/result';

export type WireEvent = {
  id: string;
  caseId: string;
  type: string;
  payload: Record<string, unknown>;
  conf: string;
  at: { hlc: string; wall: string };
  actor: { userId: string; deviceId: string; orgId: string; role: string };
  deviceSeq: number;
  prev: string | null;
  hash: string;
  sig: string;
};

export function parseEvent(_input: unknown): Result<WireEvent, { field: string; message: string }[]> {
  return err([{ field: '', message: 'not ready' }]);
}
export function computeHash(_e: WireEvent): Promise<string> {
  return Promise.resolve('');
}
export function verifySig(_key: webcrypto.CryptoKey, _hash: string, _sig: string): Promise<boolean> {
  return Promise.resolve(false);
}
