import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DeadLetterListView, DeadLetterView, SYSTEM_QUEUES } from '@accessdesk/contracts';

// The operator's dead-letter tools as OpenAPI sees them; each class implements the contract type it
// documents. A dead letter is shown without its payload, except masked in `GET /dead-letters/{messageId}`.

type DeadLetterQueueCount = DeadLetterListView['queues'][number];

/** One dead letter, never its payload. */
@ApiSchema({ name: 'DeadLetterView', description: 'One dead letter: what it was, when and why it died; never its payload' })
export class DeadLetterResponse implements DeadLetterView {
  @ApiProperty({ enum: SYSTEM_QUEUES, description: 'The queue it died in and goes back to, without prefix' }) queue!: string;
  @ApiProperty({ nullable: true, type: String }) messageId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'intake.case.received.v1' }) type!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The envelope’s correlation id: the case' }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) diedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Our own reason, else the broker’s (`delivery_limit`, `rejected`, `expired`); never a personnummer' }) reason!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'How often its handler failed before it died (0 for a message refused as invalid)' }) failures!: number | null;
  @ApiProperty({ type: 'integer', description: 'How often the broker has dead-lettered it from that queue' }) deaths!: number;
}

/** How many dead letters one queue's dead-letter queue holds. */
@ApiSchema({ name: 'DeadLetterQueueCount' })
export class DeadLetterQueueCountResponse implements DeadLetterQueueCount {
  @ApiProperty({ enum: SYSTEM_QUEUES }) queue!: string;
  @ApiProperty({ type: 'integer' }) deadLetters!: number;
}

/** `GET /dead-letters`: every dead-letter queue with its count, and the letters that match. */
@ApiSchema({ name: 'DeadLetterListView' })
export class DeadLetterListResponse implements DeadLetterListView {
  @ApiProperty({ type: () => [DeadLetterQueueCountResponse] }) queues!: DeadLetterQueueCountResponse[];
  @ApiProperty({ type: () => [DeadLetterResponse] }) items!: DeadLetterResponse[];
  @ApiProperty({ description: 'More matched than the list holds: narrow the filter' }) truncated!: boolean;
}

/** What intake answers to `ShowDeadLetterV1`. */
export type DeadLetterDetail = { deadLetter: DeadLetterView; envelope: unknown };

/** `GET /dead-letters/{messageId}`: one dead letter with its envelope. */
@ApiSchema({ name: 'DeadLetterDetail' })
export class DeadLetterDetailResponse implements DeadLetterDetail {
  @ApiProperty({ type: () => DeadLetterResponse }) deadLetter!: DeadLetterResponse;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The message as it was published (its envelope), every personnummer masked; `{ unreadable }` for a message that is not JSON',
  })
  envelope!: unknown;
}

/** What intake answers to `ReplayDeadLettersV1`. */
export type DeadLetterReplay = { replayed: DeadLetterView[] };

/** `POST /dead-letters/replay`. */
@ApiSchema({ name: 'DeadLetterReplayResult' })
export class DeadLetterReplayResponse implements DeadLetterReplay {
  @ApiProperty({ type: () => [DeadLetterResponse], description: 'Each letter sent back to its queue' }) replayed!: DeadLetterResponse[];
}

/** What intake answers to `PurgeDeadLettersV1`. */
export type DeadLetterPurge = { purged: number };

/** `POST /dead-letters/purge`. */
@ApiSchema({ name: 'DeadLetterPurgeResult' })
export class DeadLetterPurgeResponse implements DeadLetterPurge {
  @ApiProperty({ type: 'integer', description: 'How many were thrown away' }) purged!: number;
}
