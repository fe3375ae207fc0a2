/*
 * The hub's seam to the shared event library (shared/events): the one hub file that knows how an event
 * is parsed (envelope + per-type payload schema), hashed (RFC 8785 canonical JSON, SHA-256) and signed
 * (Ed25519 over the hash bytes). Everything else in the hub goes through these names, so a new envelope
 * version or algorithm changes only shared/events and, at most, this file.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { CaseEvent, UnsignedEvent } from '#shared/events/envelope';
import { canonicalJson } from '#shared/events/canonical';
import { parseCaseEvent, type FieldIssue } from '#shared/events/parse';
import {
  base64urlToBytes,
  generateDeviceKeyPair,
  hashEvent,
  hexToBytes,
  importPublicKeyJwk,
  sealEvent,
  verifyHashSignature,
} from '#shared/events/signing';
import type { Result } from '#shared/util/result';

/** A pushed event after the full schema check (envelope and payload of its type). */
export type WireEvent = CaseEvent;
export type UnsignedWireEvent = UnsignedEvent;

/** Envelope + payload schema; never throws. Field paths of payload issues start with `payload.`. */
export const parseEvent = (input: unknown): Result<WireEvent, FieldIssue[]> => parseCaseEvent(input);

/** The exact JSON the hub stores and serves (canonical, so the stored body re-hashes to `hash`). */
export const storedBody = (e: WireEvent): string => canonicalJson(e);

/** SHA-256 hex of the canonical JSON of the event without hash and sig. */
export const computeHash = (e: WireEvent | UnsignedWireEvent): Promise<string> => hashEvent(e);

/**
 * The same hash as `computeHash`, synchronously through node:crypto (push checks whole batches: one
 * WebCrypto digest is an async job costing more than the hashing itself). Identical bytes: canonical
 * JSON of the event without hash and sig, UTF-8, SHA-256, lowercase hex.
 */
export function computeHashSync(e: WireEvent | UnsignedWireEvent): string {
  const rest: Record<string, unknown> = { ...e };
  delete rest['hash'];
  delete rest['sig'];
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/**
 * A device's enrolled Ed25519 public JWK as a node:crypto key for `verifySigPooled`, or null when it is not
 * an Ed25519 public key (the same acceptance as `importDeviceKey`).
 */
export function deviceKeyObject(jwk: JsonWebKey): KeyObject | null {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || jwk.d !== undefined || typeof jwk.x !== 'string')
    return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
  } catch {
    return null;
  }
}

/**
 * `verifySig` through node:crypto's one-shot Ed25519 verify in its callback form, which runs on libuv's
 * thread pool: the same OpenSSL check as WebCrypto's at about 60 % of its CPU per call (measured), and a
 * batch's checks run beside the parsing and hashing of the next events and on every core. Ed25519 over
 * the 32 hash bytes, signature base64url; false (never a rejection) on any bad input.
 */
export function verifySigPooled(key: KeyObject, hash: string, sig: string): Promise<boolean> {
  const bytes = hexToBytes(hash);
  const signature = base64urlToBytes(sig);
  if (bytes?.length !== 32 || signature === null) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      verify(null, bytes, key, signature, (error, valid) => {
        resolve(error === null && valid);
      });
    } catch {
      resolve(false);
    }
  });
}

/** Ed25519 signature check over the hash bytes; false (never a throw) on any bad input. */
export const verifySig = (key: CryptoKey, hash: string, sig: string): Promise<boolean> =>
  verifyHashSignature(key, hash, sig);

/** A device's enrolled public key (Ed25519 JWK, public members only), or null. */
export const importDeviceKey = (jwk: JsonWebKey): Promise<CryptoKey | null> => importPublicKeyJwk(jwk);

/** Hashes and signs an event the hub itself emits. */
export const sealHubEvent = (e: UnsignedWireEvent, privateKey: CryptoKey): Promise<WireEvent> =>
  sealEvent(e, privateKey);

/** A new extractable Ed25519 key pair for the hub's own identity (its private JWK is stored). */
export const generateHubKeyPair = (): Promise<CryptoKeyPair> => generateDeviceKeyPair({ extractable: true });
