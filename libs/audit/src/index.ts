export * from './audit-log';
export * from './audit-log.migration';
export * from './audit-trail';
export * from './audit-linker';
