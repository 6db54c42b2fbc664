import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { setUpOpenApi } from '../openapi/openapi';
import { strictValidationPipe } from '../problems/validation';
import { GatewayConfig } from '../gateway.config';

/** Headers, body limits, CORS, validation and OpenAPI: everything between the socket and a controller. */
export function configureHttp(app: NestExpressApplication, config: GatewayConfig): void {
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(helmet());
  // CORS stays closed (no CORS headers at all) unless origins are configured.
  const origins = config.CORS_ORIGINS.split(',').filter(Boolean);
  if (origins.length > 0) {
    app.enableCors({ origin: origins, methods: ['GET', 'POST', 'PATCH'], allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'], maxAge: 600 });
  }
  app.useBodyParser('json', { limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.useGlobalPipes(strictValidationPipe());
  setUpOpenApi(app);
}
