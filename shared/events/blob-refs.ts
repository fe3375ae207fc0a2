/*
 * The files an event names by SHA-256, whose bytes travel as blobs beside the event: evidence
 * originals, issued documents, and the signature and seal images of a signed agreement or transcript.
 * The laptop queues these for upload after the hub accepts the event, and the hub lets a user fetch a
 * blob only when an event it accepted names it, so both sides must read the same list: this one.
 */
import type { CaseEvent } from './envelope';
import type { Signature } from './payload-common';

/** One file an event names; `size` when the event says it (evidence, documents), else null. */
export type BlobRef = { readonly sha256: string; readonly label: string; readonly size: number | null };

const signatureRefs = (signatures: readonly Signature[]): BlobRef[] =>
  signatures.flatMap((s) =>
    s.imageSha256 === undefined ? [] : [{ sha256: s.imageSha256, label: `签名：${s.signer}`, size: null }],
  );

function refsOf(e: CaseEvent): BlobRef[] {
  if (e.type === 'evidence.added')
    return [{ sha256: e.payload.sha256, label: e.payload.fileName, size: e.payload.size }];
  if (e.type === 'document.issued')
    return [{ sha256: e.payload.sha256, label: e.payload.title, size: e.payload.size }];
  if (e.type === 'transcript.signed') return signatureRefs(e.payload.signatures);
  if (e.type !== 'agreement.signed') return [];
  const seal = e.payload.sealImageSha256;
  return [
    ...signatureRefs(e.payload.signatures),
    ...(seal === undefined ? [] : [{ sha256: seal, label: '印章', size: null }]),
  ];
}

/** Every file the event names, once each (two signers may leave the same mark image). */
export function blobRefsOf(e: CaseEvent): BlobRef[] {
  const seen = new Set<string>();
  return refsOf(e).filter((r) => !seen.has(r.sha256) && seen.add(r.sha256));
}
