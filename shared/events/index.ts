/* The event library in one import: envelope, payloads, parsing, canonical hash, signatures, HLC. */
export * from './canonical';
export * from './envelope';
export * from './hlc';
export * from './parse';
export * from './payloads';
export * from './signing';
export * from './verify';
