import { DynamicModule, Module } from '@nestjs/common';
import { ResidentLookupService, ServiceRuntimeModule } from '@accessdesk/platform';
import { GuardianBlockAuditTrailHandler } from './audit-trail/audit-trail.handler';
import { CompleteGuardianTaskHandler } from './complete-guardian-task/complete-guardian-task.handler';
import { DecisionAuthorityService } from './decision-authority/decision-authority.service';
import { GetGuardianBlockHandler } from './get-guardian-block/get-guardian-block.handler';
import { GuardianBlockConfig } from './guardian-block.config';
import { GuardianBlockEntity, GuardianBlockTimelineEntity, GuardianTaskEntity, GuardianUnblockEntity } from './guardian-blocks/guardian-block.entity';
import { GuardianBlockStore } from './guardian-blocks/guardian-block-store';
import { GuardianStatusHandler } from './guardian-status/guardian-status.handler';
import { GuardianBlocks1732300000400 } from './migrations/1732300000400-guardian-blocks';
import { GuardianBlockRoutines1732300000410 } from './migrations/1732300000410-guardian-block-routines';
import { OnActionCompletedHandler } from './on-action-completed/on-action-completed.handler';
import { OnConfirmationSentHandler } from './on-confirmation-sent/on-confirmation-sent.handler';
import { OnLinkedLockOpenedHandler } from './on-linked-lock-opened/on-linked-lock-opened.handler';
import { OnWorkItemResolvedHandler } from './on-work-item-resolved/on-work-item-resolved.handler';
import { SubmitGuardianBlockHandler } from './submit-guardian-block/submit-guardian-block.handler';
import { UnblockGuardianHandler } from './unblock-guardian/unblock-guardian.handler';

/** The contact centres' guardian-block cases (R18–R20): block, unblock, follow-up tasks, audit trail (R23). */
@Module({})
export class AppModule {
  static forRoot(config: GuardianBlockConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'guardian-block',
          auditTrail: true,
          config,
          entities: [GuardianBlockEntity, GuardianBlockTimelineEntity, GuardianTaskEntity, GuardianUnblockEntity],
          migrations: [GuardianBlocks1732300000400, GuardianBlockRoutines1732300000410],
        }),
      ],
      // Requests on guardian-block.rpc, events on guardian-block.events.
      controllers: [
        SubmitGuardianBlockHandler,
        GetGuardianBlockHandler,
        UnblockGuardianHandler,
        CompleteGuardianTaskHandler,
        GuardianStatusHandler,
        GuardianBlockAuditTrailHandler,
        OnActionCompletedHandler,
        OnLinkedLockOpenedHandler,
        OnConfirmationSentHandler,
        OnWorkItemResolvedHandler,
      ],
      providers: [{ provide: GuardianBlockConfig, useValue: config }, GuardianBlockStore, ResidentLookupService, DecisionAuthorityService],
    };
  }
}
