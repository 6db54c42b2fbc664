export * from './poll';
export * from './test-database';
