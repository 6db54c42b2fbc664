import { DynamicModule, Module } from '@nestjs/common';
import { ResidentLookupService, ServiceRuntimeModule } from '@accessdesk/platform';
import { IntakeAuditTrailHandler } from './audit-trail/audit-trail.handler';
import { CompleteCaseHandler } from './complete-case/complete-case.handler';
import { CompleteWorkItemHandler } from './complete-work-item/complete-work-item.handler';
import { DeadLettersHandler } from './dead-letters/dead-letters.handler';
import { DecideReviewHandler } from './decide-review/decide-review.handler';
import { CaseEntity, TimelineEntryEntity } from './domain/case/case.entity';
import { CaseCommand } from './domain/case/case-command.service';
import { CaseLifecycle } from './domain/case/case-lifecycle.service';
import { CaseRepository } from './domain/case/case.repository';
import { EmergencyPaperwork } from './domain/paperwork/emergency-paperwork.service';
import { CaseRegistration } from './domain/registration/case-registration.service';
import { WorkItemEntity } from './domain/work-items/work-item.entity';
import { WorkItemInbox } from './domain/work-items/work-item-inbox.service';
import { GetCaseHandler } from './get-case/get-case.handler';
import { IntakeConfig } from './intake.config';
import { ListCasesHandler } from './list-cases/list-cases.handler';
import { ListWorkItemsHandler } from './list-work-items/list-work-items.handler';
import { Cases1732300000100 } from './migrations/1732300000100-cases';
import { Routines1732300000800 } from './migrations/1732300000800-routines';
import { LockedByRegion1732300000810 } from './migrations/1732300000810-locked-by-region';
import { ProtectedIdentityAndRegistry1732300000840 } from './migrations/1732300000840-protected-identity-and-registry';
import { CaseLists1732300000850 } from './migrations/1732300000850-case-lists';
import { OnActionCompletedHandler } from './on-action-completed/on-action-completed.handler';
import { OnCaseCheckedHandler } from './on-case-checked/on-case-checked.handler';
import { OnChildLockRequestedHandler } from './on-child-lock-requested/on-child-lock-requested.handler';
import { OnEmergencyCallCheckedHandler } from './on-emergency-call-checked/on-emergency-call-checked.handler';
import { OnFeedbackSentHandler } from './on-feedback-sent/on-feedback-sent.handler';
import { OnManualActionOpenedHandler } from './on-manual-action-opened/on-manual-action-opened.handler';
import { OnPaperworkOverdueHandler } from './on-paperwork-overdue/on-paperwork-overdue.handler';
import { OnReviewDueHandler } from './on-review-due/on-review-due.handler';
import { OnReviewScheduledHandler } from './on-review-scheduled/on-review-scheduled.handler';
import { RecordPaperworkHandler } from './record-paperwork/record-paperwork.handler';
import { RecordRegistryReferenceHandler } from './record-registry-reference/record-registry-reference.handler';
import { RecordVerificationHandler } from './record-verification/record-verification.handler';
import { ResidentStatusHandler } from './resident-status/resident-status.handler';
import { SubmitCaseHandler } from './submit-case/submit-case.handler';
import { VoidCaseHandler } from './void-case/void-case.handler';

/**
 * The case register and process manager for login locks and journal seals (R1–R17, R21–R22): one
 * handler class per use case, the domain they share (domain/) as providers, and intake's audit
 * trail (R23).
 */
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
          migrations: [Cases1732300000100, Routines1732300000800, LockedByRegion1732300000810, ProtectedIdentityAndRegistry1732300000840, CaseLists1732300000850],
        }),
      ],
      // Requests on intake.rpc, events on intake.events (one handler for each event type).
      controllers: [
        SubmitCaseHandler,
        GetCaseHandler,
        ListCasesHandler,
        CompleteCaseHandler,
        RecordVerificationHandler,
        RecordPaperworkHandler,
        VoidCaseHandler,
        RecordRegistryReferenceHandler,
        ListWorkItemsHandler,
        CompleteWorkItemHandler,
        DecideReviewHandler,
        ResidentStatusHandler,
        IntakeAuditTrailHandler,
        DeadLettersHandler,
        OnCaseCheckedHandler,
        OnEmergencyCallCheckedHandler,
        OnActionCompletedHandler,
        OnManualActionOpenedHandler,
        OnFeedbackSentHandler,
        OnReviewScheduledHandler,
        OnReviewDueHandler,
        OnPaperworkOverdueHandler,
        OnChildLockRequestedHandler,
      ],
      providers: [
        { provide: IntakeConfig, useValue: config },
        CaseRepository,
        CaseLifecycle,
        CaseCommand,
        CaseRegistration,
        WorkItemInbox,
        EmergencyPaperwork,
        ResidentLookupService,
      ],
    };
  }
}
