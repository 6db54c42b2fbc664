import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { rolesFor } from '@accessdesk/access';
import type { AuditRecord, ChainVerification } from '@accessdesk/audit';
import { IsIdentityNumber, QueryAuditV1, VerifyAuditV1 } from '@accessdesk/contracts';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { AskService } from '../http/ask.service';
import { ProblemException } from '../problems/problem.exception';
import { ApiProblem, ApiProblemsOfEveryCall } from '../problems/problem.response';
import { AuditTrailResponse, AuditVerificationResponse, TRAILS, Trail } from './audit.response';

type BrokenChain = Extract<ChainVerification, { valid: false }>;

export class AuditByCaseQuery {
  @IsUUID() caseId!: string;
}

/** `POST /audit/search` body: the resident's personnummer, which never goes in a URL. */
export class AuditByResidentRequest {
  @IsIdentityNumber() personnummer!: string;
}

/**
 * R23 for auditors: the trail of a case or a resident in their own region, and the chain check.
 * Cases live in intake (locks, seals) or guardian-block (guardian blocks), each with its own chain:
 * a case's trail comes from the service that owns it, a resident's from both (each record names its
 * `trail`), and the check recomputes both chains.
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
  @ApiOperation({ summary: 'The audit trail of one case' })
  @ApiQuery({ name: 'caseId', required: true })
  @ApiResponse({ status: 200, description: 'The records, oldest first, hash-chained', type: AuditTrailResponse })
  @ApiProblem(400, 'caseId missing or not a UUID')
  @ApiProblem(404, 'No such case in the caller’s region')
  async byCase(@Query() query: AuditByCaseQuery, @CurrentCaller() caller: Caller): Promise<AuditTrailResponse> {
    try {
      return await this.trailOf('intake', query.caseId, caller);
    } catch (err) {
      // Not intake's case: perhaps a guardian block, whose trail guardian-block keeps.
      if (err instanceof ProblemException && err.problem.status === 404) return this.trailOf('guardian-block', query.caseId, caller);
      throw err;
    }
  }

  @Post('search')
  @HttpCode(200)
  @Roles(...rolesFor('POST /audit/search'))
  @ApiOperation({ summary: 'The audit trail of one resident (personnummer in the body, never in a URL), from every service that keeps one' })
  @ApiResponse({ status: 200, description: 'The records of every trail, oldest first; each names its trail', type: AuditTrailResponse })
  @ApiProblem(400, 'Invalid request; the number is never echoed')
  async byResident(@Body() body: AuditByResidentRequest, @CurrentCaller() caller: Caller): Promise<AuditTrailResponse> {
    const parts = await Promise.all(
      TRAILS.map(async (trail) => {
        const { records } = await this.ask.ask<QueryAuditV1, { records: AuditRecord[] }>(trail, QueryAuditV1, { personnummer: body.personnummer }, caller);
        return records.map((r) => ({ ...r, trail }));
      }),
    );
    return { records: parts.flat().sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0)) };
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

  private async trailOf(trail: Trail, caseId: string, caller: Caller): Promise<AuditTrailResponse> {
    const { records } = await this.ask.ask<QueryAuditV1, { records: AuditRecord[] }>(trail, QueryAuditV1, { caseId }, caller, caseId);
    return { records: records.map((r) => ({ ...r, trail })) };
  }
}
