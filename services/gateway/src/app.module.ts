import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier.service';
import { loadAuthConfig } from './auth/trusted-issuers';
import { AuditController } from './audit/audit.controller';
import { CasesController } from './cases/cases.controller';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { GuardianBlocksController } from './guardian-blocks/guardian-blocks.controller';
import { RateLimiter } from './http/rate-limiter';
import { ResidentsController } from './residents/residents.controller';
import { ReviewsController } from './reviews/reviews.controller';
import { WorkItemsController } from './work-items/work-items.controller';
import { GatewayConfig } from './gateway.config';
import { AskService } from './http/ask.service';
import { HttpMetricsMiddleware } from './http/http-metrics.middleware';
import { ProblemFilter } from './problems/problem.filter';

/** Every controller of the HTTP API; the OpenAPI document describes exactly these. */
export const GATEWAY_CONTROLLERS = [CasesController, GuardianBlocksController, ResidentsController, WorkItemsController, ReviewsController, AuditController, DeadLettersController];

/** The HTTP API for people: authentication, validation, OpenAPI. Owns no case data. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const auth = loadAuthConfig(config.AUTH_CONFIG_FILE);
    return {
      module: AppModule,
      imports: [ServiceRuntimeModule.forRoot({ service: 'gateway', config, rpcTimeoutMs: config.RPC_TIMEOUT_MS, readinessDatabaseUrl: config.DATABASE_URL })],
      controllers: GATEWAY_CONTROLLERS,
      providers: [
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(auth) },
        AuthGuard,
        { provide: RateLimiter, useFactory: () => new RateLimiter(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST) },
        AskService,
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
