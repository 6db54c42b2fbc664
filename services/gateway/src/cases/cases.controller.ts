import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { rolesFor } from '@accessdesk/access';
import { CaseRequest, CaseView, GetCaseV1, SubmitCaseV1 } from '@accessdesk/contracts';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { AskService } from '../http/ask.service';
import { ProblemException } from '../problems/problem.exception';
import { schemaRef } from '../openapi/schemas';

/** `Idempotency-Key`: printable, without spaces, at most 200 characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function requireIdempotencyKey(value: string | undefined): string {
  if (!value) throw ProblemException.of('idempotency-key-required', 400, 'Idempotency-Key required', 'Send an Idempotency-Key header with every POST that creates something.');
  if (!IDEMPOTENCY_KEY.test(value)) throw ProblemException.of('idempotency-key-invalid', 400, 'Idempotency-Key invalid', 'Use 1–200 printable characters without spaces.');
  return value;
}

@ApiTags('cases')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/v1/cases')
export class CasesController {
  constructor(private readonly ask: AskService) {}

  @Post()
  @HttpCode(201)
  @Roles(...rolesFor('POST /cases'))
  @ApiOperation({ summary: 'File a LOGIN_LOCK, LOGIN_UNLOCK, JOURNAL_SEAL or JOURNAL_UNSEAL case' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'The same key returns the same case.' })
  @ApiBody({ schema: schemaRef('CaseRequest') })
  @ApiResponse({ status: 201, description: 'The registered case', schema: schemaRef('CaseView') })
  @ApiResponse({ status: 400, description: 'Invalid request (application/problem+json)' })
  @ApiResponse({ status: 422, description: 'Idempotency-Key reused with another body' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  submit(
    @Body() request: CaseRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<CaseView> {
    const key = requireIdempotencyKey(idempotencyKey);
    return this.ask.ask<SubmitCaseV1, CaseView>('intake', SubmitCaseV1, { request, idempotencyKey: key }, caller);
  }

  @Get(':id')
  @Roles(...rolesFor('GET /cases/{id}'))
  @ApiOperation({ summary: 'A case with its timeline' })
  @ApiResponse({ status: 200, schema: schemaRef('CaseView') })
  @ApiResponse({ status: 404, description: 'No such case, or not visible to the caller' })
  get(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ProblemException.of('case-not-found', 404, 'Case not found', 'No case with this id is visible to you.') }))
    id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<CaseView> {
    return this.ask.ask<GetCaseV1, CaseView>('intake', GetCaseV1, { caseId: id }, caller, id);
  }
}
