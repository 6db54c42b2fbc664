export * from './bootstrap';
export * from './config';
export * from './health.controller';
export * from './logger';
export * from './metrics.controller';
export * from './service-runtime.module';
export * from './iso-duration';
