import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  CASE_TYPES,
  CHANNELS,
  CaseStatus,
  CaseType,
  CaseListView,
  CaseSummaryView,
  CaseView,
  Channel,
  INTAKE_CASE_TYPES,
  IntakeCaseType,
  EXECUTION_OUTCOMES,
  ExecutionOutcome,
  PAPERWORK_SENDERS,
  PAPERWORK_STATES,
  PaperworkSender,
  PaperworkState,
  REVIEW_OUTCOMES,
  RegistryCategory,
  RegistryReference,
  RelatedCaseRef,
  ReviewOutcome,
  TimelineEntry,
} from '@accessdesk/contracts';

// The Case answer of DESIGN.md as OpenAPI sees it. Each class implements the contract type it
// documents, so a field the contract gains or changes without its documentation fails the build.

/** The parts of CaseView the contract types inline. */
type CaseReview = NonNullable<CaseView['review']>;
type UnitRef = CaseView['requestingUnit'];

/** One step in a case's life, as shown to people. */
@ApiSchema({ name: 'TimelineEntry' })
export class TimelineEntryResponse implements TimelineEntry {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ description: 'HSA-id of the person, or `system:<service>`', example: 'SE2321000131-E000000000011' }) by!: string;
  @ApiProperty({ description: 'Swedish; free text is withheld for a resident with a protected identity' }) note!: string;
}

/** R5 and R10: a case the answer refers to. */
@ApiSchema({ name: 'RelatedCaseRef' })
export class RelatedCaseResponse implements RelatedCaseRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'VGR-2026-000122' }) registryNumber!: string;
  @ApiProperty({ enum: CASE_TYPES }) type!: CaseType;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({
    enum: ['EARLIER_CASE_OF_RESIDENT', 'LIFTS', 'LIFTED_BY'],
    description: 'R5 an earlier case of the resident in the region; R10 the lock this unlock lifts (LIFTS), or the unlock that lifted this lock (LIFTED_BY)',
  })
  relation!: RelatedCaseRef['relation'];
}

/** R9: a lock's three-month review. */
@ApiSchema({ name: 'CaseReview' })
export class CaseReviewResponse implements CaseReview {
  @ApiProperty({ format: 'uuid', description: 'The review, as `GET /reviews` lists it' }) id!: string;
  @ApiProperty({ enum: REVIEW_OUTCOMES, nullable: true, type: String, description: 'null until decided' }) outcome!: ReviewOutcome | null;
}

/** A care unit named by its HSA-id. */
@ApiSchema({ name: 'UnitRef' })
export class UnitRefResponse implements UnitRef {
  @ApiProperty({ example: 'SE2321000131-E000000000001' }) hsaId!: string;
  @ApiProperty({ example: 'Vårdcentralen Testköping' }) name!: string;
}

/** R6 (000 §6.7): the category a case is registered under in the region's registry. */
@ApiSchema({ name: 'RegistryCategory' })
export class RegistryCategoryResponse implements RegistryCategory {
  @ApiProperty({ description: 'Överkategori', example: '1177 e-tjänster' }) main!: string;
  @ApiProperty({ description: 'Underkategori', example: 'Låsa konto vårdpersonal' }) sub!: string;
}

/** R6 (000 §6.11): the region's own registry reference of a case, e.g. its Plexus number. */
@ApiSchema({ name: 'RegistryReference' })
export class RegistryReferenceResponse implements RegistryReference {
  @ApiProperty({ example: 'Plexus' }) system!: string;
  @ApiProperty({ example: 'PX-2026-4711' }) reference!: string;
  @ApiProperty({ description: 'HSA-id of who recorded it' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

/** The Case answer of the public API (DESIGN.md): what `GET /cases/{id}` returns. */
@ApiSchema({ name: 'CaseView', description: 'A case with its timeline (DESIGN.md "A Case answer")' })
export class CaseResponse implements CaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'R6: per region and year', example: 'VGR-2026-000123' }) registryNumber!: string;
  @ApiProperty({ enum: CASE_TYPES }) type!: CaseType;
  @ApiProperty({ enum: CASE_STATUSES, description: 'DOMAIN.md\'s state names' }) status!: CaseStatus;
  @ApiProperty({ description: 'Region code (R24)', example: 'VGR' }) region!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ enum: EXECUTION_OUTCOMES, nullable: true, type: String, description: 'What the staff tool reported (R7, R16); null until executed' }) outcome!: ExecutionOutcome | null;
  @ApiProperty({ enum: PAPERWORK_STATES, description: 'R12: the form that follows an emergency lock' }) paperwork!: PaperworkState;
  @ApiProperty({ enum: PAPERWORK_SENDERS, nullable: true, type: String, description: 'R12: who sends the form of an emergency lock' }) paperworkSender!: PaperworkSender | null;
  @ApiProperty({ type: () => CaseReviewResponse, nullable: true, description: 'R9: the lock’s review once scheduled, and how it was decided' }) review!: CaseReviewResponse | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'R18: the guardian block this child lock belongs to' }) guardianBlockId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the case was voided (R11)' }) voidReason!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'VGR',
    description:
      'R10: for a login lock or unlock, the region whose lock the staff tool showed in effect ("låst på begäran av Region X"); on a lock, another region when that region had locked the login already: only it can unlock',
  })
  lockedByRegion?: string | null;
  @ApiProperty({ type: [String], description: 'R17: what the action does for the resident (Swedish)' }) effects!: string[];
  @ApiProperty({ type: [String], description: 'R17: what the requester should consider (Swedish)' }) advice!: string[];
  @ApiProperty({
    type: () => [RelatedCaseResponse],
    description: 'R5 earlier cases of the resident in the region; R10 the lock an unlock lifts (LIFTS) and the unlock that lifted it (LIFTED_BY)',
  })
  relatedCases!: RelatedCaseResponse[];
  @ApiPropertyOptional({ description: 'R5: the resident has more earlier cases in the region than `relatedCases` names (it names the newest 50)' })
  relatedCasesTruncated?: boolean;
  @ApiProperty({ type: () => UnitRefResponse }) requestingUnit!: UnitRefResponse;
  @ApiPropertyOptional({
    description: 'The population register marks the resident with a protected identity (skyddad identitet): free text in the timeline is withheld',
  })
  protectedIdentity?: boolean;
  @ApiPropertyOptional({ type: () => RegistryCategoryResponse, nullable: true, description: 'R6: överkategori and underkategori in the region’s registry (000 §6.7)' })
  registryCategory?: RegistryCategoryResponse | null;
  @ApiPropertyOptional({ type: () => RegistryReferenceResponse, nullable: true, description: 'R6: the region’s own registry reference, e.g. its Plexus number, as recorded by the service desk' })
  registryReference?: RegistryReferenceResponse | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: () => [TimelineEntryResponse], description: 'Every step, oldest first' }) timeline!: TimelineEntryResponse[];
}

/** One case in a list (`GET /cases`): what tells cases apart, never the resident's personnummer or name. */
@ApiSchema({ name: 'CaseSummary', description: 'One case in a list: what tells cases apart; open it with GET /cases/{id}' })
export class CaseSummaryResponse implements CaseSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'R6: per region and year', example: 'VGR-2026-000123' }) registryNumber!: string;
  @ApiProperty({ enum: INTAKE_CASE_TYPES }) type!: IntakeCaseType;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ example: 'VGR' }) region!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ enum: EXECUTION_OUTCOMES, nullable: true, type: String }) outcome!: ExecutionOutcome | null;
  @ApiProperty({ type: () => UnitRefResponse }) requestingUnit!: UnitRefResponse;
  @ApiProperty({ description: 'The resident has a protected identity (skyddad identitet)' }) protectedIdentity!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** `GET /cases`: a page of the cases the caller may see, newest first. */
@ApiSchema({ name: 'CaseList' })
export class CaseListResponse implements CaseListView {
  @ApiProperty({ type: () => [CaseSummaryResponse], description: 'Newest first' }) items!: CaseSummaryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` (with the same filters) for the next page; null on the last page' }) nextCursor!: string | null;
  @ApiProperty({ description: 'More cases match than this page holds: follow `nextCursor`' }) truncated!: boolean;
}
