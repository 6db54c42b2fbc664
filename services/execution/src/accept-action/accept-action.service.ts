import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Envelope, ExecuteActionV1 } from '@accessdesk/contracts';
import { ActionEntity } from '../actions/action.entity';
import { STAFF_TOOL_ADAPTER, StaffToolAdapter } from '../staff-tool/staff-tool.adapter';

/**
 * Takes a command to execute one action (R7) and stores it as PENDING for the worker, in the inbox
 * transaction. The action id is the primary key: a command sent again (same or new message id)
 * adds nothing, so the staff tool is never asked twice for one action.
 */
@Injectable()
export class AcceptActionService {
  private readonly logger = new Logger(AcceptActionService.name);

  constructor(@Inject(STAFF_TOOL_ADAPTER) private readonly adapter: StaffToolAdapter) {}

  async handle(envelope: Envelope<ExecuteActionV1>, command: ExecuteActionV1, manager: EntityManager): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ActionEntity)
      .values({
        actionId: command.actionId,
        caseId: command.caseId,
        registryNumber: command.registryNumber,
        region: envelope.region,
        action: command.action,
        mode: this.adapter.mode,
        personnummer: command.personnummer,
        sealScope: command.sealScope ?? null,
        guardianPersonnummer: command.guardianPersonnummer ?? null,
        status: 'PENDING',
        outcome: null,
        staffToolReference: null,
        detail: null,
        attempts: 0,
        nextAttemptAt: new Date(),
        causationId: envelope.id,
        completedAt: null,
      })
      .orIgnore()
      .updateEntity(false)
      .returning('action_id')
      .execute();
    const inserted = (result.raw as unknown[]).length > 0;
    if (inserted) this.logger.log(`action ${command.actionId} (${command.action}) for case ${command.caseId} accepted`);
    else this.logger.log(`action ${command.actionId} for case ${command.caseId} already known; command ignored`);
  }
}
