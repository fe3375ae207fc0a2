/*
 * The evidence package manifest (manifest.json): what a case's evidence export claims, in a form anyone
 * can check with the published algorithms of shared/events. The header binds case, export time, the
 * exact event ids and the exact files; its hash is signed by the exporting device. See README.md.
 */
import { z } from 'zod';
import { canonicalJson } from '#shared/events/canonical';
import type { CaseEvent } from '#shared/events/envelope';
import { sha256Hex, signHash } from '#shared/events/signing';

export const MANIFEST_FORMAT = 'backpack-tribunal/evidence-package' as const;
export const MANIFEST_VERSION = 1 as const;
export const MANIFEST_FILE = 'manifest.json';
/** Files a package holds besides the evidence files themselves. */
export const PACKAGE_SIDE_FILES = [MANIFEST_FILE, '证据清单.html', 'README.txt'] as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256');
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
/** A file inside the package: files/<one safe name>; no traversal, no absolute or Windows paths. */
const UNSAFE_CHARS = /[/\\:*?"<>|]/g;
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20 || s.charCodeAt(i) === 0x7f) return true;
  return false;
}
const replaceControls = (s: string): string =>
  Array.from({ length: s.length }, (_, i) => (hasControl(s.charAt(i)) ? '_' : s.charAt(i))).join('');
/** True for files/<one safe name> (what the exporter writes): no traversal, separators or controls. */
export const isPackagePath = (p: string): boolean => {
  const name = p.slice('files/'.length);
  return (
    p.startsWith('files/') &&
    name.length > 0 &&
    name.length <= 200 &&
    !name.includes('..') &&
    !hasControl(name) &&
    name.replace(UNSAFE_CHARS, '') === name
  );
};
const packagePath = z.string().refine(isPackagePath, 'must be files/<name> without separators or ..');

/** One evidence file in the package. */
export const manifestFileSchema = z.strictObject({
  evidenceId: uuid,
  path: packagePath,
  sha256: hex64,
  size: z.number().int().min(0),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

/** What the exporter signs: changing any of it breaks headerHash and headerSig. */
export const manifestHeaderSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(MANIFEST_VERSION),
  appVersion: z.string().max(40),
  caseId: uuid,
  caseNumber: z.string().max(100),
  exportedAt: z.iso.datetime(),
  /** HLC stamp of the exporter's clock at export: every included event must be at or before it. */
  exportedHlc: z.string().max(80),
  exportedBy: z.strictObject({ userId: z.string().max(40), deviceId: z.string().max(40) }),
  /** Every evidence.added / .retracted / .acknowledged event of the case known at export, sorted. */
  eventIds: z.array(uuid).max(100_000),
  files: z.array(manifestFileSchema).max(100_000),
});
export type ManifestHeader = z.infer<typeof manifestHeaderSchema>;

export const manifestSchema = z.strictObject({
  header: manifestHeaderSchema,
  /** SHA-256 (hex) of canonicalJson(header). */
  headerHash: hex64,
  /** Ed25519 signature (base64url) over the 32 bytes of headerHash, by header.exportedBy.deviceId. */
  headerSig: z.string().regex(/^[A-Za-z0-9_-]+$/),
  /** The events verbatim (validated by parseCaseEvent when verifying, not here). */
  events: z.array(z.unknown()).max(100_000),
  /** Public keys (JWK) of every device that wrote an included event, and of the exporter. */
  keys: z.record(z.string().max(40), z.record(z.string(), z.unknown())),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const isEvidenceEvent = (e: CaseEvent): boolean =>
  e.type === 'evidence.added' || e.type === 'evidence.retracted' || e.type === 'evidence.acknowledged';

/** SHA-256 hex of a header's canonical JSON. */
export const hashHeader = (h: ManifestHeader): Promise<string> => sha256Hex(canonicalJson(h));

/** A file name safe on every OS and inside a zip: keeps letters (incl. Chinese), digits, . _ - */
export function safeFileName(name: string): string {
  const cleaned = replaceControls(name.normalize('NFC'))
    .replace(UNSAFE_CHARS, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.+/, '')
    .slice(-120);
  return cleaned === '' ? 'file' : cleaned;
}

/** Path of an evidence file in the package: a running number keeps the inventory order visible. */
export const packagePathFor = (index: number, fileName: string): string =>
  `files/${String(index + 1).padStart(3, '0')}-${safeFileName(fileName)}`;

export type BuildManifestInput = {
  header: Omit<ManifestHeader, 'format' | 'formatVersion' | 'eventIds'>;
  events: readonly CaseEvent[];
  keys: Readonly<Record<string, JsonWebKey>>;
  privateKey: CryptoKey;
};

/** Builds and signs a manifest (the exporter's side). Events are kept verbatim. */
export async function buildManifest(input: BuildManifestInput): Promise<Manifest> {
  const header: ManifestHeader = {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_VERSION,
    ...input.header,
    eventIds: input.events.map((e) => e.id).sort(),
  };
  const headerHash = await hashHeader(header);
  return {
    header,
    headerHash,
    headerSig: await signHash(input.privateKey, headerHash),
    events: [...input.events],
    keys: { ...input.keys },
  };
}
