/*
 * The one seam every sensitive value passes through on its way into or out of IndexedDB, the journal
 * and the blob store. Today it is the identity (plain JSON in a versioned wrapper); issue #8 replaces it
 * with AES-256-GCM envelope encryption and HMAC blind indexes without touching any caller.
 */

/** A value as stored: never read its `data` directly, always go through `Codec.open`. */
export type Sealed = { readonly v: 1; readonly alg: string; readonly data: unknown };

/** Where a value lives; bound into the ciphertext as additional data once encryption lands. */
export type SealContext = 'events' | 'cases' | 'caseStates' | 'journal' | 'blobs' | 'meta';

export type Codec = {
  readonly name: string;
  seal(ctx: SealContext, value: unknown): Promise<Sealed>;
  open(ctx: SealContext, sealed: Sealed): Promise<unknown>;
  sealBytes(ctx: SealContext, bytes: Uint8Array): Promise<Uint8Array>;
  openBytes(ctx: SealContext, bytes: Uint8Array): Promise<Uint8Array>;
  /** A search token for a personal term (name, ID tail, phone); a keyed hash once encryption lands. */
  index(term: string): Promise<string>;
};

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
};
