import { Body, Controller, Get, Headers, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { rolesFor } from '@accessdesk/access';
import {
  CaseRequest,
  CaseView,
  CompleteCaseV1,
  CompletionRequest,
  GetCaseV1,
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
import { schemaRef } from '../openapi/schemas';

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
    @Param('id', caseIdPipe()) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<CaseView> {
    return this.ask.ask<GetCaseV1, CaseView>('intake', GetCaseV1, { caseId: id }, caller, id);
  }

  // The commands below change a case that exists rather than create one, so they take no
  // Idempotency-Key (DESIGN.md asks it of POSTs that create). Intake checks again that the caller
  // may touch this particular case, and answers 404 when not.

  @Post(':id/completion')
  @HttpCode(200)
  @Roles(...rolesFor('POST /cases/{id}/completion'))
  @ApiOperation({ summary: 'Supply what a return for completion asked for (R4); the checks on receipt run again' })
  @ApiBody({ schema: schemaRef('CompletionRequest') })
  @ApiResponse({ status: 200, description: 'The case after the completion', schema: schemaRef('CaseView') })
  @ApiResponse({ status: 400, description: 'Invalid request (application/problem+json)' })
  @ApiResponse({ status: 403, description: 'Not allowed for your role' })
  @ApiResponse({ status: 404, description: 'No such case, or not visible to the caller' })
  @ApiResponse({ status: 409, description: 'The case is not waiting for completion' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  complete(@Param('id', caseIdPipe()) id: string, @Body() request: CompletionRequest, @CurrentCaller() caller: Caller): Promise<CaseView> {
    return this.ask.ask<CompleteCaseV1, CaseView>('intake', CompleteCaseV1, { caseId: id, request }, caller, id);
  }

  @Post(':id/paperwork')
  @HttpCode(200)
  @Roles(...rolesFor('POST /cases/{id}/paperwork'))
  @ApiOperation({ summary: 'Record the form that follows an emergency lock (R12)' })
  @ApiBody({ schema: schemaRef('PaperworkRequest') })
  @ApiResponse({ status: 200, description: 'The case with its paperwork recorded', schema: schemaRef('CaseView') })
  @ApiResponse({ status: 400, description: 'Invalid request (application/problem+json)' })
  @ApiResponse({ status: 403, description: 'Not allowed for your role' })
  @ApiResponse({ status: 404, description: 'No such case, or not visible to the caller' })
  @ApiResponse({ status: 409, description: 'The case has no paperwork pending' })
  @ApiResponse({ status: 422, description: 'The form breaks a rule (R2, R3)' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  paperwork(@Param('id', caseIdPipe()) id: string, @Body() request: PaperworkRequest, @CurrentCaller() caller: Caller): Promise<CaseView> {
    return this.ask.ask<RecordPaperworkV1, CaseView>('intake', RecordPaperworkV1, { caseId: id, request }, caller, id);
  }

  @Post(':id/verification')
  @HttpCode(200)
  @Roles(...rolesFor('POST /cases/{id}/verification'))
  @ApiOperation({ summary: 'Record the outcome of a manual (phone) verification of the signer (R4)' })
  @ApiBody({ schema: schemaRef('VerificationRequest') })
  @ApiResponse({ status: 200, description: 'The case after the verification', schema: schemaRef('CaseView') })
  @ApiResponse({ status: 400, description: 'Invalid request (application/problem+json)' })
  @ApiResponse({ status: 403, description: 'Not allowed for your role' })
  @ApiResponse({ status: 404, description: 'No such case, or not visible to the caller' })
  @ApiResponse({ status: 409, description: 'The case is not waiting for a manual verification' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  verification(@Param('id', caseIdPipe()) id: string, @Body() request: VerificationRequest, @CurrentCaller() caller: Caller): Promise<CaseView> {
    return this.ask.ask<RecordVerificationV1, CaseView>('intake', RecordVerificationV1, { caseId: id, request }, caller, id);
  }

  @Post(':id/void')
  @HttpCode(200)
  @Roles(...rolesFor('POST /cases/{id}/void'))
  @ApiOperation({ summary: 'Void a wrongly registered case (makulera); not the same as an unlock (R11)' })
  @ApiBody({ schema: schemaRef('VoidRequest') })
  @ApiResponse({ status: 200, description: 'The voided case', schema: schemaRef('CaseView') })
  @ApiResponse({ status: 400, description: 'Invalid request (application/problem+json)' })
  @ApiResponse({ status: 403, description: 'Not allowed for your role' })
  @ApiResponse({ status: 404, description: 'No such case, or not visible to the caller' })
  @ApiResponse({ status: 409, description: 'The case can no longer be voided' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  voidCase(@Param('id', caseIdPipe()) id: string, @Body() request: VoidRequest, @CurrentCaller() caller: Caller): Promise<CaseView> {
    return this.ask.ask<VoidCaseV1, CaseView>('intake', VoidCaseV1, { caseId: id, request }, caller, id);
  }

  @Post(':id/registry-reference')
  @HttpCode(200)
  @Roles(...rolesFor('POST /cases/{id}/registry-reference'))
  @ApiOperation({ summary: 'Record the region’s own registry reference of the case, e.g. its Plexus number (R6)' })
  @ApiBody({ schema: schemaRef('RegistryReferenceRequest') })
  @ApiResponse({ status: 200, description: 'The case with its registry reference', schema: schemaRef('CaseView') })
  @ApiResponse({ status: 400, description: 'Invalid request (application/problem+json)' })
  @ApiResponse({ status: 403, description: 'Not allowed for your role' })
  @ApiResponse({ status: 404, description: 'No such case, or not visible to the caller' })
  @ApiResponse({ status: 422, description: 'The reference is a personnummer' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  registryReference(@Param('id', caseIdPipe()) id: string, @Body() request: RegistryReferenceRequest, @CurrentCaller() caller: Caller): Promise<CaseView> {
    return this.ask.ask<RecordRegistryReferenceV1, CaseView>('intake', RecordRegistryReferenceV1, { caseId: id, request }, caller, id);
  }
}
