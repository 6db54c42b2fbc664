import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsObject, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { PAPERWORK_SENDERS, PaperworkSender } from '../common/vocabulary';
import { FeedbackRecipient } from './case-concluded.v1';

/**
 * R12: an emergency lock was executed before its form arrived; the form is chased until it does.
 * `sender` says who owes it: staff, or the resident who asked for the lock.
 */
export class PaperworkPendingV1 {
  static readonly type = 'intake.paperwork.pending.v1';
  @IsUUID() caseId!: string;
  @IsString() @Length(1, 40) registryNumber!: string;
  @IsIn(PAPERWORK_SENDERS) sender!: PaperworkSender;
  @IsObject() @ValidateNested() @Type(() => FeedbackRecipient) requestingUnit!: FeedbackRecipient;
  @IsISO8601({ strict: true }) recordedAt!: string;
}

/**
 * R12: an emergency lock ended without being executed (closed after a failed execution); its form is
 * no longer owed and the chase ends.
 */
export class PaperworkWaivedV1 {
  static readonly type = 'intake.paperwork.waived.v1';
  @IsUUID() caseId!: string;
  @IsISO8601({ strict: true }) waivedAt!: string;
}

/** R12: the form of an emergency lock has arrived; the chase ends. */
export class PaperworkReceivedV1 {
  static readonly type = 'intake.paperwork.received.v1';
  @IsUUID() caseId!: string;
  @IsISO8601({ strict: true }) receivedAt!: string;
}

/**
 * R12: the form of an emergency lock failed the checks on receipt (R1, R4) and went back for
 * completion; it is still owed, so the chase goes on.
 */
export class PaperworkReturnedV1 {
  static readonly type = 'intake.paperwork.returned.v1';
  @IsUUID() caseId!: string;
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 500, { each: true }) reasons!: string[];
  @IsISO8601({ strict: true }) returnedAt!: string;
}
