import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ActionCompletedV1,
  CompleteGuardianTaskV1,
  EmailSentV1,
  GetGuardianBlockV1,
  GuardianStatusV1,
  LinkedLockOpenedV1,
  QueryAuditV1,
  SubmitGuardianBlockV1,
  UnblockGuardianV1,
  VerifyAuditV1,
  WorkItemResolvedV1,
} from '@accessdesk/contracts';
import { Messaging, answer, on } from '@accessdesk/messaging';
import { AuditTrailService } from './audit-trail/audit-trail.service';
import { CompleteGuardianTaskService } from './complete-guardian-task/complete-guardian-task.service';
import { GetGuardianBlockService } from './get-guardian-block/get-guardian-block.service';
import { GuardianStatusService } from './guardian-status/guardian-status.service';
import { OnActionCompletedService } from './on-action-completed/on-action-completed.service';
import { OnConfirmationSentService } from './on-confirmation-sent/on-confirmation-sent.service';
import { OnLinkedLockOpenedService } from './on-linked-lock-opened/on-linked-lock-opened.service';
import { OnWorkItemResolvedService } from './on-work-item-resolved/on-work-item-resolved.service';
import { SubmitGuardianBlockService } from './submit-guardian-block/submit-guardian-block.service';
import { UnblockGuardianService } from './unblock-guardian/unblock-guardian.service';

/** Thin adapters from the queues to the use cases: requests on `guardian-block.rpc`, events on `guardian-block.events`. */
@Injectable()
export class GuardianBlockHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly submitBlock: SubmitGuardianBlockService,
    private readonly getBlock: GetGuardianBlockService,
    private readonly unblockGuardian: UnblockGuardianService,
    private readonly completeTask: CompleteGuardianTaskService,
    private readonly guardianStatus: GuardianStatusService,
    private readonly actionCompleted: OnActionCompletedService,
    private readonly linkedLockOpened: OnLinkedLockOpenedService,
    private readonly confirmationSent: OnConfirmationSentService,
    private readonly workItemResolved: OnWorkItemResolvedService,
    private readonly auditTrail: AuditTrailService,
  ) {}

  onModuleInit(): void {
    this.messaging.serve([
      answer(SubmitGuardianBlockV1, (envelope) => this.submitBlock.submit(envelope)),
      answer(GetGuardianBlockV1, (envelope) => this.getBlock.get(envelope)),
      answer(UnblockGuardianV1, (envelope) => this.unblockGuardian.unblock(envelope)),
      answer(CompleteGuardianTaskV1, (envelope) => this.completeTask.complete(envelope)),
      answer(GuardianStatusV1, (envelope) => this.guardianStatus.status(envelope)),
      answer(QueryAuditV1, (envelope) => this.auditTrail.query(envelope)),
      answer(VerifyAuditV1, (envelope) => this.auditTrail.verify(envelope)),
    ]);
    this.messaging.subscribe('events', [
      on(ActionCompletedV1, (envelope, payload, manager) => this.actionCompleted.handle(envelope, payload, manager)),
      on(LinkedLockOpenedV1, (envelope, payload, manager) => this.linkedLockOpened.handle(envelope, payload, manager)),
      on(EmailSentV1, (envelope, payload, manager) => this.confirmationSent.handle(envelope, payload, manager)),
      on(WorkItemResolvedV1, (envelope, payload, manager) => this.workItemResolved.handle(envelope, payload, manager)),
    ]);
  }
}
