/* Evidence packages in one import: incremental SHA-256, the manifest format and its verification. */
export * from './failures';
export * from './manifest';
export * from './sha256';
export * from './verify';
export type { PackageReader } from './verify-files';
