/*
 * The hub's seam to the shared event library (shared/events): the one hub file that knows how an event
 * is parsed (envelope + per-type payload schema), hashed (RFC 8785 canonical JSON, SHA-256) and signed
 * (Ed25519 over the hash bytes). Everything else in the hub goes through these names, so a new envelope
 * version or algorithm changes only shared/events and, at most, this file.
 */
import type { CaseEvent, UnsignedEvent } from '#shared/events/envelope';
import { canonicalJson } from '#shared/events/canonical';
import { parseCaseEvent, type FieldIssue } from '#shared/events/parse';
import {
  generateDeviceKeyPair,
  hashEvent,
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
