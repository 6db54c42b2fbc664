export * from './poll';
export * from './test-database';
export * from './system';
export * from './service-harness';
