import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExecuteActionV1 } from '@accessdesk/contracts';
import { Messaging, on } from '@accessdesk/messaging';
import { AcceptActionService } from './accept-action/accept-action.service';
import { ExecuteActionService } from './execute-action/execute-action.service';

/** Thin adapter from the queue to the use case: commands on `execution.commands`; a commit wakes the worker. */
@Injectable()
export class ExecutionHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly acceptAction: AcceptActionService,
    private readonly executeAction: ExecuteActionService,
  ) {}

  onModuleInit(): void {
    this.messaging.subscribe(
      'commands',
      [on(ExecuteActionV1, (envelope, payload, manager) => this.acceptAction.handle(envelope, payload, manager))],
      { afterCommit: () => this.executeAction.kick() },
    );
  }
}
