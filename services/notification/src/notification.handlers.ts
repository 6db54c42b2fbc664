import { Injectable, OnModuleInit } from '@nestjs/common';
import { CaseConcludedV1, CaseEndedV1, CaseRefusedV1, CaseReturnedV1, GuardianBlockConcludedV1, PaperworkOverdueV1, ReviewDueV1 } from '@accessdesk/contracts';
import { Messaging, on } from '@accessdesk/messaging';
import { OnCaseConcludedService } from './on-case-concluded/on-case-concluded.service';
import { OnCaseEndedService } from './on-case-ended/on-case-ended.service';
import { OnCaseRefusedService } from './on-case-refused/on-case-refused.service';
import { OnCaseReturnedService } from './on-case-returned/on-case-returned.service';
import { OnGuardianBlockConcludedService } from './on-guardian-block-concluded/on-guardian-block-concluded.service';
import { OnPaperworkOverdueService } from './on-paperwork-overdue/on-paperwork-overdue.service';
import { OnReviewDueService } from './on-review-due/on-review-due.service';
import { SendNotificationsService } from './send-notifications/send-notifications.service';

/** Thin adapter from the queue to the use cases: events on `notification.events`; a commit wakes the sender. */
@Injectable()
export class NotificationHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly caseConcluded: OnCaseConcludedService,
    private readonly caseReturned: OnCaseReturnedService,
    private readonly caseRefused: OnCaseRefusedService,
    private readonly caseEnded: OnCaseEndedService,
    private readonly reviewDue: OnReviewDueService,
    private readonly paperworkOverdue: OnPaperworkOverdueService,
    private readonly guardianBlockConcluded: OnGuardianBlockConcludedService,
    private readonly sender: SendNotificationsService,
  ) {}

  onModuleInit(): void {
    this.messaging.subscribe(
      'events',
      [
        on(CaseConcludedV1, (envelope, payload, manager) => this.caseConcluded.handle(envelope, payload, manager)),
        on(CaseReturnedV1, (envelope, payload, manager) => this.caseReturned.handle(envelope, payload, manager)),
        on(CaseRefusedV1, (envelope, payload, manager) => this.caseRefused.handle(envelope, payload, manager)),
        on(CaseEndedV1, (envelope, payload, manager) => this.caseEnded.handle(envelope, payload, manager)),
        on(ReviewDueV1, (envelope, payload, manager) => this.reviewDue.handle(envelope, payload, manager)),
        on(PaperworkOverdueV1, (envelope, payload, manager) => this.paperworkOverdue.handle(envelope, payload, manager)),
        on(GuardianBlockConcludedV1, (envelope, payload, manager) => this.guardianBlockConcluded.handle(envelope, payload, manager)),
      ],
      { afterCommit: () => this.sender.kick() },
    );
  }
}
