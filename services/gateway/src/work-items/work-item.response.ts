import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  STAFF_TOOL_ACTIONS,
  StaffToolAction,
  WORK_ITEM_KINDS,
  WORK_ITEM_STATUSES,
  WORK_QUEUES,
  WorkItemKind,
  WorkItemList,
  WorkItemStatus,
  WorkItemView,
  WorkQueue,
} from '@accessdesk/contracts';

// The desk's inbox as OpenAPI sees it; each class implements the contract type it documents.

/** The part of WorkItemView the contract types inline. */
type WorkItemSubject = NonNullable<WorkItemView['subject']>;

/** What the operator needs to act in the staff tool (MANUAL_EXECUTION only, while open). */
@ApiSchema({ name: 'WorkItemSubject' })
export class WorkItemSubjectResponse implements WorkItemSubject {
  @ApiProperty({ description: 'The resident’s personnummer', example: '199001012385' }) personnummer!: string;
  @ApiPropertyOptional({ type: [String], description: 'The guardians’ personnummer, for a guardian block' }) guardianPersonnummer?: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'For a seal: what it covers, as the case request’s `sealScope` (whole, careProviders, careUnits, from, to)',
  })
  sealScope?: object | null;
}

/** One item in a desk's inbox, as shown to the operator. */
@ApiSchema({ name: 'WorkItemView', description: 'One item in a desk’s inbox: manual execution, failed execution, verification, paperwork chasing' })
export class WorkItemResponse implements WorkItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: WORK_ITEM_KINDS }) kind!: WorkItemKind;
  @ApiProperty({ enum: WORK_QUEUES, description: 'The desk whose inbox it is in' }) queue!: WorkQueue;
  @ApiProperty({ enum: WORK_ITEM_STATUSES }) status!: WorkItemStatus;
  @ApiProperty({ example: 'VGR' }) region!: string;
  @ApiProperty({ format: 'uuid', description: 'The case (or guardian block) the item belongs to' }) caseId!: string;
  @ApiProperty({ example: 'VGR-2026-000123' }) registryNumber!: string;
  @ApiProperty({ enum: STAFF_TOOL_ACTIONS, nullable: true, type: String, description: 'The staff-tool action, for MANUAL_EXECUTION and FAILED_EXECUTION' }) action!: StaffToolAction | null;
  @ApiProperty({ description: 'Swedish, for the operator' }) title!: string;
  @ApiProperty({ type: [String], description: 'Swedish, for the operator' }) details!: string[];
  @ApiProperty({ description: 'Overdue and escalated (R9, R12)' }) escalated!: boolean;
  @ApiProperty({ type: () => WorkItemSubjectResponse, nullable: true, description: 'MANUAL_EXECUTION only, while open; removed once the item is done' })
  subject!: WorkItemSubjectResponse | null;
  @ApiPropertyOptional({ description: 'The resident has a protected identity (skyddad identitet): handle with care, tell nothing that locates them' }) protectedIdentity?: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'HSA-id of who completed it' }) completedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'How it was completed' }) resolution!: string | null;
}

/** `GET /work-items`: the caller's desk's items, oldest first, a page at a time. */
@ApiSchema({ name: 'WorkItemList' })
export class WorkItemListResponse implements WorkItemList {
  @ApiProperty({ type: () => [WorkItemResponse] }) items!: WorkItemResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` (with the same filters) for the next page; null on the last page' }) nextCursor!: string | null;
  @ApiProperty({ description: 'More items match than this page holds (500 unless `limit` says fewer): follow `nextCursor`' }) truncated!: boolean;
}
