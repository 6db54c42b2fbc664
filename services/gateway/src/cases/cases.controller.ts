import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { rolesFor } from '@accessdesk/access';
import {
  CASE_LIST_DEFAULT_LIMIT,
  CASE_LIST_MAX_LIMIT,
  CASE_STATUSES,
  CaseListFilter,
  CaseListView,
  CaseRequest,
  CaseView,
  CompleteCaseV1,
  CompletionRequest,
  GetCaseV1,
  ListCasesV1,
  PaperworkRequest,
  RecordPaperworkV1,
  RecordRegistryReferenceV1,
  RecordVerificationV1,
  RegistryReferenceRequest,
  SubmitCaseV1,
  VerificationRequest,
  VoidCaseV1,
  VoidRequest,
} from '@accessdesk/contracts';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { AskService } from '../http/ask.service';
import { notFoundIdPipe } from '../http/not-found-id.pipe';
import { ProblemException } from '../problems/problem.exception';
import { ApiProblem, ApiProblemsOfEveryCall } from '../problems/problem.response';
import { CaseListResponse, CaseResponse } from './case.response';

/** `Idempotency-Key`: printable, without spaces, at most 200 characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function requireIdempotencyKey(value: string | undefined): string {
  if (!value) throw ProblemException.of('idempotency-key-required', 400, 'Idempotency-Key required', 'Send an Idempotency-Key header with every POST that creates something.');
  if (!IDEMPOTENCY_KEY.test(value)) throw ProblemException.of('idempotency-key-invalid', 400, 'Idempotency-Key invalid', 'Use 1–200 printable characters without spaces.');
  return value;
}

/** A malformed case id answers as an unknown one does. */
const caseIdPipe = () => notFoundIdPipe('case-not-found', 'Case not found', 'No case with this id is visible to you.');

@ApiTags('cases')
@ApiBearerAuth()
@ApiProblemsOfEveryCall()
@UseGuards(AuthGuard)
@Controller('api/v1/cases')
export class CasesController {
  constructor(private readonly ask: AskService) {}

  @Post()
  @HttpCode(201)
  @Roles(...rolesFor('POST /cases'))
  @ApiOperation({ summary: 'File a LOGIN_LOCK, LOGIN_UNLOCK, JOURNAL_SEAL or JOURNAL_UNSEAL case' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'The same key returns the same case.' })
  @ApiResponse({ status: 201, description: 'The registered case', type: CaseResponse })
  @ApiProblem(400, 'Invalid request, or Idempotency-Key missing or malformed')
  @ApiProblem(
    403,
    'Not allowed for your role, or not your unit; only the region that locked or sealed can lift it (R10 `unlock-by-other-region`, R21 `unseal-by-other-region`); the service desk records emergency locks (R12)',
  )
  @ApiProblem(409, 'An unlock of this lock is already under way (R10 `lift-in-progress`, with its `caseId`)')
  @ApiProblem(422, 'A rule is broken (the `type` names it: R1–R3, R11–R15, R21, R22, R24), or the Idempotency-Key was used with another body')
  submit(
    @Body() request: CaseRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<CaseResponse> {
    const key = requireIdempotencyKey(idempotencyKey);
    return this.ask.ask<SubmitCaseV1, CaseView>('intake', SubmitCaseV1, { request, idempotencyKey: key }, caller);
  }

  @Get()
  @Roles(...rolesFor('GET /cases'))
  @ApiOperation({
    summary: 'The cases the caller may see (own unit for care staff, own region for the service desk and auditors), newest first, a page at a time',
    description: 'Filters combine. Each page is recorded in the audit trail (R23) with its filter and the cases it listed; no personnummer or name is listed.',
  })
  @ApiQuery({ name: 'registryNumber', required: false, description: 'Exact match (R6)', example: 'VGR-2026-000001' })
  @ApiQuery({ name: 'unit', required: false, description: 'HSA-id of the requesting unit' })
  @ApiQuery({ name: 'status', required: false, enum: CASE_STATUSES })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: CASE_LIST_MAX_LIMIT, default: CASE_LIST_DEFAULT_LIMIT } })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the page before, with the same filters' })
  @ApiResponse({ status: 200, description: 'A page of cases; `nextCursor` null on the last page', type: CaseListResponse })
  @ApiProblem(400, 'Unknown status, a malformed registry number or unit, a limit out of range, or a cursor that is not one of ours')
  list(@Query() filter: CaseListFilter, @CurrentCaller() caller: Caller): Promise<CaseListResponse> {
    return this.ask.ask<ListCasesV1, CaseListView>('intake', ListCasesV1, { filter }, caller);
  }

  @Get(':id')
  @Roles(...rolesFor('GET /cases/{id}'))
  @ApiOperation({ summary: 'A case with its timeline' })
  @ApiResponse({ status: 200, description: 'The case', type: CaseResponse })
  @ApiProblem(404, 'No such case, or not visible to the caller')
  get(
    @Param('id', caseIdPipe()) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<CaseResponse> {
    return this.ask.ask<GetCaseV1, CaseView>('intake', GetCaseV1, { caseId: id }, caller, id);
  }

  // The commands below change a case that exists rather than create one, so they take no
  // Idempotency-Key (DESIGN.md asks it of POSTs that create). Intake checks again that the caller
  // may touch this particular case, and answers 404 when not.

  @Post(':id/completion')
  @HttpCode(200)
  @Roles(...rolesFor('POST /cases/{id}/completion'))
  @ApiOperation({ summary: 'Supply what a return for completion asked for (R4); the checks on receipt run again' })
  @ApiResponse({ status: 200, description: 'The case after the completion', type: CaseResponse })
  @ApiProblem(400, 'Invalid request')
  @ApiProblem(404, 'No such case, or not visible to the caller')
  @ApiProblem(409, 'The case is not waiting for completion')
  complete(@Param('id', caseIdPipe()) id: string, @Body() request: CompletionRequest, @CurrentCaller() caller: Caller): Promise<CaseResponse> {
    return this.ask.ask<CompleteCaseV1, CaseView>('intake', CompleteCaseV1, { caseId: id, request }, caller, id);
  }

  @Post(':id/paperwork')
  @HttpCode(200)
  @Roles(...rolesFor('POST /cases/{id}/paperwork'))
  @ApiOperation({ summary: 'Record the form that follows an emergency lock (R12)' })
  @ApiResponse({ status: 200, description: 'The case with its paperwork recorded', type: CaseResponse })
  @ApiProblem(400, 'Invalid request')
  @ApiProblem(404, 'No such case, or not visible to the caller')
  @ApiProblem(409, 'The case has no paperwork pending')
  @ApiProblem(422, 'The form breaks a rule (R2, R3)')
  paperwork(@Param('id', caseIdPipe()) id: string, @Body() request: PaperworkRequest, @CurrentCaller() caller: Caller): Promise<CaseResponse> {
    return this.ask.ask<RecordPaperworkV1, CaseView>('intake', RecordPaperworkV1, { caseId: id, request }, caller, id);
  }

  @Post(':id/verification')
  @HttpCode(200)
  @Roles(...rolesFor('POST /cases/{id}/verification'))
  @ApiOperation({ summary: 'Record the outcome of a manual (phone) verification of the signer (R4)' })
  @ApiResponse({ status: 200, description: 'The case after the verification', type: CaseResponse })
  @ApiProblem(400, 'Invalid request')
  @ApiProblem(404, 'No such case, or not visible to the caller')
  @ApiProblem(409, 'The case is not waiting for a manual verification')
  verification(@Param('id', caseIdPipe()) id: string, @Body() request: VerificationRequest, @CurrentCaller() caller: Caller): Promise<CaseResponse> {
    return this.ask.ask<RecordVerificationV1, CaseView>('intake', RecordVerificationV1, { caseId: id, request }, caller, id);
  }

  @Post(':id/void')
  @HttpCode(200)
  @Roles(...rolesFor('POST /cases/{id}/void'))
  @ApiOperation({ summary: 'Void a wrongly registered case (makulera); not the same as an unlock (R11)' })
  @ApiResponse({ status: 200, description: 'The voided case', type: CaseResponse })
  @ApiProblem(400, 'Invalid request')
  @ApiProblem(404, 'No such case, or not visible to the caller')
  @ApiProblem(409, 'The case can no longer be voided')
  voidCase(@Param('id', caseIdPipe()) id: string, @Body() request: VoidRequest, @CurrentCaller() caller: Caller): Promise<CaseResponse> {
    return this.ask.ask<VoidCaseV1, CaseView>('intake', VoidCaseV1, { caseId: id, request }, caller, id);
  }

  @Post(':id/registry-reference')
  @HttpCode(200)
  @Roles(...rolesFor('POST /cases/{id}/registry-reference'))
  @ApiOperation({ summary: 'Record the region’s own registry reference of the case, e.g. its Plexus number (R6)' })
  @ApiResponse({ status: 200, description: 'The case with its registry reference', type: CaseResponse })
  @ApiProblem(400, 'Invalid request')
  @ApiProblem(404, 'No such case, or not visible to the caller')
  @ApiProblem(422, 'The reference is a personnummer')
  registryReference(@Param('id', caseIdPipe()) id: string, @Body() request: RegistryReferenceRequest, @CurrentCaller() caller: Caller): Promise<CaseResponse> {
    return this.ask.ask<RecordRegistryReferenceV1, CaseView>('intake', RecordRegistryReferenceV1, { caseId: id, request }, caller, id);
  }
}
