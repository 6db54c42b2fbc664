import { Injectable, OnModuleInit } from '@nestjs/common';
import { CaseReceivedV1 } from '@accessdesk/contracts';
import { Messaging, on } from '@accessdesk/messaging';
import { CheckCaseService } from './check-case/check-case.service';

/** Thin adapter from the queue to the use case: events on `identity-check.events`. */
@Injectable()
export class IdentityCheckHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly checkCase: CheckCaseService,
  ) {}

  onModuleInit(): void {
    this.messaging.subscribe('events', [on(CaseReceivedV1, (envelope, payload, manager) => this.checkCase.handle(envelope, payload, manager))]);
  }
}
