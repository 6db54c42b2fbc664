import { Logger } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource, EntityManager } from 'typeorm';
import { appendAudit } from '@accessdesk/audit';
import {
  Actor,
  DeadLetterListView,
  DeadLetterView,
  Envelope,
  ListDeadLettersV1,
  PurgeDeadLettersV1,
  ReplayDeadLettersV1,
  RpcReply,
  SYSTEM_QUEUES,
  ShowDeadLetterV1,
  problem,
} from '@accessdesk/contracts';
import { DeadLetterQueues, DeadLetterSelection, Messaging } from '@accessdesk/messaging';
import { ForEndpoint, Message, MessageHandlers } from '@accessdesk/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The operator's way back from the dead-letter queues of every service (issue "Faults never leave a
 * case stuck or wrong", item 2): list, show (the envelope with every personnummer masked), replay
 * to the queue a letter came from (safe: the receiving inbox de-duplicates) and purge request/reply
 * dead letters, whose caller is gone. intake does it because its audit trail is where operators'
 * reads and replays are recorded (R23): each is recorded before it is answered or done. Only an
 * operator may (`@ForEndpoint`, checked again after the gateway); the operator's CLI
 * (`dead-letters.cli.ts`) calls the same methods with an envelope of its own.
 */
@MessageHandlers()
export class DeadLettersHandler {
  private readonly logger = new Logger(DeadLettersHandler.name);
  private readonly queues: DeadLetterQueues;

  constructor(
    messaging: Messaging,
    private readonly dataSource: DataSource,
  ) {
    this.queues = messaging.deadLetterQueues(SYSTEM_QUEUES);
  }

  @MessagePattern(ListDeadLettersV1.type, { contract: ListDeadLettersV1, queue: 'rpc' })
  @ForEndpoint('GET /dead-letters')
  async list(@Message() envelope: Envelope<ListDeadLettersV1>): Promise<RpcReply<DeadLetterListView>> {
    const filter = envelope.payload;
    await this.record(envelope.actor, 'DEAD_LETTERS_READ', `list ${describe(filter)}`);
    const [queues, { items, truncated }] = [await this.queues.counts(), await this.queues.list(filter)];
    return { ok: true, body: { queues, items, truncated } };
  }

  @MessagePattern(ShowDeadLetterV1.type, { contract: ShowDeadLetterV1, queue: 'rpc' })
  @ForEndpoint('GET /dead-letters/{messageId}')
  async show(@Message() envelope: Envelope<ShowDeadLetterV1>): Promise<RpcReply<{ deadLetter: DeadLetterView; envelope: unknown }>> {
    await this.record(envelope.actor, 'DEAD_LETTERS_READ', `show ${envelope.payload.messageId}`);
    const found = await this.queues.show(envelope.payload.messageId);
    if (!found) return { ok: false, problem: problem('dead-letter-not-found', 404, 'Dead letter not found', 'No dead-letter queue holds a message with this id.') };
    return { ok: true, body: { deadLetter: found.summary, envelope: found.envelope } };
  }

  @MessagePattern(ReplayDeadLettersV1.type, { contract: ReplayDeadLettersV1, queue: 'rpc' })
  @ForEndpoint('POST /dead-letters/replay')
  async replay(@Message() envelope: Envelope<ReplayDeadLettersV1>): Promise<RpcReply<{ replayed: DeadLetterView[] }>> {
    const { all, ...selection } = envelope.payload;
    const narrowed = Object.values(selection).some((v) => v !== undefined);
    if (!narrowed && all !== true) {
      return { ok: false, problem: problem('replay-selection-missing', 422, 'Say which dead letters to replay', 'Give queue, type, caseId or messageIds, or all: true to replay every dead letter.') };
    }
    // The request first, then each letter once it is back in its queue, under its case.
    await this.record(envelope.actor, 'DEAD_LETTERS_READ', `replay ${all === true && !narrowed ? 'all' : describe(selection)}`);
    const replayed = await this.queues.replay(selection as DeadLetterSelection);
    await this.dataSource.transaction(async (manager) => {
      for (const letter of replayed) {
        await this.append(manager, envelope.actor, 'DEAD_LETTER_REPLAYED', `${letter.type ?? 'unknown type'} ${letter.messageId ?? ''} back to ${letter.queue} (died: ${letter.reason ?? 'unknown'})`, letter);
      }
    });
    this.logger.log(`${replayed.length} dead letter(s) replayed by ${envelope.actor.sub}`);
    return { ok: true, body: { replayed } };
  }

  @MessagePattern(PurgeDeadLettersV1.type, { contract: PurgeDeadLettersV1, queue: 'rpc' })
  @ForEndpoint('POST /dead-letters/purge')
  async purge(@Message() envelope: Envelope<PurgeDeadLettersV1>): Promise<RpcReply<{ purged: number }>> {
    await this.record(envelope.actor, 'DEAD_LETTERS_PURGED', `purge ${envelope.payload.queue}.dlq`);
    const purged = await this.queues.purge(envelope.payload.queue);
    this.logger.log(`${purged} dead letter(s) of ${envelope.payload.queue} purged by ${envelope.actor.sub}`);
    return { ok: true, body: { purged } };
  }

  private record(actor: Actor, action: 'DEAD_LETTERS_READ' | 'DEAD_LETTERS_PURGED', detail: string): Promise<void> {
    return this.dataSource.transaction((manager) => this.append(manager, actor, action, detail, null));
  }

  private async append(manager: EntityManager, actor: Actor, action: 'DEAD_LETTERS_READ' | 'DEAD_LETTER_REPLAYED' | 'DEAD_LETTERS_PURGED', detail: string, letter: DeadLetterView | null): Promise<void> {
    await appendAudit(manager, {
      action,
      actor,
      region: letter?.region ?? actor.region,
      caseId: letter?.caseId && UUID.test(letter.caseId) ? letter.caseId : null,
      detail,
    });
  }
}

function describe(filter: object): string {
  const parts = Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? parts.join(' ') : 'all';
}
