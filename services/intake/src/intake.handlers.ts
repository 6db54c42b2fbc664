import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ActionCompletedV1,
  CaseCheckedV1,
  ChildLockRequestedV1,
  CompleteCaseV1,
  CompleteWorkItemV1,
  DecideReviewV1,
  EmergencyCallCheckedV1,
  EmailSentV1,
  GetCaseV1,
  ListDeadLettersV1,
  ListWorkItemsV1,
  ManualActionOpenedV1,
  PaperworkOverdueV1,
  PurgeDeadLettersV1,
  QueryAuditV1,
  RecordPaperworkV1,
  RecordRegistryReferenceV1,
  RecordVerificationV1,
  ReplayDeadLettersV1,
  ResidentStatusV1,
  ReviewDueV1,
  ReviewScheduledV1,
  ShowDeadLetterV1,
  SubmitCaseV1,
  VerifyAuditV1,
  VoidCaseV1,
} from '@accessdesk/contracts';
import { Messaging, answer, on } from '@accessdesk/messaging';
import { AuditTrailService } from './audit/audit-trail.service';
import { CaseCommandsService } from './case-commands/case-commands.service';
import { DeadLettersService } from './dead-letters/dead-letters.service';
import { GetCaseService } from './get-case/get-case.service';
import { OnActionCompletedService } from './on-action-completed/on-action-completed.service';
import { OnCaseCheckedService } from './on-case-checked/on-case-checked.service';
import { OnEmergencyCallCheckedService } from './on-emergency-call-checked/on-emergency-call-checked.service';
import { OnCaseFollowedUpService } from './on-case-followed-up/on-case-followed-up.service';
import { OnChildLockRequestedService } from './on-child-lock-requested/on-child-lock-requested.service';
import { OnPaperworkOverdueService } from './on-paperwork-overdue/on-paperwork-overdue.service';
import { ResidentStatusService } from './resident-status/resident-status.service';
import { DecideReviewService } from './reviews/decide-review.service';
import { SubmitCaseService } from './submit-case/submit-case.service';
import { WorkItemsService } from './work-items/work-items.service';

/** Thin adapters from the queues to the use cases: requests on `intake.rpc`, events on `intake.events`. */
@Injectable()
export class IntakeHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly submitCase: SubmitCaseService,
    private readonly getCase: GetCaseService,
    private readonly commands: CaseCommandsService,
    private readonly caseChecked: OnCaseCheckedService,
    private readonly emergencyCallChecked: OnEmergencyCallCheckedService,
    private readonly actionCompleted: OnActionCompletedService,
    private readonly followedUp: OnCaseFollowedUpService,
    private readonly auditTrail: AuditTrailService,
    private readonly workItems: WorkItemsService,
    private readonly reviews: DecideReviewService,
    private readonly paperworkOverdue: OnPaperworkOverdueService,
    private readonly childLock: OnChildLockRequestedService,
    private readonly residentStatus: ResidentStatusService,
    private readonly deadLetters: DeadLettersService,
  ) {}

  onModuleInit(): void {
    this.messaging.serve([
      answer(SubmitCaseV1, (envelope) => this.submitCase.submit(envelope)),
      answer(GetCaseV1, (envelope) => this.getCase.get(envelope)),
      answer(CompleteCaseV1, (envelope) => this.commands.complete(envelope)),
      answer(RecordVerificationV1, (envelope) => this.commands.verify(envelope)),
      answer(RecordPaperworkV1, (envelope) => this.commands.paperwork(envelope)),
      answer(VoidCaseV1, (envelope) => this.commands.void(envelope)),
      answer(RecordRegistryReferenceV1, (envelope) => this.commands.registryReference(envelope)),
      answer(ListWorkItemsV1, (envelope) => this.workItems.list(envelope)),
      answer(CompleteWorkItemV1, (envelope) => this.workItems.complete(envelope)),
      answer(DecideReviewV1, (envelope) => this.reviews.decide(envelope)),
      answer(ResidentStatusV1, (envelope) => this.residentStatus.status(envelope)),
      answer(QueryAuditV1, (envelope) => this.auditTrail.query(envelope)),
      answer(VerifyAuditV1, (envelope) => this.auditTrail.verify(envelope)),
      answer(ListDeadLettersV1, (envelope) => this.deadLetters.list(envelope)),
      answer(ShowDeadLetterV1, (envelope) => this.deadLetters.show(envelope)),
      answer(ReplayDeadLettersV1, (envelope) => this.deadLetters.replay(envelope)),
      answer(PurgeDeadLettersV1, (envelope) => this.deadLetters.purge(envelope)),
    ]);
    this.messaging.subscribe('events', [
      on(CaseCheckedV1, (envelope, payload, manager) => this.caseChecked.handle(envelope, payload, manager)),
      on(EmergencyCallCheckedV1, (envelope, payload, manager) => this.emergencyCallChecked.handle(envelope, payload, manager)),
      on(ActionCompletedV1, (envelope, payload, manager) => this.actionCompleted.handle(envelope, payload, manager)),
      on(ManualActionOpenedV1, (envelope, payload, manager) => this.workItems.manualActionOpened(envelope, payload, manager)),
      on(EmailSentV1, (envelope, payload, manager) => this.followedUp.feedbackSent(envelope, payload, manager)),
      on(ReviewScheduledV1, (envelope, payload, manager) => this.followedUp.reviewScheduled(envelope, payload, manager)),
      on(ReviewDueV1, (envelope, payload, manager) => this.reviews.reviewDue(envelope, payload, manager)),
      on(PaperworkOverdueV1, (envelope, payload, manager) => this.paperworkOverdue.handle(envelope, payload, manager)),
      on(ChildLockRequestedV1, (envelope, payload, manager) => this.childLock.handle(envelope, payload, manager)),
    ]);
  }
}
