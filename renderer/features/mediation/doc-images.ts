/*
 * The signature and seal images a document shows, read from this device's blob store as data URLs
 * (the CSP allows `data:` images; nothing is fetched). An image not stored here (signed on another
 * laptop and not downloaded) is simply left out: the line still says 已签名.
 */
import type { DocImages, DocumentModel } from '#shared/documents/model';
import { isImageDataUrl } from '#shared/documents/model';

/** The SHA-256 of every image the document can embed. */
export const imageHashes = (doc: DocumentModel): string[] =>
  [...doc.signers.map((s) => s.imageSha256), doc.sealImageSha256].filter((h): h is string => h !== undefined);

export type LoadImage = (sha256: string) => Promise<string | null>;

export async function docImages(doc: DocumentModel, load: LoadImage): Promise<DocImages> {
  const out = new Map<string, string>();
  for (const sha of new Set(imageHashes(doc))) {
    const url = await load(sha);
    if (url !== null && isImageDataUrl(url)) out.set(sha, url);
  }
  return out;
}

/** A Blob as a data URL. */
export const blobToDataUrl = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(new Error('read failed'));
    };
    reader.readAsDataURL(blob);
  });
