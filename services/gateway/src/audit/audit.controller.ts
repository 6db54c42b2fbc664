import { Body, Controller, Get, HttpCode, Post, Query, Res, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { rolesFor } from '@accessdesk/access';
import type { AuditPage, ChainVerification } from '@accessdesk/audit';
import { AUDIT_PAGE_MAX, CURSOR, HSA_ID, IsIdentityNumber, QueryAuditV1, VerifyAuditV1 } from '@accessdesk/contracts';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { AskService } from '../http/ask.service';
import { ProblemException } from '../problems/problem.exception';
import { ApiProblem, ApiProblemsOfEveryCall } from '../problems/problem.response';
import { auditCsv } from './audit-csv';
import { TrailPage, TrailPositions, mergeTrailPages, readAuditCursor, writeAuditCursor } from './audit-pages';
import { AuditTrailResponse, AuditVerificationResponse, TRAILS, Trail, TrailRecord } from './audit.response';

type BrokenChain = Extract<ChainVerification, { valid: false }>;

/** An export holds at most 10 000 records; one with more says so and gives the cursor of the rest. */
export const AUDIT_EXPORT_MAX = 10_000;

const HSA_ID_MESSAGE = { message: 'actorHsaId must be an HSA-id' };
const CURSOR_MESSAGE = { message: 'cursor must be the nextCursor of an earlier page' };

/**
 * `GET /audit` and `GET /audit/export`: any of one case, the staff member who acted, a time range
 * (`from` inclusive, `to` exclusive, ISO 8601). A query string carries text: `limit` is converted
 * explicitly.
 */
export class AuditByCaseQuery {
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsString() @Matches(HSA_ID, HSA_ID_MESSAGE) actorHsaId?: string;
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(AUDIT_PAGE_MAX) limit?: number;
  @IsOptional() @IsString() @Matches(CURSOR, CURSOR_MESSAGE) cursor?: string;
}

/** `GET /audit/export`: as `GET /audit`, `limit` up to 10 000. */
export class AuditExportQuery {
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsString() @Matches(HSA_ID, HSA_ID_MESSAGE) actorHsaId?: string;
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(AUDIT_EXPORT_MAX) limit?: number;
  @IsOptional() @IsString() @Matches(CURSOR, CURSOR_MESSAGE) cursor?: string;
}

/**
 * `POST /audit/search` body: the resident's personnummer, which never goes in a URL, and any of the
 * narrowing `GET /audit` takes.
 */
export class AuditByResidentRequest {
  @IsOptional() @IsIdentityNumber() personnummer?: string;
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsString() @Matches(HSA_ID, HSA_ID_MESSAGE) actorHsaId?: string;
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @IsOptional() @IsInt() @Min(1) @Max(AUDIT_PAGE_MAX) limit?: number;
  @IsOptional() @IsString() @Matches(CURSOR, CURSOR_MESSAGE) cursor?: string;
}

/** `POST /audit/export` body: as `POST /audit/search`, `limit` up to 10 000. */
export class AuditExportRequest {
  @IsOptional() @IsIdentityNumber() personnummer?: string;
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsString() @Matches(HSA_ID, HSA_ID_MESSAGE) actorHsaId?: string;
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @IsOptional() @IsInt() @Min(1) @Max(AUDIT_EXPORT_MAX) limit?: number;
  @IsOptional() @IsString() @Matches(CURSOR, CURSOR_MESSAGE) cursor?: string;
}

/** What any of the four asks: the filter, a page size, where to go on from. */
type AuditAsk = AuditByResidentRequest | AuditExportRequest | AuditByCaseQuery | AuditExportQuery;

const TWO_SUBJECTS = ProblemException.of('validation-failed', 400, 'The request is not valid', 'Ask for one case or one resident, not both.');
const NO_FILTER = ProblemException.of('validation-failed', 400, 'The request is not valid', 'Narrow the trail: a case, a resident, a staff member or a time range.');
const EMPTY_RANGE = ProblemException.of('validation-failed', 400, 'The request is not valid', '`from` must be before `to`.');

/** The narrowing `GET /audit` and `GET /audit/export` take. */
const ApiAuditFilterQueries = () =>
  applyDecorators(
  ApiQuery({ name: 'caseId', required: false, description: 'The trail of one case (a lock, seal or guardian block)' }),
  ApiQuery({ name: 'actorHsaId', required: false, description: 'What one staff member did (HSA-id)' }),
  ApiQuery({ name: 'from', required: false, description: 'Records at or after this instant (ISO 8601)', example: '2026-11-01T00:00:00Z' }),
  ApiQuery({ name: 'to', required: false, description: 'Records before this instant (ISO 8601)', example: '2026-12-01T00:00:00Z' }),
  ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the page before, with the same filters' }),
  );

const CSV_HEADERS = {
  'Content-Disposition': { description: '`attachment; filename="audit-<region>-<time>.csv"`', schema: { type: 'string' } },
  'X-Truncated': { description: '`true` when more records match than the extract holds; then `X-Next-Cursor` continues it', schema: { type: 'string', enum: ['true', 'false'] } },
  'X-Next-Cursor': { description: 'Only when truncated: pass as `cursor` (with the same filters) for the rest', schema: { type: 'string' } },
};
const CSV_DESCRIPTION =
  'RFC 4180, UTF-8 with a byte-order mark; a header row, then one row per record: trail, seq, id, at, region, action, actorSub, actorName, actorRoles, actorUnit, origin, caseId, residentRef, detail, prevHash, hash. Every cell quoted; a cell that begins with = + - @ or a tab is prefixed with \' so that no spreadsheet reads it as a formula.';

/**
 * R23 for auditors: the trail by case, resident, staff member and time range, in pages or as a
 * CSV extract, and the chain check. Cases live in intake (locks, seals) or guardian-block
 * (guardian blocks), each with its own chain: a case's trail comes from the service that owns it,
 * any other question from both (each record names its `trail`), and the check recomputes both.
 * Every page asked is itself a record in each trail asked (AUDIT_READ, naming the filter).
 */
@ApiTags('audit')
@ApiBearerAuth()
@ApiProblemsOfEveryCall()
@UseGuards(AuthGuard)
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly ask: AskService) {}

  @Get()
  @Roles(...rolesFor('GET /audit'))
  @ApiOperation({
    summary: 'The audit trail of one case, of one staff member, or of a time range, a page at a time',
    description: 'Filters combine; at least one is needed. A resident’s trail is asked with POST /audit/search (the personnummer never goes in a URL).',
  })
  @ApiAuditFilterQueries()
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: AUDIT_PAGE_MAX, default: AUDIT_PAGE_MAX } })
  @ApiResponse({ status: 200, description: 'The records, in each trail’s chain order, interleaved by time; `nextCursor` when more match', type: AuditTrailResponse })
  @ApiProblem(400, 'No filter, a malformed one, `from` not before `to`, or a cursor that is not one of ours')
  @ApiProblem(404, 'No such case in the caller’s region')
  byCase(@Query() query: AuditByCaseQuery, @CurrentCaller() caller: Caller): Promise<AuditTrailResponse> {
    return this.page(query, caller, AUDIT_PAGE_MAX, 'VIEW');
  }

  @Post('search')
  @HttpCode(200)
  @Roles(...rolesFor('POST /audit/search'))
  @ApiOperation({ summary: 'The audit trail of one resident (personnummer in the body, never in a URL), narrowed as GET /audit is, from every service that keeps one' })
  @ApiResponse({ status: 200, description: 'The records of every trail, interleaved by time; each names its trail; `nextCursor` when more match', type: AuditTrailResponse })
  @ApiProblem(400, 'Invalid request (the number is never echoed), no filter, or a cursor that is not one of ours')
  @ApiProblem(404, 'No such case in the caller’s region')
  byResident(@Body() body: AuditByResidentRequest, @CurrentCaller() caller: Caller): Promise<AuditTrailResponse> {
    return this.page(body, caller, AUDIT_PAGE_MAX, 'VIEW');
  }

  @Get('export')
  @Roles(...rolesFor('GET /audit/export'))
  @ApiOperation({ summary: 'The records GET /audit finds, as a CSV extract (up to 10 000 records; `X-Truncated` and `X-Next-Cursor` when more match)' })
  @ApiAuditFilterQueries()
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: AUDIT_EXPORT_MAX, default: AUDIT_EXPORT_MAX } })
  @ApiResponse({ status: 200, description: CSV_DESCRIPTION, headers: CSV_HEADERS, content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiProblem(400, 'No filter, a malformed one, `from` not before `to`, or a cursor that is not one of ours')
  @ApiProblem(404, 'No such case in the caller’s region')
  async exportByQuery(@Query() query: AuditExportQuery, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) res: Response): Promise<string> {
    return this.export(query, caller, res);
  }

  @Post('export')
  @HttpCode(200)
  @Roles(...rolesFor('POST /audit/export'))
  @ApiOperation({ summary: 'The records POST /audit/search finds (a resident’s, personnummer in the body), as a CSV extract (up to 10 000 records)' })
  @ApiResponse({ status: 200, description: CSV_DESCRIPTION, headers: CSV_HEADERS, content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiProblem(400, 'Invalid request (the number is never echoed), no filter, or a cursor that is not one of ours')
  @ApiProblem(404, 'No such case in the caller’s region')
  async exportByBody(@Body() body: AuditExportRequest, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) res: Response): Promise<string> {
    return this.export(body, caller, res);
  }

  @Get('verify')
  @Roles(...rolesFor('GET /audit/verify'))
  @ApiOperation({ summary: 'Recompute every hash chain; names the first record that does not fit and its trail (a record of another region only by its trail); counts the own region’s records' })
  @ApiResponse({ status: 200, description: 'The verdict, and each chain’s own', type: AuditVerificationResponse })
  async verify(@CurrentCaller() caller: Caller): Promise<AuditVerificationResponse> {
    const verdicts = await Promise.all(TRAILS.map(async (trail) => [trail, await this.ask.ask<VerifyAuditV1, ChainVerification>(trail, VerifyAuditV1, {}, caller)] as const));
    const broken = verdicts.find((entry): entry is readonly [Trail, BrokenChain] => !entry[1].valid);
    return {
      valid: !broken,
      records: verdicts.reduce((n, [, v]) => n + v.records, 0),
      // A broken record of another region is not named: only that the chain is broken, and in which trail.
      ...(broken ? { brokenAt: { ...(broken[1].brokenAt ?? {}), trail: broken[0] }, reason: broken[1].reason } : {}),
      trails: Object.fromEntries(verdicts) as Record<Trail, ChainVerification>,
    };
  }

  /** A CSV extract: pages of the largest size until the extract is full or nothing more matches. */
  private async export(ask: AuditExportQuery | AuditExportRequest, caller: Caller, res: Response): Promise<string> {
    const wanted = ask.limit ?? AUDIT_EXPORT_MAX;
    const records: TrailRecord[] = [];
    let cursor = ask.cursor;
    do {
      const page = await this.page({ ...ask, cursor, limit: Math.min(AUDIT_PAGE_MAX, wanted - records.length) }, caller, AUDIT_PAGE_MAX, 'EXPORT');
      records.push(...page.records);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && records.length < wanted);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="audit-${caller.region}-${stamp}.csv"`);
    res.setHeader('X-Truncated', String(cursor !== undefined));
    if (cursor !== undefined) res.setHeader('X-Next-Cursor', cursor);
    return auditCsv(records);
  }

  /**
   * One page: a case's trail from the service that owns it (intake; else guardian-block), anything
   * else from every trail, merged. A cursor names the trails it reads and where each stands.
   */
  private async page(ask: AuditAsk, caller: Caller, max: number, purpose: 'VIEW' | 'EXPORT'): Promise<AuditTrailResponse> {
    const personnummer = 'personnummer' in ask ? ask.personnummer : undefined;
    const { caseId, actorHsaId, from, to } = ask;
    if (caseId && personnummer) throw TWO_SUBJECTS;
    if (!caseId && !personnummer && !actorHsaId && !from && !to) throw NO_FILTER;
    if (from && to && Date.parse(from) >= Date.parse(to)) throw EMPTY_RANGE;
    const limit = Math.min(ask.limit ?? max, max);
    const filter: QueryAuditV1 = { caseId, personnummer, actorHsaId, from, to, limit, purpose };
    const askTrail = async (trail: Trail, position: TrailPositions[Trail]): Promise<TrailPage> => {
      const page = await this.ask.ask<QueryAuditV1, AuditPage>(trail, QueryAuditV1, { ...filter, ...position }, caller, caseId);
      return { trail, ...page };
    };

    let positions: TrailPositions;
    let pages: TrailPage[];
    if (ask.cursor !== undefined) {
      positions = readAuditCursor(ask.cursor);
      pages = await Promise.all((Object.keys(positions) as Trail[]).map((trail) => askTrail(trail, positions[trail])));
    } else if (caseId) {
      const trail = await this.trailOfCase(askTrail);
      positions = { [trail.trail]: {} };
      pages = [trail];
    } else {
      positions = Object.fromEntries(TRAILS.map((trail) => [trail, {}]));
      pages = await Promise.all(TRAILS.map((trail) => askTrail(trail, {})));
    }
    const merged = mergeTrailPages(pages, positions, limit);
    const nextCursor = merged.more ? writeAuditCursor(merged.positions) : null;
    return { records: merged.records, nextCursor, truncated: nextCursor !== null };
  }

  private async trailOfCase(askTrail: (trail: Trail, position: TrailPositions[Trail]) => Promise<TrailPage>): Promise<TrailPage> {
    try {
      return await askTrail('intake', {});
    } catch (err) {
      // Not intake's case: perhaps a guardian block, whose trail guardian-block keeps.
      if (err instanceof ProblemException && err.problem.status === 404) return askTrail('guardian-block', {});
      throw err;
    }
  }
}
