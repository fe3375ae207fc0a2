import { describe, expect, it } from 'vitest';
import {
  base64urlToBytes,
  bytesToBase64url,
  exportPublicKeyJwk,
  generateDeviceKeyPair,
  hashEvent,
  importPublicKeyJwk,
  nextChainLink,
  sealEvent,
  sha256Hex,
  signHash,
  verifyHashSignature,
} from '#shared/events/signing';
import { canonicalJson } from '#shared/events/canonical';
import type { CaseEvent } from '#shared/events/envelope';
import { SAMPLE_PAYLOADS } from '#shared/events/testing-samples';
import { CASE_ID, device } from './helpers';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(await sha256Hex('中')).toBe(await sha256Hex(new Uint8Array([0xe4, 0xb8, 0xad])));
  });
});

describe('base64url', () => {
  it('round-trips every length and matches RFC 4648 vectors', () => {
    const enc = (s: string) => bytesToBase64url(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual([
      '',
      'Zg',
      'Zm8',
      'Zm9v',
      'Zm9vYg',
      'Zm9vYmE',
      'Zm9vYmFy',
    ]);
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(base64urlToBytes(bytesToBase64url(bytes))).toEqual(bytes);
    }
    expect(bytesToBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64urlToBytes('a+b/')).toBeNull();
    expect(base64urlToBytes('abcde')).toBeNull();
  });
});

describe('device keys and signatures (Ed25519)', () => {
  it('signs a hash and verifies it through an exported/imported JWK', async () => {
    const pair = await generateDeviceKeyPair();
    const jwk = await exportPublicKeyJwk(pair.publicKey);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(jwk.d).toBeUndefined();
    const pub = await importPublicKeyJwk(jwk);
    expect(pub).not.toBeNull();
    const hash = await sha256Hex('event');
    const sig = await signHash(pair.privateKey, hash);
    expect(sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
    if (pub === null) return;
    expect(await verifyHashSignature(pub, hash, sig)).toBe(true);
    expect(await verifyHashSignature(pub, await sha256Hex('other'), sig)).toBe(false);
    const other = await generateDeviceKeyPair();
    expect(await verifyHashSignature(other.publicKey, hash, sig)).toBe(false);
  });

  it('answers false, never throws, for malformed signatures or hashes', async () => {
    const pair = await generateDeviceKeyPair();
    const hash = await sha256Hex('x');
    expect(await verifyHashSignature(pair.publicKey, hash, '')).toBe(false);
    expect(await verifyHashSignature(pair.publicKey, hash, '!!')).toBe(false);
    expect(await verifyHashSignature(pair.publicKey, 'zz', 'AAAA')).toBe(false);
    expect(await verifyHashSignature(pair.publicKey, hash, 'A'.repeat(86))).toBe(false);
  });

  it('refuses JWKs that are not Ed25519 public keys', async () => {
    expect(await importPublicKeyJwk({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b' })).toBeNull();
    expect(await importPublicKeyJwk({ kty: 'OKP', crv: 'Ed25519', x: 'short' })).toBeNull();
    expect(await importPublicKeyJwk({ kty: 'OKP', crv: 'Ed25519', x: 'a', d: 'secret' })).toBeNull();
  });
});

describe('hashEvent and sealEvent', () => {
  it('hashes the canonical JSON without hash and sig', async () => {
    const d = await device('dev-a', 1);
    const e = await d.emit(CASE_ID, 'case.opened', SAMPLE_PAYLOADS['case.opened']);
    const { hash, sig, ...rest } = e;
    expect(sig.length).toBeGreaterThan(0);
    expect(hash).toBe(await sha256Hex(canonicalJson(rest)));
    expect(await hashEvent(e)).toBe(hash);
    expect(await verifyHashSignature(d.publicKey, hash, sig)).toBe(true);
  });

  it('changes the hash when any signed field changes', async () => {
    const d = await device('dev-a', 1);
    const e = await d.emit(CASE_ID, 'claim.added', SAMPLE_PAYLOADS['claim.added']);
    const tampered = { ...e, payload: { ...e.payload, amountClaimedFen: 1 } } as CaseEvent;
    expect(await hashEvent(tampered)).not.toBe(e.hash);
    expect(await hashEvent({ ...e, conf: 'internal' })).not.toBe(e.hash);
  });

  it('seals with a given private key', async () => {
    const pair = await generateDeviceKeyPair();
    const d = await device('dev-a', 1);
    const sealed = await sealEvent(
      d.draft(CASE_ID, 'case.accepted', SAMPLE_PAYLOADS['case.accepted']),
      pair.privateKey,
    );
    expect(await verifyHashSignature(pair.publicKey, sealed.hash, sealed.sig)).toBe(true);
  });
});

describe('nextChainLink and the test device chain', () => {
  it('starts at 1 with no prev, then links to the last hash', async () => {
    expect(nextChainLink(null)).toEqual({ deviceSeq: 1, prev: null });
    expect(nextChainLink({ deviceSeq: 4, hash: 'h' })).toEqual({ deviceSeq: 5, prev: 'h' });
    const d = await device('dev-a', 1);
    const a = await d.emit(CASE_ID, 'case.opened', SAMPLE_PAYLOADS['case.opened']);
    const b = await d.emit(CASE_ID, 'case.accepted', SAMPLE_PAYLOADS['case.accepted']);
    expect([a.deviceSeq, a.prev, b.deviceSeq, b.prev]).toEqual([1, null, 2, a.hash]);
    expect(b.at.hlc > a.at.hlc).toBe(true);
    expect(b.id > a.id).toBe(true);
  });

  it('is deterministic for the same clock and ids (except the signature key)', async () => {
    const [a, b] = await Promise.all([device('dev-a', 7), device('dev-a', 7)]);
    const ea = await a.emit(CASE_ID, 'case.opened', SAMPLE_PAYLOADS['case.opened']);
    const eb = await b.emit(CASE_ID, 'case.opened', SAMPLE_PAYLOADS['case.opened']);
    expect(ea.hash).toBe(eb.hash);
  });
});
