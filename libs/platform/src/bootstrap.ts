import { DynamicModule, INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError } from './config';
import { listenForMessages } from './messages/messaging.transport';

export interface ListenOptions {
  host: string;
  port: number;
  logger: LoggerService;
  /** Applied before listening (the gateway's pipes, filters, OpenAPI). */
  configure?: (app: INestApplication) => void | Promise<void>;
}

export async function createServiceApp(module: DynamicModule, options: ListenOptions): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger: options.logger, abortOnError: false });
  app.enableShutdownHooks();
  await listenForMessages(app);
  await options.configure?.(app);
  await app.listen(options.port, options.host);
  return app;
}

/**
 * Entry point of a service: a configuration error or a failed start ends the process with a clear
 * message on stderr and exit code 1, never a half-started service.
 */
export function runMain(service: string, start: () => Promise<unknown>): void {
  start().catch((err: unknown) => {
    const text = err instanceof ConfigError ? err.message : err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    process.stderr.write(`${JSON.stringify({ level: 'fatal', service, message: `could not start: ${text}` })}\n`);
    process.exit(1);
  });
}
