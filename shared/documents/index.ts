/* shared/documents: pure builders of the official documents and the mediation gates (issue #6). */
export * from './model';
export * from './labels';
export * from './party-view';
export * from './five-heart';
export * from './agreement';
export * from './templates';
export * from './transcript';
export * from './signing';
export * from './performance';
export * from './notices';
export * from './performance-record';
