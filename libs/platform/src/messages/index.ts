export * from './roles.guard';
export * from './message-context';
export * from './message-handlers.decorator';
export * from './message-metrics.interceptor';
export * from './message-patterns';
export * from './message.filter';
export * from './messaging.transport';
export * from './problem.exception';
