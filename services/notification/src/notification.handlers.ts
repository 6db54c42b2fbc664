import { Injectable, OnModuleInit } from '@nestjs/common';
import { CaseConcludedV1 } from '@accessdesk/contracts';
import { Messaging, on } from '@accessdesk/messaging';
import { OnCaseConcludedService } from './on-case-concluded/on-case-concluded.service';
import { SendNotificationsService } from './send-notifications/send-notifications.service';

/** Thin adapter from the queue to the use case: events on `notification.events`; a commit wakes the sender. */
@Injectable()
export class NotificationHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly caseConcluded: OnCaseConcludedService,
    private readonly sender: SendNotificationsService,
  ) {}

  onModuleInit(): void {
    this.messaging.subscribe(
      'events',
      [on(CaseConcludedV1, (envelope, payload, manager) => this.caseConcluded.handle(envelope, payload, manager))],
      { afterCommit: () => this.sender.kick() },
    );
  }
}
