/*
 * This laptop's identity: its signing key pair (the private key is generated non-extractable and kept
 * as a CryptoKey in IndexedDB, so script can use it but never read it out), the enrollment the hub
 * answered with, its hash-chain head and HLC state, and the counter of temporary case numbers.
 * Everything here is device metadata in the `meta` table.
 */
import { exportPublicKeyJwk, generateDeviceKeyPair } from '#shared/events/signing';
import type { TribunalDb } from './db';

export type Enrollment = {
  deviceId: string;
  userId: string;
  userName: string;
  orgId: string;
  orgName: string;
  orgKind: string;
  caseNumberPrefix: string;
  roles: string[];
  hubUrl: string;
};

export type DeviceKeys = { privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JsonWebKey };
export type ChainHead = { deviceSeq: number; hash: string } | null;

const KEYS = 'device.keys';
const ENROLLMENT = 'device.enrollment';
const CHAIN = 'device.chainHead';
const HLC = 'device.hlc';
const TEMP_SEQ = 'device.tempCaseSeq';

async function getMeta<T>(db: TribunalDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

/** The device key pair, created on first use. */
export async function ensureDeviceKeys(db: TribunalDb): Promise<DeviceKeys> {
  const existing = await getMeta<DeviceKeys>(db, KEYS);
  if (existing) return existing;
  const pair = await generateDeviceKeyPair();
  const keys: DeviceKeys = { ...pair, publicJwk: await exportPublicKeyJwk(pair.publicKey) };
  await db.meta.put({ key: KEYS, value: keys });
  return keys;
}

export const loadEnrollment = (db: TribunalDb): Promise<Enrollment | undefined> => getMeta(db, ENROLLMENT);
export const saveEnrollment = async (db: TribunalDb, e: Enrollment): Promise<void> => {
  await db.meta.put({ key: ENROLLMENT, value: e });
};

export const loadChainHead = async (db: TribunalDb): Promise<ChainHead> =>
  (await getMeta<ChainHead>(db, CHAIN)) ?? null;
export const loadHlcState = (db: TribunalDb): Promise<string | undefined> => getMeta(db, HLC);

/** Keys of the meta rows an append updates together with the event (same transaction). */
export const META_KEYS = { CHAIN, HLC, TEMP_SEQ } as const;

/** `临-<device short id>-<seq>`: the number a case carries until the hub assigns the official one. */
export function temporaryCaseNumber(deviceId: string, seq: number): string {
  const short = deviceId.replace(/-/g, '').slice(-6).toUpperCase();
  return `临-${short}-${seq.toString().padStart(4, '0')}`;
}

export const loadTempSeq = async (db: TribunalDb): Promise<number> =>
  (await getMeta<number>(db, TEMP_SEQ)) ?? 0;
