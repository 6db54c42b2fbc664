import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { REVIEW_OUTCOMES, REVIEW_STATUSES, ReviewDecisionView, ReviewList, ReviewOutcome, ReviewStatus, ReviewView } from '@accessdesk/contracts';

// R9 omprövning as OpenAPI sees it; each class implements the contract type it documents.

/** R9: a lock's three-month review, with its due date. */
@ApiSchema({ name: 'ReviewView', description: 'R9: a lock’s three-month review, with its due date and whether it is overdue' })
export class ReviewResponse implements ReviewView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The lock under review' }) caseId!: string;
  @ApiProperty({ example: 'VGR-2026-000123' }) registryNumber!: string;
  @ApiProperty({ example: 'VGR' }) region!: string;
  @ApiProperty({ example: 'SE2321000131-E000000000001' }) requestingUnitHsaId!: string;
  @ApiProperty({ example: 'SE2321000131-E000000000011', description: 'Who decided the lock' }) decidedByHsaId!: string;
  @ApiProperty({ format: 'date-time', description: 'When the lock was executed' }) executedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ enum: REVIEW_STATUSES, description: 'LIFTED: unlocked by a case filed outside the review (R10, R11)' }) status!: ReviewStatus;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) remindedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) escalatedAt!: string | null;
  @ApiProperty({ enum: REVIEW_OUTCOMES, nullable: true, type: String }) outcome!: ReviewOutcome | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
}

/** `GET /reviews`: a page of the unit's reviews by due date. */
@ApiSchema({ name: 'ReviewList' })
export class ReviewListResponse implements ReviewList {
  @ApiProperty({ type: () => [ReviewResponse] }) reviews!: ReviewResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` (with the same filters) for the next page; null on the last page' }) nextCursor!: string | null;
  @ApiProperty({ description: 'More reviews match than this page holds (500 unless `limit` says fewer): follow `nextCursor`' }) truncated!: boolean;
}

/** The answer to a review decision (R9, R11). */
@ApiSchema({ name: 'ReviewDecisionView' })
export class ReviewDecisionResponse implements ReviewDecisionView {
  @ApiProperty({ format: 'uuid' }) reviewId!: string;
  @ApiProperty({ format: 'uuid' }) lockCaseId!: string;
  @ApiProperty({ enum: REVIEW_OUTCOMES }) outcome!: ReviewOutcome;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The LOGIN_UNLOCK case that UNLOCK opened, as `GET /cases/{id}` shows it' }) unlockCaseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) unlockRegistryNumber!: string | null;
}
