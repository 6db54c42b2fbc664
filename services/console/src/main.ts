import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { ServiceLogger, loadConfig, runMain } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { ConsoleConfig, assertProductionReady } from './console.config';
import { errorPage } from './pages/errors/error.view';
import { csrfMiddleware, sessionMiddleware } from './session/session.middleware';
import { OidcClientService } from './auth/oidc-client.service';
import { SessionStore } from './session/session.store';

/** The stylesheet and scripts: services/console/public, from src/ (ts) or from dist/. */
function publicDir(): string {
  const candidates = [resolve(__dirname, '../public'), resolve(__dirname, '../../../../services/console/public')];
  return candidates.find((dir) => existsSync(dir)) ?? (candidates[0] as string);
}

runMain('console', async () => {
  const config = loadConfig(ConsoleConfig, process.env);
  assertProductionReady(config);
  const logger = new ServiceLogger('console', config.LOG_LEVEL);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger, bodyParser: false, abortOnError: false });
  app.enableShutdownHooks();
  app.disable('x-powered-by');

  // Only our own files; no inline script or style; never framed; forms post to the console, and a
  // sign-out form's redirect may go on to the provider's logout page (Chromium checks form-action on it).
  const https = config.CONSOLE_PUBLIC_URL.startsWith('https:');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'", new URL(config.OIDC_ISSUER).origin],
        },
      },
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
    }),
  );
  // Pages carry personal data: never cached.
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.useStaticAssets(publicDir(), { prefix: '/assets/', index: false, maxAge: '5m' });
  app.useBodyParser('urlencoded', { extended: false, limit: '64kb', parameterLimit: 200 });
  const oidc = app.get(OidcClientService);
  app.use(sessionMiddleware(app.get(SessionStore), config, (refreshToken, sub) => oidc.refresh(refreshToken, sub)));
  app.use(csrfMiddleware());
  await app.init();
  // What fails before a controller (the database under the session lookup, a body too large): a page, never a stack trace.
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = typeof (err as { status?: unknown })?.status === 'number' && (err as { status: number }).status < 500 ? (err as { status: number }).status : 500;
    if (status === 500) logger.error(`request failed before a page: ${err instanceof Error ? err.name : typeof err}`, undefined, 'Console');
    res
      .status(status)
      .type('html')
      .send(errorPage({ status, title: status === 413 ? 'För mycket data' : 'Något gick fel', message: 'Begäran kunde inte tas emot. Försök igen om en stund.' }).value);
  });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.log(`console listening on ${config.HTTP_HOST}:${config.HTTP_PORT}`, 'Console');
});
