import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExecuteActionV1, RecordManualResultV1 } from '@accessdesk/contracts';
import { Messaging, on } from '@accessdesk/messaging';
import { AcceptActionService } from './accept-action/accept-action.service';
import { ExecuteActionService } from './execute-action/execute-action.service';
import { RecordManualResultService } from './record-manual-result/record-manual-result.service';

/** Thin adapter from the queue to the use cases: commands on `execution.commands`; a commit wakes the worker. */
@Injectable()
export class ExecutionHandlers implements OnModuleInit {
  constructor(
    private readonly messaging: Messaging,
    private readonly acceptAction: AcceptActionService,
    private readonly executeAction: ExecuteActionService,
    private readonly recordManualResult: RecordManualResultService,
  ) {}

  onModuleInit(): void {
    this.messaging.subscribe(
      'commands',
      [
        on(ExecuteActionV1, (envelope, payload, manager) => this.acceptAction.handle(envelope, payload, manager)),
        on(RecordManualResultV1, (envelope, payload, manager) => this.recordManualResult.handle(envelope, payload, manager)),
      ],
      { afterCommit: () => this.executeAction.kick() },
    );
  }
}
