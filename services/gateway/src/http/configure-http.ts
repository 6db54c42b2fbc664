import type { NestExpressApplication } from '@nestjs/platform-express';
import { setUpOpenApi } from '../openapi/openapi';
import { strictValidationPipe } from '../problems/validation';
import { GatewayConfig } from '../gateway.config';

/** Body limits, validation and OpenAPI: everything between the socket and a controller. */
export function configureHttp(app: NestExpressApplication, config: GatewayConfig): void {
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.useGlobalPipes(strictValidationPipe());
  setUpOpenApi(app);
}
