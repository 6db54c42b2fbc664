import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { rolesFor } from '@accessdesk/access';
import {
  CompleteGuardianTaskV1,
  GetGuardianBlockV1,
  GuardianBlockRequest,
  GuardianBlockView,
  GuardianTaskUpdateRequest,
  GuardianUnblockRequest,
  SubmitGuardianBlockV1,
  UnblockGuardianV1,
} from '@accessdesk/contracts';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { requireIdempotencyKey } from '../cases/cases.controller';
import { AskService } from '../http/ask.service';
import { notFoundIdPipe } from '../http/not-found-id.pipe';
import { ApiProblem, ApiProblemsOfEveryCall } from '../problems/problem.response';
import { GuardianBlockResponse } from './guardian-block.response';

const SERVICE = 'guardian-block';

/** A malformed id is answered like an unknown one: ids reveal nothing. */
const blockIdPipe = () => notFoundIdPipe('guardian-block-not-found', 'Guardian block not found', 'No guardian block with this id is visible to you.');
const taskIdPipe = () => notFoundIdPipe('guardian-task-not-found', 'Task not found', 'This guardian block has no task with this id.');

/** R18–R20: guardian blocks and unblocks, for unit heads and the contact centre (002). */
@ApiTags('guardian-blocks')
@ApiBearerAuth()
@ApiProblemsOfEveryCall()
@UseGuards(AuthGuard)
@Controller('api/v1/guardian-blocks')
export class GuardianBlocksController {
  constructor(private readonly ask: AskService) {}

  @Post()
  @HttpCode(201)
  @Roles(...rolesFor('POST /guardian-blocks'))
  @ApiOperation({ summary: 'Block one or both guardians from a child’s journal and e-services on 1177 (R18, R20)' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'The same key returns the same guardian block.' })
  @ApiResponse({ status: 201, description: 'The registered guardian block: EXECUTING, or ALREADY_IN_EFFECT for a protected child 0–12 (R20)', type: GuardianBlockResponse })
  @ApiProblem(400, 'Invalid request, or Idempotency-Key missing or malformed')
  @ApiProblem(403, 'Not allowed for your role; a unit head files for their own unit only')
  @ApiProblem(
    422,
    'Not decided by the unit head (R1: stated role, or the staff directory does not list the decision maker as a unit head), channel not offered (R24), child not a minor, unknown child or a guardian not listed (R18), Idempotency-Key reused; nothing registered',
  )
  @ApiProblem(503, 'A service, the staff directory or the population register did not answer in time; nothing registered, retry with the same key')
  submit(
    @Body() request: GuardianBlockRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<GuardianBlockResponse> {
    const key = requireIdempotencyKey(idempotencyKey);
    return this.ask.ask<SubmitGuardianBlockV1, GuardianBlockView>(SERVICE, SubmitGuardianBlockV1, { request, idempotencyKey: key }, caller);
  }

  @Get(':id')
  @Roles(...rolesFor('GET /guardian-blocks/{id}'))
  @ApiOperation({ summary: 'A guardian block with its follow-up tasks, EHR note, linked lock and timeline' })
  @ApiResponse({ status: 200, description: 'The guardian block', type: GuardianBlockResponse })
  @ApiProblem(404, 'No such guardian block, or not visible to the caller')
  get(@Param('id', blockIdPipe()) id: string, @CurrentCaller() caller: Caller): Promise<GuardianBlockResponse> {
    return this.ask.ask<GetGuardianBlockV1, GuardianBlockView>(SERVICE, GetGuardianBlockV1, { guardianBlockId: id }, caller, id);
  }

  @Post(':id/unblock')
  @HttpCode(200)
  @Roles(...rolesFor('POST /guardian-blocks/{id}/unblock'))
  @ApiOperation({ summary: 'Lift the block of the named guardians (all when none named) after the unit head’s threat check (R19)' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'The same key returns the same unblock.' })
  @ApiResponse({ status: 200, description: 'The guardian block, UNBLOCKING', type: GuardianBlockResponse })
  @ApiProblem(400, 'Invalid request, or Idempotency-Key missing or malformed')
  @ApiProblem(403, 'Not allowed for your role; a unit head acts for their own unit only')
  @ApiProblem(404, 'No such guardian block, or not visible to the caller')
  @ApiProblem(409, 'The block is not in effect (status is neither BLOCKED nor CLOSED with a guardian still blocked)')
  @ApiProblem(
    422,
    'Not decided by the unit head (R1: stated role, or not a unit head in the staff directory), threat check missing (R19), a named guardian not blocked, Idempotency-Key reused',
  )
  @ApiProblem(503, 'A service or the staff directory did not answer in time; nothing sent, retry with the same key')
  unblock(
    @Param('id', blockIdPipe()) id: string,
    @Body() request: GuardianUnblockRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<GuardianBlockResponse> {
    const key = requireIdempotencyKey(idempotencyKey);
    return this.ask.ask<UnblockGuardianV1, GuardianBlockView>(SERVICE, UnblockGuardianV1, { guardianBlockId: id, request, idempotencyKey: key }, caller, id);
  }

  @Patch(':id/tasks/:taskId')
  @HttpCode(200)
  @Roles(...rolesFor('PATCH /guardian-blocks/{id}/tasks/{taskId}'))
  @ApiOperation({ summary: 'Mark a follow-up task done (R18); a task already done is answered unchanged. The last one closes the block and reduces its free text (R8)' })
  @ApiParam({ name: 'taskId', format: 'uuid' })
  @ApiResponse({ status: 200, description: 'The guardian block with the task done', type: GuardianBlockResponse })
  @ApiProblem(400, 'Invalid request')
  @ApiProblem(404, 'No such guardian block or task, or not visible to the caller')
  completeTask(
    @Param('id', blockIdPipe()) id: string,
    @Param('taskId', taskIdPipe()) taskId: string,
    @Body() request: GuardianTaskUpdateRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<GuardianBlockResponse> {
    return this.ask.ask<CompleteGuardianTaskV1, GuardianBlockView>(SERVICE, CompleteGuardianTaskV1, { guardianBlockId: id, taskId, request }, caller, id);
  }
}
