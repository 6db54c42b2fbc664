import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { rolesFor } from '@accessdesk/access';
import {
  DeadLetterFilter,
  DeadLetterListView,
  DeadLetterPurgeRequest,
  DeadLetterReplayRequest,
  ListDeadLettersV1,
  PurgeDeadLettersV1,
  ReplayDeadLettersV1,
  SYSTEM_QUEUES,
  ShowDeadLetterV1,
} from '@accessdesk/contracts';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { AskService } from '../http/ask.service';
import { ApiProblem, ApiProblemsOfEveryCall } from '../problems/problem.response';
import {
  DeadLetterDetail,
  DeadLetterDetailResponse,
  DeadLetterListResponse,
  DeadLetterPurge,
  DeadLetterPurgeResponse,
  DeadLetterReplay,
  DeadLetterReplayResponse,
} from './dead-letter.response';

/**
 * The operator's dead-letter tools over HTTP (the same as `npm run -s dlq`): what died, why and
 * when, a way back to the queue it came from, and the purge of request/reply dead letters. intake
 * does the work and records every read and replay in its audit trail (R23).
 */
@ApiTags('operations')
@ApiBearerAuth()
@ApiProblemsOfEveryCall()
@UseGuards(AuthGuard)
@Controller('api/v1/dead-letters')
export class DeadLettersController {
  constructor(private readonly ask: AskService) {}

  @Get()
  @Roles(...rolesFor('GET /dead-letters'))
  @ApiOperation({ summary: 'Every dead-letter queue with its count, and the dead letters that match: type, message id, case, when and why it died' })
  @ApiQuery({ name: 'queue', required: false, enum: SYSTEM_QUEUES })
  @ApiQuery({ name: 'type', required: false, description: 'A message type, e.g. intake.case.received.v1' })
  @ApiQuery({ name: 'caseId', required: false })
  @ApiResponse({ status: 200, description: 'The queues with their counts, and the letters that match; never a payload', type: DeadLetterListResponse })
  @ApiProblem(400, 'Unknown queue or malformed filter')
  @ApiProblem(403, 'Only for the operator role')
  list(@Query() filter: DeadLetterFilter, @CurrentCaller() caller: Caller): Promise<DeadLetterListResponse> {
    return this.ask.ask<ListDeadLettersV1, DeadLetterListView>('intake', ListDeadLettersV1, { ...filter }, caller);
  }

  @Get(':messageId')
  @Roles(...rolesFor('GET /dead-letters/{messageId}'))
  @ApiOperation({ summary: 'One dead letter with its envelope, every personnummer masked' })
  @ApiResponse({ status: 200, description: 'The dead letter and its masked envelope', type: DeadLetterDetailResponse })
  @ApiProblem(403, 'Only for the operator role')
  @ApiProblem(404, 'No dead-letter queue holds a message with this id')
  show(@Param('messageId') messageId: string, @CurrentCaller() caller: Caller): Promise<DeadLetterDetailResponse> {
    return this.ask.ask<ShowDeadLetterV1, DeadLetterDetail>('intake', ShowDeadLetterV1, { messageId }, caller);
  }

  @Post('replay')
  @HttpCode(200)
  @Roles(...rolesFor('POST /dead-letters/replay'))
  @ApiOperation({ summary: 'Send dead letters back to the queue they came from (safe: the inbox de-duplicates)' })
  @ApiResponse({ status: 200, description: 'Each letter sent back', type: DeadLetterReplayResponse })
  @ApiProblem(400, 'Malformed selection')
  @ApiProblem(403, 'Only for the operator role')
  @ApiProblem(422, 'No selection and no `all: true`')
  replay(@Body() request: DeadLetterReplayRequest, @CurrentCaller() caller: Caller): Promise<DeadLetterReplayResponse> {
    return this.ask.ask<ReplayDeadLettersV1, DeadLetterReplay>('intake', ReplayDeadLettersV1, { ...request }, caller);
  }

  @Post('purge')
  @HttpCode(200)
  @Roles(...rolesFor('POST /dead-letters/purge'))
  @ApiOperation({ summary: 'Throw away the dead letters of a request/reply queue (their callers are gone)' })
  @ApiResponse({ status: 200, description: 'How many were thrown away', type: DeadLetterPurgeResponse })
  @ApiProblem(400, 'Not a request/reply queue')
  @ApiProblem(403, 'Only for the operator role')
  purge(@Body() request: DeadLetterPurgeRequest, @CurrentCaller() caller: Caller): Promise<DeadLetterPurgeResponse> {
    return this.ask.ask<PurgeDeadLettersV1, DeadLetterPurge>('intake', PurgeDeadLettersV1, { queue: request.queue }, caller);
  }
}
