import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ActionCompletedV1,
  CaseCheckedV1,
  FeedbackSentV1,
  GetCaseV1,
  QueryAuditV1,
  ReviewScheduledV1,
  SubmitCaseV1,
  VerifyAuditV1,
} from '@accessdesk/contracts';
import { Messaging, answer, on } from '@accessdesk/messaging';
import { AuditTrailService } from './audit/audit-trail.service';
import { GetCaseService } from './get-case/get-case.service';
import { OnActionCompletedService } from './on-action-completed/on-action-completed.service';
import { OnCaseCheckedService } from './on-case-checked/on-case-checked.service';
import { OnCaseFollowedUpService } from './on-case-followed-up/on-case-followed-up.service';
import { SubmitCaseService } from './submit-case/submit-case.service';

/** Thin adapters from the queues to the use cases: requests on `intake.rpc`, events on `intake.events`. */
@Injectable()
export class IntakeHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly submitCase: SubmitCaseService,
    private readonly getCase: GetCaseService,
    private readonly caseChecked: OnCaseCheckedService,
    private readonly actionCompleted: OnActionCompletedService,
    private readonly followedUp: OnCaseFollowedUpService,
    private readonly auditTrail: AuditTrailService,
  ) {}

  onModuleInit(): void {
    this.messaging.serve([
      answer(SubmitCaseV1, (envelope) => this.submitCase.submit(envelope)),
      answer(GetCaseV1, (envelope) => this.getCase.get(envelope)),
      answer(QueryAuditV1, (envelope) => this.auditTrail.query(envelope)),
      answer(VerifyAuditV1, (envelope) => this.auditTrail.verify(envelope)),
    ]);
    this.messaging.subscribe('events', [
      on(CaseCheckedV1, (envelope, payload, manager) => this.caseChecked.handle(envelope, payload, manager)),
      on(ActionCompletedV1, (envelope, payload, manager) => this.actionCompleted.handle(envelope, payload, manager)),
      on(FeedbackSentV1, (envelope, payload, manager) => this.followedUp.feedbackSent(envelope, payload, manager)),
      on(ReviewScheduledV1, (envelope, payload, manager) => this.followedUp.reviewScheduled(envelope, payload, manager)),
    ]);
  }
}
