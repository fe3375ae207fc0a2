import { describe, expect, it, vi } from 'vitest';
import { codecFromRawKey, deriveCodecKeys, SealError } from '../../../../renderer/security/crypto-codec';
import type { Sealed } from '../../../../renderer/data/codec';

const rawKey = (fill: number) => new Uint8Array(32).fill(fill);

describe('crypto codec', () => {
  it('round-trips values and bytes, and stores no plaintext', async () => {
    const { codec } = await codecFromRawKey(rawKey(1));
    const value = { name: '张三', idNumber: '420802199001011234', wageFen: 650000, nested: [1, null, 'x'] };
    const sealed = await codec.seal('events', value);
    expect(sealed.alg).toBe('A256GCM');
    expect((sealed.data as { ct: unknown }).ct).toBeInstanceOf(Uint8Array); // IndexedDB keeps bytes
    expect(new TextDecoder().decode((sealed.data as { ct: Uint8Array }).ct)).not.toContain('4208021990');
    expect(await codec.open('events', sealed)).toEqual(value);
    const line = JSON.stringify(await codec.seal('journal', value)); // journal lines are JSON
    expect(line).not.toContain('420802199001011234');
    expect(await codec.open('journal', JSON.parse(line) as Sealed)).toEqual(value);
    const bytes = new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 1, 2, 3]);
    const sb = await codec.sealBytes('blobs', bytes);
    expect(sb.length).toBe(1 + 12 + bytes.length + 16);
    expect(await codec.openBytes('blobs', sb)).toEqual(bytes);
  });

  it('detects a flipped bit anywhere in the ciphertext or IV', async () => {
    const { codec } = await codecFromRawKey(rawKey(2));
    const sealed = await codec.seal('journal', { a: 'b' });
    const d = sealed.data as { iv: string; ct: string; kid: string };
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    await expect(codec.open('journal', { ...sealed, data: { ...d, ct: flip(d.ct) } })).rejects.toMatchObject({
      code: 'tampered',
    });
    await expect(codec.open('journal', { ...sealed, data: { ...d, iv: flip(d.iv) } })).rejects.toBeInstanceOf(
      SealError,
    );
    const row = await codec.seal('cases', { a: 'b' });
    const rd = row.data as { iv: Uint8Array; ct: Uint8Array; kid: string };
    const ct = new Uint8Array(rd.ct);
    ct[3] = (ct[3] ?? 0) ^ 0x80;
    await expect(codec.open('cases', { ...row, data: { ...rd, ct } })).rejects.toMatchObject({
      code: 'tampered',
    });
    const sb = await codec.sealBytes('blobs', new Uint8Array(100));
    for (const pos of [1, 20, sb.length - 1]) {
      const bad = new Uint8Array(sb);
      bad[pos] = (bad[pos] ?? 0) ^ 0x01;
      await expect(codec.openBytes('blobs', bad)).rejects.toMatchObject({ code: 'tampered' });
    }
  });

  it('binds ciphertext to its context and key', async () => {
    const { codec } = await codecFromRawKey(rawKey(3));
    const { codec: other } = await codecFromRawKey(rawKey(4));
    const sealed = await codec.seal('events', 'x');
    await expect(codec.open('cases', sealed)).rejects.toMatchObject({ code: 'tampered' });
    await expect(other.open('events', sealed)).rejects.toMatchObject({ code: 'wrong_key' });
    const sb = await codec.sealBytes('blobs', new Uint8Array([1]));
    await expect(codec.openBytes('journal', sb)).rejects.toMatchObject({ code: 'tampered' });
    await expect(other.openBytes('blobs', sb)).rejects.toMatchObject({ code: 'tampered' });
  });

  it('refuses malformed input with a named error, never garbage', async () => {
    const { codec } = await codecFromRawKey(rawKey(5));
    const plain: Sealed = { v: 1, alg: 'none', data: 'x' };
    await expect(codec.open('events', plain)).rejects.toMatchObject({ code: 'malformed' });
    await expect(codec.open('events', { v: 1, alg: 'A256GCM', data: null })).rejects.toMatchObject({
      code: 'malformed',
    });
    await expect(codec.openBytes('blobs', new Uint8Array(5))).rejects.toMatchObject({ code: 'malformed' });
    await expect(deriveCodecKeys(new Uint8Array(16))).rejects.toBeInstanceOf(SealError);
  });

  it('uses a unique IV for each of 10,000 seals', async () => {
    const { codec } = await codecFromRawKey(rawKey(6));
    const ivs = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const s = await codec.seal(i % 2 ? 'journal' : 'events', i);
      const iv = (s.data as { iv: string | Uint8Array }).iv;
      ivs.add(typeof iv === 'string' ? iv : Buffer.from(iv).toString('base64url'));
    }
    expect(ivs.size).toBe(10_000);
  });

  it('blind index is deterministic, normalized, keyed and 128 bits', async () => {
    const a = await codecFromRawKey(rawKey(7));
    const b = await codecFromRawKey(rawKey(8));
    const t1 = await a.codec.index('张三');
    expect(t1).toMatch(/^[0-9a-f]{32}$/);
    expect(await a.codec.index('张三')).toBe(t1);
    expect(await a.codec.index('ＡＢ')).toBe(await a.codec.index('ab'));
    expect(await b.codec.index('张三')).not.toBe(t1);
    expect(await a.codec.index('张四')).not.toBe(t1);
  });

  it('derives non-extractable subkeys and a stable public key id', async () => {
    const k1 = await deriveCodecKeys(rawKey(9));
    const k2 = await deriveCodecKeys(rawKey(9));
    expect(k1.dataKey.extractable).toBe(false);
    expect(k1.indexKey.extractable).toBe(false);
    expect(k1.keyId).toBe(k2.keyId);
    expect(k1.keyId).toMatch(/^dk-[0-9a-f]{16}$/);
    expect((await deriveCodecKeys(rawKey(10))).keyId).not.toBe(k1.keyId);
  });
});

describe('base64url', () => {
  it('matches Node for every length and round-trips', async () => {
    const { toB64url, fromB64url } = await import('../../../../renderer/security/bytes');
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 255);
      expect(toB64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromB64url(toB64url(bytes))).toEqual(bytes);
    }
    expect(fromB64url('a')).toBeNull();
    expect(fromB64url('ab+c')).toBeNull();
  });
});

describe('sealRecord: an event sealed once for its row and its journal line (#8 part 6)', () => {
  const event = { id: 'e-1', name: '张三', idNumber: '420802199001011234' };

  it('one AES-GCM encryption, the same ciphertext in the row and the line, both open', async () => {
    const { codec } = await codecFromRawKey(rawKey(11));
    const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
    try {
      if (!codec.sealRecord) throw new Error('the crypto codec seals records');
      const { row, line } = await codec.sealRecord(event);
      expect(encrypt).toHaveBeenCalledTimes(1);
      expect(line).not.toContain('420802199001011234');
      const r = row.data as { iv: Uint8Array; ct: Uint8Array };
      const l = (JSON.parse(line) as Sealed).data as { iv: string; ct: string };
      expect(r.ct).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(r.ct).toString('base64url')).toBe(l.ct);
      expect(Buffer.from(r.iv).toString('base64url')).toBe(l.iv);
      expect(await codec.open('events', row)).toEqual(event);
      expect(await codec.open('journal', JSON.parse(line) as Sealed)).toEqual(event);
    } finally {
      encrypt.mockRestore();
    }
  });

  it('a record is refused in every other table, and its scope cannot be added or removed', async () => {
    const { codec } = await codecFromRawKey(rawKey(12));
    if (!codec.sealRecord) throw new Error('the crypto codec seals records');
    const { row } = await codec.sealRecord(event);
    for (const ctx of ['cases', 'caseStates', 'meta'] as const)
      await expect(codec.open(ctx, row)).rejects.toMatchObject({ code: 'tampered' });
    const d = row.data as Record<string, unknown>;
    const unscoped = { ...d };
    delete unscoped['scope'];
    // Without its scope the additional data is `events|…`: authentication fails.
    await expect(codec.open('events', { ...row, data: unscoped })).rejects.toMatchObject({
      code: 'tampered',
    });
    // A value sealed for the events table alone cannot be passed off as a record (to enter the journal).
    const single = await codec.seal('events', event);
    const scoped = { ...single, data: { ...(single.data as object), scope: 'events+journal' } };
    await expect(codec.open('journal', scoped)).rejects.toMatchObject({ code: 'tampered' });
    await expect(codec.open('events', { ...row, data: { ...d, scope: 'cases' } })).rejects.toMatchObject({
      code: 'malformed',
    });
    const ct = new Uint8Array(d['ct'] as Uint8Array);
    ct[5] = (ct[5] ?? 0) ^ 1;
    await expect(codec.open('events', { ...row, data: { ...d, ct } })).rejects.toMatchObject({
      code: 'tampered',
    });
  });

  it('another key cannot open a record', async () => {
    const a = await codecFromRawKey(rawKey(13));
    const b = await codecFromRawKey(rawKey(14));
    if (!a.codec.sealRecord) throw new Error('the crypto codec seals records');
    const { line } = await a.codec.sealRecord(event);
    await expect(b.codec.open('journal', JSON.parse(line) as Sealed)).rejects.toMatchObject({
      code: 'wrong_key',
    });
  });
});
