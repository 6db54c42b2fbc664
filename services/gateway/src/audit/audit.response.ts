import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AuditAction, AuditRecord, ChainVerification, UnlinkedRecords } from '@accessdesk/audit';
import { STAFF_ROLES, StaffRole } from '@accessdesk/contracts';

// The audit trail (R23) as OpenAPI sees it. The records are libs/audit's, as intake and
// guardian-block answer `QueryAuditV1` and `VerifyAuditV1`; each class implements the type it documents.

/** The services that keep an audit trail of their own (R23), each with its own hash chain. */
export const TRAILS = ['intake', 'guardian-block'] as const;
export type Trail = (typeof TRAILS)[number];

/** A record as the gateway answers it: the service's record, and whose trail it is in. */
export type TrailRecord = AuditRecord & { trail: Trail };

type AuditActor = AuditRecord['actor'];

/** Who did it, as their token said. */
@ApiSchema({ name: 'AuditActor' })
export class AuditActorResponse implements AuditActor {
  @ApiProperty({ description: 'HSA-id of the person, or `system:<service>`', example: 'SE2321000131-E000000000011' }) sub!: string;
  @ApiProperty({ example: 'Dr A' }) name!: string;
  @ApiProperty({ example: 'VGR' }) region!: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles!: StaffRole[];
  @ApiPropertyOptional({ description: 'HSA-id of the care unit' }) unit?: string;
  @ApiPropertyOptional({ description: 'HSA-id of the care provider' }) careProvider?: string;
  @ApiPropertyOptional({ description: 'Not kept here: the record’s own `origin` holds it' }) origin?: string;
}

/** One record of an audit trail (R23): what was done, by whom, when; chained by hash to the one before. */
@ApiSchema({ name: 'AuditRecord', description: 'One record of an audit trail (R23), chained by hash to the record before it in its trail' })
export class AuditRecordResponse implements TrailRecord {
  @ApiProperty({ type: 'integer', nullable: true, description: 'Position in its trail’s chain; null for a record committed a moment ago and not yet linked into it' })
  seq!: number | null;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'VGR' }) region!: string;
  @ApiProperty({ type: () => AuditActorResponse }) actor!: AuditActorResponse;
  @ApiProperty({ nullable: true, type: String, description: 'The client address the gateway saw' }) origin!: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: AuditAction;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Pseudonym of the resident (HMAC), never the personnummer' }) residentRef!: string | null;
  @ApiProperty({ nullable: true, type: String }) detail!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the record before it (hex); null until linked' }) prevHash!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 over `prevHash` and this record (hex); null until linked' }) hash!: string | null;
  @ApiProperty({ enum: TRAILS, description: 'The service whose chain holds the record' }) trail!: Trail;
}

/** The answer of `GET /audit` and `POST /audit/search`: a page of records, and the cursor of the next. */
export type AuditTrail = { records: TrailRecord[]; nextCursor: string | null; truncated: boolean };

/** `GET /audit`, `POST /audit/search`. */
@ApiSchema({ name: 'AuditTrail' })
export class AuditTrailResponse implements AuditTrail {
  @ApiProperty({ type: () => [AuditRecordResponse], description: 'Each trail in its chain’s order, interleaved oldest first' }) records!: AuditRecordResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` (with the same filters) for the next page; null on the last page' }) nextCursor!: string | null;
  @ApiProperty({ description: 'More records match than this page holds (1 000 unless `limit` says fewer): follow `nextCursor`' }) truncated!: boolean;
}

/** A record not yet linked into its chain: which, and when it was written. */
@ApiSchema({ name: 'UnlinkedRecord' })
export class UnlinkedRecordResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** Records committed but not yet linked into a chain (issue 10: a record is linked shortly after its commit). */
@ApiSchema({ name: 'UnlinkedRecords' })
export class UnlinkedRecordsResponse implements UnlinkedRecords {
  @ApiProperty({ type: 'integer', description: 'How many, of the caller’s region' }) count!: number;
  @ApiProperty({ type: () => [UnlinkedRecordResponse], description: 'The first of them, oldest first' }) first!: UnlinkedRecordResponse[];
}

type BrokenRecord = NonNullable<Extract<ChainVerification, { valid: false }>['brokenAt']>;

/** The first record of a chain that does not fit. */
@ApiSchema({ name: 'BrokenRecord' })
export class BrokenRecordResponse implements BrokenRecord {
  @ApiProperty({ type: 'integer', nullable: true, description: 'null for a record not yet linked into the chain' }) seq!: number | null;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

/** One service's chain, recomputed (`ChainVerification`: `lastHash` when whole, `brokenAt` and `reason` when not). */
@ApiSchema({ name: 'TrailVerification' })
export class TrailVerificationResponse {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: 'integer', description: 'The records of the caller’s region in the chain' }) records!: number;
  @ApiPropertyOptional({ description: 'When whole: the hash of the last record' }) lastHash?: string;
  @ApiPropertyOptional({ type: () => BrokenRecordResponse, nullable: true, description: 'When broken: the first record that does not fit; null when it is another region’s' })
  brokenAt?: BrokenRecordResponse | null;
  @ApiPropertyOptional({ description: 'When broken: why' }) reason?: string;
  @ApiPropertyOptional({ type: () => UnlinkedRecordsResponse, description: 'When whole: the records committed but not yet linked into the chain when it was checked' })
  unlinked?: UnlinkedRecordsResponse;
}

/** Every chain's own verdict. */
@ApiSchema({ name: 'TrailVerifications' })
export class TrailVerificationsResponse {
  @ApiProperty({ type: () => TrailVerificationResponse }) intake!: TrailVerificationResponse;
  @ApiProperty({ type: () => TrailVerificationResponse }) 'guardian-block'!: TrailVerificationResponse;
}

/** Where a chain broke: the record (only the caller's region's is named) and the trail. */
@ApiSchema({ name: 'BrokenTrailRecord' })
export class BrokenTrailRecordResponse {
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Only for a record of the caller’s region; null for one not yet linked into the chain' })
  seq?: number | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only for a record of the caller’s region' }) id?: string;
  @ApiProperty({ enum: TRAILS }) trail!: Trail;
}

/** `GET /audit/verify`: every chain recomputed. */
@ApiSchema({ name: 'AuditVerification' })
export class AuditVerificationResponse {
  @ApiProperty({ description: 'Every chain is whole' }) valid!: boolean;
  @ApiProperty({ type: 'integer', description: 'The records of the caller’s region, in every trail' }) records!: number;
  @ApiPropertyOptional({ type: () => BrokenTrailRecordResponse, description: 'When broken: the first record that does not fit, and its trail' }) brokenAt?: BrokenTrailRecordResponse;
  @ApiPropertyOptional({ description: 'When broken: why' }) reason?: string;
  @ApiProperty({ type: () => TrailVerificationsResponse }) trails!: TrailVerificationsResponse;
}
