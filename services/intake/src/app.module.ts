import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { CaseEntity, TimelineEntryEntity } from './domain/case/case.entity';
import { GetCaseService } from './get-case/get-case.service';
import { IntakeConfig } from './intake.config';
import { IntakeHandlers } from './intake.handlers';
import { Cases1732300000100 } from './migrations/1732300000100-cases';
import { AuditTrailService } from './audit/audit-trail.service';
import { CaseLifecycle } from './domain/case/case-lifecycle.service';
import { CaseRepository } from './domain/case/case.repository';
import { OnActionCompletedService } from './on-action-completed/on-action-completed.service';
import { OnCaseCheckedService } from './on-case-checked/on-case-checked.service';
import { OnCaseFollowedUpService } from './on-case-followed-up/on-case-followed-up.service';
import { SubmitCaseService } from './submit-case/submit-case.service';
import { ResidentLookupService } from '@accessdesk/platform';
import { CaseRegistration } from './domain/registration/case-registration.service';
import { CaseCommandsService } from './case-commands/case-commands.service';
import { Routines1732300000800 } from './migrations/1732300000800-routines';
import { LockedByRegion1732300000810 } from './migrations/1732300000810-locked-by-region';
import { ProtectedIdentityAndRegistry1732300000840 } from './migrations/1732300000840-protected-identity-and-registry';
import { OnChildLockRequestedService } from './on-child-lock-requested/on-child-lock-requested.service';
import { OnPaperworkOverdueService } from './on-paperwork-overdue/on-paperwork-overdue.service';
import { ResidentStatusService } from './resident-status/resident-status.service';
import { DeadLettersService } from './dead-letters/dead-letters.service';
import { DecideReviewService } from './reviews/decide-review.service';
import { WorkItemEntity } from './domain/work-items/work-item.entity';
import { WorkItemInbox } from './domain/work-items/work-item-inbox.service';
import { WorkItemsService } from './work-items/work-items.service';
import { OnEmergencyCallCheckedService } from './on-emergency-call-checked/on-emergency-call-checked.service';
import { EmergencyPaperwork } from './domain/paperwork/emergency-paperwork.service';

@Module({})
export class AppModule {
  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'intake',
          auditTrail: true,
          config,
          entities: [CaseEntity, TimelineEntryEntity, WorkItemEntity],
          migrations: [Cases1732300000100, Routines1732300000800, LockedByRegion1732300000810, ProtectedIdentityAndRegistry1732300000840],
        }),
      ],
      providers: [
        { provide: IntakeConfig, useValue: config },
        CaseRepository,
        CaseLifecycle,
        CaseRegistration,
        WorkItemInbox,
        EmergencyPaperwork,
        AuditTrailService,
        SubmitCaseService,
        ResidentLookupService,
        GetCaseService,
        CaseCommandsService,
        WorkItemsService,
        DecideReviewService,
        OnPaperworkOverdueService,
        OnChildLockRequestedService,
        ResidentStatusService,
        DeadLettersService,
        OnCaseCheckedService,
        OnEmergencyCallCheckedService,
        OnActionCompletedService,
        OnCaseFollowedUpService,
        IntakeHandlers,
      ],
    };
  }
}
