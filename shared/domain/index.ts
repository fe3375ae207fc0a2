/* The domain vocabulary (closed lists) in one import. */
export * from './case-kinds';
export * from './claim-items';
export * from './closure-types';
export * from './organisation';
export * from './sessions';
