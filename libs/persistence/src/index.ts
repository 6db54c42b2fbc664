export * from './data-source';
export * from './polling-worker';
export * from './schema';
export * from './claim-due';
export * from './backoff';
export * from './registry-counter';
export * from './idempotent-create';
export * from './keyset-cursor';
