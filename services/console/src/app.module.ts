import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { createServiceDataSource, databaseAnswers, initializeAndMigrate } from '@accessdesk/persistence';
import { HealthController, READINESS_CHECKS, ReadinessCheck } from '@accessdesk/platform';
import { AuthController } from './auth/auth.controller';
import { OidcClientService } from './auth/oidc-client.service';
import { ConsoleConfig } from './console.config';
import { GatewayClient } from './gateway/gateway.client';
import { Sessions1733100000000 } from './migrations/1733100000000-sessions';
import { CaseController } from './pages/case/case.controller';
import { PageErrorFilter } from './pages/errors/page-error.filter';
import { HomeController } from './pages/home/home.controller';
import { NewLockController } from './pages/new-lock/new-lock.controller';
import { PageAccessGuard } from './pages/page-access';
import { AuditChainController } from './pages/audit-chain/audit-chain.controller';
import { AuditSearchController } from './pages/audit-search/audit-search.controller';
import { DeadLettersController } from './pages/dead-letters/dead-letters.controller';
import { NewSealController } from './pages/new-seal/new-seal.controller';
import { NewUnlockController } from './pages/new-unlock/new-unlock.controller';
import { ReviewsController } from './pages/reviews/reviews.controller';
import { UnitCasesController } from './pages/unit-cases/unit-cases.controller';
import { ContactCentreController } from './pages/contact-centre/contact-centre.controller';
import { GuardianBlockController } from './pages/guardian-block/guardian-block.controller';
import { NewGuardianBlockController } from './pages/guardian-block/new-guardian-block.controller';
import { GuardianBlockRequestController } from './pages/guardian-block-request/guardian-block-request.controller';
import { SessionStore } from './session/session.store';
import { CaseDeskController } from './pages/case-desk/case-desk.controller';
import { CaseSearchController } from './pages/case-search/case-search.controller';
import { DeskInboxController } from './pages/desk-inbox/desk-inbox.controller';
import { ResidentStatusController } from './pages/resident-status/resident-status.controller';

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The console: a backend-for-frontend. It owns only its sessions (schema `console`); everything else
 * it reads and writes through the gateway's API with the signed-in person's token. No broker.
 */
@Module({})
export class AppModule {
  static forRoot(config: ConsoleConfig): DynamicModule {
    return {
      module: AppModule,
      // A page is a controller here (see /work/notes/console.md "Adding a page").
      // Fixed paths under /vardnadshavare (blockera, ny-blockering) before the block page's /:id.
      controllers: [HealthController, AuthController, HomeController, NewLockController, CaseController, AuditSearchController, AuditChainController, DeadLettersController, NewUnlockController, NewSealController, UnitCasesController, ReviewsController, ContactCentreController, GuardianBlockRequestController, NewGuardianBlockController, GuardianBlockController, DeskInboxController, CaseDeskController, ResidentStatusController, CaseSearchController],
      providers: [
        { provide: ConsoleConfig, useValue: config },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createServiceDataSource({
              url: config.DATABASE_URL,
              schema: 'console',
              entities: [],
              migrations: [Sessions1733100000000],
              poolSize: 5,
              timeouts: { connectMs: config.DB_CONNECT_TIMEOUT_MS, statementMs: config.DB_STATEMENT_TIMEOUT_MS, idleInTransactionMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS },
            });
            await initializeAndMigrate(dataSource);
            return dataSource;
          },
        },
        {
          provide: READINESS_CHECKS,
          inject: [DataSource],
          useFactory: (dataSource: DataSource): ReadinessCheck[] => [{ name: 'database', check: () => databaseAnswers(dataSource) }],
        },
        DatabaseLifecycle,
        SessionStore,
        OidcClientService,
        GatewayClient,
        { provide: APP_GUARD, useClass: PageAccessGuard },
        { provide: APP_FILTER, useClass: PageErrorFilter },
      ],
    };
  }
}
