import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { rolesFor } from '@accessdesk/access';
import { IsIdentityNumber, QueryAuditV1, VerifyAuditV1 } from '@accessdesk/contracts';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { AskService } from '../http/ask.service';
import { schemaRef } from '../openapi/schemas';

export class AuditByCaseQuery {
  @IsUUID() caseId!: string;
}

/** `POST /audit/search` body: the resident's personnummer, which never goes in a URL. */
export class AuditByResidentRequest {
  @IsIdentityNumber() personnummer!: string;
}

/** R23 for auditors: the trail of a case or a resident in their own region, and the chain check. */
@ApiTags('audit')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly ask: AskService) {}

  @Get()
  @Roles(...rolesFor('GET /audit'))
  @ApiOperation({ summary: 'The audit trail of one case' })
  @ApiQuery({ name: 'caseId', required: true })
  @ApiResponse({ status: 200, description: '`{ records: [...] }`, oldest first, hash-chained' })
  byCase(@Query() query: AuditByCaseQuery, @CurrentCaller() caller: Caller) {
    return this.ask.ask<QueryAuditV1, unknown>('intake', QueryAuditV1, { caseId: query.caseId }, caller, query.caseId);
  }

  @Post('search')
  @HttpCode(200)
  @Roles(...rolesFor('POST /audit/search'))
  @ApiOperation({ summary: 'The audit trail of one resident (personnummer in the body, never in a URL)' })
  @ApiBody({ schema: schemaRef('AuditByResidentRequest') })
  byResident(@Body() body: AuditByResidentRequest, @CurrentCaller() caller: Caller) {
    return this.ask.ask<QueryAuditV1, unknown>('intake', QueryAuditV1, { personnummer: body.personnummer }, caller);
  }

  @Get('verify')
  @Roles(...rolesFor('GET /audit/verify'))
  @ApiOperation({ summary: 'Recompute the hash chain; names the first record that does not fit' })
  verify(@CurrentCaller() caller: Caller) {
    return this.ask.ask<VerifyAuditV1, unknown>('intake', VerifyAuditV1, {}, caller);
  }
}
