/*
 * The one seam every sensitive value passes through on its way into or out of IndexedDB, the journal
 * and the blob store. Today it is the identity (plain JSON in a versioned wrapper); issue #8 replaces it
 * with AES-256-GCM envelope encryption and HMAC blind indexes without touching any caller.
 */

/** A value as stored: never read its `data` directly, always go through `Codec.open`. */
export type Sealed = { readonly v: 1; readonly alg: string; readonly data: unknown };

/**
 * Where a value lives; bound into the ciphertext as additional data, so a value cut from one table and
 * pasted into another does not open. Each table of sealed rows has its own (`caseFacts`: the dashboard's
 * per-case facts — not `caseStates`, or a facts row could be passed off as a case state).
 */
export type SealContext = 'events' | 'cases' | 'caseStates' | 'caseFacts' | 'journal' | 'blobs' | 'meta';

export type Codec = {
  readonly name: string;
  seal(ctx: SealContext, value: unknown): Promise<Sealed>;
  open(ctx: SealContext, sealed: Sealed): Promise<unknown>;
  sealBytes(ctx: SealContext, bytes: Uint8Array): Promise<Uint8Array>;
  openBytes(ctx: SealContext, bytes: Uint8Array): Promise<Uint8Array>;
  /** A search token for a personal term (name, ID tail, phone); a keyed hash once encryption lands. */
  index(term: string): Promise<string>;
  /**
   * Seals an event ONCE for the two places it is stored — its IndexedDB row (`open('events', row)`) and
   * its journal line (`open('journal', JSON.parse(line))`) — instead of two seals of the same value.
   * Optional: a codec without it is called twice (see `sealEventRecord`).
   */
  sealRecord?(value: unknown): Promise<SealedRecord>;
};

/** One sealed value in the two forms the write path stores: the row's value and the journal's line. */
export type SealedRecord = { row: Sealed; line: string };

/** An event's row value and journal line, sealed once when the codec can (one encryption, not two). */
export function sealEventRecord(codec: Codec, value: unknown): Promise<SealedRecord> {
  if (codec.sealRecord) return codec.sealRecord(value);
  return Promise.all([codec.seal('events', value), codec.seal('journal', value)]).then(([row, line]) => ({
    row,
    line: JSON.stringify(line),
  }));
}

/** No encryption: the seam in place, values stored as structured JSON. */
export const plainCodec: Codec = {
  name: 'plain',
  seal: (_ctx, value) => Promise.resolve({ v: 1, alg: 'none', data: value }),
  open: (_ctx, sealed) =>
    sealed.alg === 'none'
      ? Promise.resolve(sealed.data)
      : Promise.reject(new Error(`codec plain cannot open ${sealed.alg}`)),
  sealBytes: (_ctx, bytes) => Promise.resolve(bytes),
  openBytes: (_ctx, bytes) => Promise.resolve(bytes),
  index: (term) => Promise.resolve(term.normalize('NFKC').toLowerCase()),
  sealRecord: (value) => {
    const row: Sealed = { v: 1, alg: 'none', data: value };
    return Promise.resolve({ row, line: JSON.stringify(row) });
  },
};
