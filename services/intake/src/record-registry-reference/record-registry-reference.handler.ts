import { MessagePattern } from '@nestjs/microservices';
import { CaseView, Envelope, RecordRegistryReferenceV1, RpcReply, normalizePersonnummer, problem } from '@accessdesk/contracts';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';
import { CaseCommand } from '../domain/case/case-command.service';
import { CaseRepository } from '../domain/case/case.repository';

/** R6 (000 §6.11): the registry system a region's desk records the form in, unless it names another. */
const DEFAULT_REGISTRY_SYSTEM = 'Plexus';

/**
 * R6 (000 §6.11): the service desk records the region's own registry reference of the case — the
 * number its registry (e.g. Plexus) gave the form — in any state, also after closure. The same
 * reference again changes nothing; another one replaces it, and the timeline keeps both.
 */
@MessageHandlers()
export class RecordRegistryReferenceHandler {
  constructor(
    private readonly command: CaseCommand,
    private readonly cases: CaseRepository,
  ) {}

  @MessagePattern(RecordRegistryReferenceV1.type, { contract: RecordRegistryReferenceV1, queue: 'rpc' })
  @ForEndpoint('POST /cases/{id}/registry-reference')
  answer(@Message() envelope: Envelope<RecordRegistryReferenceV1>): Promise<RpcReply<CaseView>> {
    const { request } = envelope.payload;
    const actor = envelope.actor;
    return this.command.run(envelope, () => true, async (manager, entity) => {
      const system = request.system?.trim() || DEFAULT_REGISTRY_SYSTEM;
      const reference = request.reference.trim();
      // A personnummer typed into the wrong field would end up in the timeline and the audit trail.
      if (normalizePersonnummer(reference)) {
        return problem('registry-reference-is-personnummer', 422, 'That is a personnummer, not a registry reference (R6)', 'Give the number the registry gave the case (e.g. its Plexus number).');
      }
      const current = entity.registryReference;
      if (current && current.system === system && current.reference === reference) return null;
      entity.registryReference = { system, reference, recordedBy: actor.sub, recordedAt: new Date().toISOString() };
      await this.cases.save(manager, entity);
      await this.cases.note(manager, entity, actor, current ? `Diarienummer i ${system} ändrat till ${reference} (tidigare ${current.reference}, R6)` : `Diarienummer i ${system}: ${reference} (R6)`);
      return null;
    });
  }
}
