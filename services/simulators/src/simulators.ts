import { ConsoleLogger, INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AddressInfo } from 'node:net';
import { Fixtures, defaultFixturesPath, loadFixtures, validateFixtures } from './fixtures/fixtures';
import { ProblemFilter } from './http/problem.filter';
import { DevOidcOptions } from './oidc/dev-oidc.config';
import { mountDevOidcProvider } from './oidc/dev-oidc-provider';
import { createValidationPipe } from './http/validation';
import { SimulatorsModule } from './simulators.module';
import { RunningSmtpSink, startSmtpSink } from './smtp-sink/smtp-sink.server';
import { SmtpSinkService } from './smtp-sink/smtp-sink.service';
import { StaffToolKnobs } from './staff-tool/staff-tool.service';

export interface SimulatorsOptions {
  /** 0 picks a free port. */
  httpPort: number;
  /** 0 picks a free port. */
  smtpPort: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A fixtures file; default services/simulators/fixtures/default.json. */
  fixturesPath?: string;
  /** Fixtures given in-process; wins over fixturesPath. Validated like a file. */
  fixtures?: Fixtures;
  /** The staff tool's knobs at start (and until PUT /staff-tool/knobs or a reset). */
  staffToolKnobs?: Partial<StaffToolKnobs>;
  /** How many e-mails the SMTP sink keeps, newest last; default 1000. */
  smtpKeep?: number;
  /** Nest's log levels, as JSON lines; default error and warn. */
  logLevels?: LogLevel[];
  /** The development OpenID provider (issuer path under this server); off when absent. */
  oidc?: DevOidcOptions | null;
}

export interface RunningSimulators {
  httpUrl: string;
  smtpPort: number;
  close(): Promise<void>;
}

const DEFAULT_HOST = '127.0.0.1';

/** Starts the HTTP simulators and the SMTP sink; rejects with a FixturesError for bad fixtures. */
export async function startSimulators(options: SimulatorsOptions): Promise<RunningSimulators> {
  const host = options.host ?? DEFAULT_HOST;
  const fixtures = options.fixtures
    ? validateFixtures(options.fixtures, 'the fixtures option')
    : loadFixtures(options.fixturesPath ?? defaultFixturesPath());

  const app = await NestFactory.create(SimulatorsModule.forRoot(fixtures, { knobs: options.staffToolKnobs }, options.smtpKeep), {
    logger: new ConsoleLogger({ json: true, logLevels: options.logLevels ?? ['error', 'warn'] }),
    abortOnError: false,
  });
  // Before Nest's body parsers and routes (registered when the app initialises in listen).
  if (options.oidc) await mountDevOidcProvider(app.getHttpAdapter().getInstance(), options.oidc, fixtures.staff);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());

  let smtp: RunningSmtpSink | undefined;
  try {
    await app.listen(options.httpPort, host);
    smtp = await startSmtpSink({ port: options.smtpPort, host, sink: app.get(SmtpSinkService) });
  } catch (error) {
    await app.close();
    throw error;
  }
  const sink = smtp;
  return {
    httpUrl: httpUrl(app, host),
    smtpPort: sink.port,
    close: async () => {
      await Promise.all([sink.close(), app.close()]);
    },
  };
}

function httpUrl(app: INestApplication, host: string): string {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
