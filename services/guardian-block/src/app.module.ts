import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { CompleteGuardianTaskService } from './complete-guardian-task/complete-guardian-task.service';
import { GetGuardianBlockService } from './get-guardian-block/get-guardian-block.service';
import { GuardianBlockConfig } from './guardian-block.config';
import { GuardianBlockHandlers } from './guardian-block.handlers';
import { GuardianBlockEntity, GuardianBlockTimelineEntity, GuardianTaskEntity, GuardianUnblockEntity } from './guardian-blocks/guardian-block.entity';
import { GuardianBlockStore } from './guardian-blocks/guardian-block-store';
import { GuardianStatusService } from './guardian-status/guardian-status.service';
import { GuardianBlocks1732300000400 } from './migrations/1732300000400-guardian-blocks';
import { GuardianBlockRoutines1732300000410 } from './migrations/1732300000410-guardian-block-routines';
import { OnActionCompletedService } from './on-action-completed/on-action-completed.service';
import { OnConfirmationSentService } from './on-confirmation-sent/on-confirmation-sent.service';
import { AuditTrailService } from './audit-trail/audit-trail.service';
import { OnWorkItemResolvedService } from './on-work-item-resolved/on-work-item-resolved.service';
import { OnLinkedLockOpenedService } from './on-linked-lock-opened/on-linked-lock-opened.service';
import { ResidentLookupService } from '@accessdesk/platform';
import { DecisionAuthorityService } from './staff-directory/decision-authority.service';
import { SubmitGuardianBlockService } from './submit-guardian-block/submit-guardian-block.service';
import { UnblockGuardianService } from './unblock-guardian/unblock-guardian.service';

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
      providers: [
        { provide: GuardianBlockConfig, useValue: config },
        GuardianBlockStore,
        ResidentLookupService,
        DecisionAuthorityService,
        SubmitGuardianBlockService,
        GetGuardianBlockService,
        UnblockGuardianService,
        CompleteGuardianTaskService,
        GuardianStatusService,
        OnActionCompletedService,
        OnLinkedLockOpenedService,
        OnConfirmationSentService,
        OnWorkItemResolvedService,
        AuditTrailService,
        GuardianBlockHandlers,
      ],
    };
  }
}
