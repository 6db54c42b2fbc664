import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { withRequestBodySchemas } from './request-body-schemas';

/**
 * The OpenAPI document of the application's controllers: operations and answers from their
 * decorators and response classes, request bodies from the contracts' validation rules.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('accessdesk API')
    .setDescription('Requests to restrict a resident\'s digital access to 1177, for clinicians, service desks and contact centres. Errors are application/problem+json (RFC 9457).')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return withRequestBodySchemas(SwaggerModule.createDocument(app, config));
}

/** OpenAPI at `/docs` (UI) and `/docs-json`. */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
