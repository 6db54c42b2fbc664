import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { LogLevelName } from './config';
import { redactIdentityNumbers } from '@accessdesk/contracts';

const LEVELS: LogLevelName[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/**
 * One JSON object per line, tagged with the service. Log lines name case ids and message ids, never
 * a personal identity number; `redactIdentityNumbers` is the safety net for text that reached a log
 * line by way of a library's error message.
 */
export class ServiceLogger extends ConsoleLogger {
  constructor(
    private readonly service: string,
    level: LogLevelName,
  ) {
    super(service, { json: true, colors: false, logLevels: LEVELS.slice(0, LEVELS.indexOf(level) + 1) as LogLevel[] });
  }

  protected override printAsJson(
    message: unknown,
    options: { context: string; logLevel: LogLevel; writeStreamType?: 'stdout' | 'stderr'; errorStack?: unknown },
  ): void {
    const record = { ...this.getJsonLogObject(message, options), service: this.service };
    process[options.writeStreamType ?? 'stdout'].write(`${redactIdentityNumbers(JSON.stringify(record))}\n`);
  }
}

export { redactIdentityNumbers };
