import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

/**
 * Every queue the services consume, `<service>.<purpose>`; each has its dead-letter queue
 * `<queue>.dlq`. The operator's dead-letter tools read exactly these (tools/launcher.js keeps the
 * same list for cleaning up test runs; a test holds the two together).
 */
export const SYSTEM_QUEUES = [
  'intake.rpc',
  'intake.events',
  'identity-check.rpc',
  'identity-check.events',
  'execution.commands',
  'guardian-block.rpc',
  'guardian-block.events',
  'notification.events',
  'review-scheduler.rpc',
  'review-scheduler.events',
] as const;
export type SystemQueue = (typeof SYSTEM_QUEUES)[number];

/** Request/reply queues: their dead letters' callers are gone, so they may be purged. */
export const REQUEST_QUEUES = SYSTEM_QUEUES.filter((q) => q.endsWith('.rpc'));

const MESSAGE_TYPE = /^[a-z0-9-]+(\.[a-z0-9-]+)+\.v\d+$/;

/** Which dead letters: every field narrows; none given means all. */
export class DeadLetterFilter {
  @IsOptional() @IsIn(SYSTEM_QUEUES) queue?: SystemQueue;
  @IsOptional() @Matches(MESSAGE_TYPE, { message: 'type must be a message type such as intake.case.received.v1' }) type?: string;
  @IsOptional() @IsUUID() caseId?: string;
}

/** `POST /dead-letters/replay`: send dead letters back to the queue they came from. Says which, or `all: true`. */
export class DeadLetterReplayRequest extends DeadLetterFilter {
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsString({ each: true }) @Length(1, 100, { each: true }) messageIds?: string[];
  /** Required to replay without any other criterion: an operator says so explicitly. */
  @IsOptional() @IsBoolean() all?: boolean;
}

/** `POST /dead-letters/purge`: throw away the dead letters of one request/reply queue. */
export class DeadLetterPurgeRequest {
  @IsIn(REQUEST_QUEUES, { message: 'queue must be a request/reply queue (…rpc): only their dead letters may be purged' }) queue!: string;
}

/** One dead letter, never its payload. */
export interface DeadLetterView {
  /** The queue it died in and goes back to, without prefix (`identity-check.events`). */
  queue: string;
  messageId: string | null;
  type: string | null;
  /** The envelope's correlation id: the case. */
  caseId: string | null;
  region: string | null;
  diedAt: string | null;
  /** Why: our own reason, else the broker's (`delivery_limit`, `rejected`, `expired`); never a personnummer. */
  reason: string | null;
  /** How often its handler failed before it died (0 for a message refused as invalid). */
  failures: number | null;
  /** How often the broker has dead-lettered it from that queue. */
  deaths: number;
}

export interface DeadLetterListView {
  queues: Array<{ queue: string; deadLetters: number }>;
  items: DeadLetterView[];
  /** More matched than the list holds: narrow the filter. */
  truncated: boolean;
}

export class ListDeadLettersV1 {
  static readonly type = 'intake.list-dead-letters.v1';
  @IsOptional() @IsIn(SYSTEM_QUEUES) queue?: SystemQueue;
  @IsOptional() @Matches(MESSAGE_TYPE) type?: string;
  @IsOptional() @IsUUID() caseId?: string;
}

export class ShowDeadLetterV1 {
  static readonly type = 'intake.show-dead-letter.v1';
  @IsString() @Length(1, 100) messageId!: string;
}

export class ReplayDeadLettersV1 {
  static readonly type = 'intake.replay-dead-letters.v1';
  @IsOptional() @IsIn(SYSTEM_QUEUES) queue?: SystemQueue;
  @IsOptional() @Matches(MESSAGE_TYPE) type?: string;
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsString({ each: true }) messageIds?: string[];
  @IsOptional() @IsBoolean() all?: boolean;
}

export class PurgeDeadLettersV1 {
  static readonly type = 'intake.purge-dead-letters.v1';
  @IsIn(REQUEST_QUEUES) queue!: string;
}
