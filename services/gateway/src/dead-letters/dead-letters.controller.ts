import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { rolesFor } from '@accessdesk/access';
import {
  DeadLetterFilter,
  DeadLetterListView,
  DeadLetterPurgeRequest,
  DeadLetterReplayRequest,
  DeadLetterView,
  ListDeadLettersV1,
  PurgeDeadLettersV1,
  ReplayDeadLettersV1,
  SYSTEM_QUEUES,
  ShowDeadLetterV1,
} from '@accessdesk/contracts';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { AskService } from '../http/ask.service';
import { schemaRef } from '../openapi/schemas';

/**
 * The operator's dead-letter tools over HTTP (the same as `npm run -s dlq`): what died, why and
 * when, a way back to the queue it came from, and the purge of request/reply dead letters. intake
 * does the work and records every read and replay in its audit trail (R23).
 */
@ApiTags('operations')
@ApiBearerAuth()
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
  @ApiResponse({ status: 200, description: '`{ queues: [{queue, deadLetters}], items: [...], truncated }`; never a payload' })
  @ApiResponse({ status: 400, description: 'Unknown queue or malformed filter (application/problem+json)' })
  @ApiResponse({ status: 403, description: 'Only for the operator role' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  list(@Query() filter: DeadLetterFilter, @CurrentCaller() caller: Caller): Promise<DeadLetterListView> {
    return this.ask.ask<ListDeadLettersV1, DeadLetterListView>('intake', ListDeadLettersV1, { ...filter }, caller);
  }

  @Get(':messageId')
  @Roles(...rolesFor('GET /dead-letters/{messageId}'))
  @ApiOperation({ summary: 'One dead letter with its envelope, every personnummer masked' })
  @ApiResponse({ status: 200, description: '`{ deadLetter, envelope }`' })
  @ApiResponse({ status: 403, description: 'Only for the operator role' })
  @ApiResponse({ status: 404, description: 'No dead-letter queue holds a message with this id' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  show(@Param('messageId') messageId: string, @CurrentCaller() caller: Caller): Promise<{ deadLetter: DeadLetterView; envelope: unknown }> {
    return this.ask.ask<ShowDeadLetterV1, { deadLetter: DeadLetterView; envelope: unknown }>('intake', ShowDeadLetterV1, { messageId }, caller);
  }

  @Post('replay')
  @HttpCode(200)
  @Roles(...rolesFor('POST /dead-letters/replay'))
  @ApiOperation({ summary: 'Send dead letters back to the queue they came from (safe: the inbox de-duplicates)' })
  @ApiBody({ schema: schemaRef('DeadLetterReplayRequest') })
  @ApiResponse({ status: 200, description: '`{ replayed: [...] }`: each letter sent back' })
  @ApiResponse({ status: 400, description: 'Malformed selection (application/problem+json)' })
  @ApiResponse({ status: 403, description: 'Only for the operator role' })
  @ApiResponse({ status: 422, description: 'No selection and no `all: true`' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  replay(@Body() request: DeadLetterReplayRequest, @CurrentCaller() caller: Caller): Promise<{ replayed: DeadLetterView[] }> {
    return this.ask.ask<ReplayDeadLettersV1, { replayed: DeadLetterView[] }>('intake', ReplayDeadLettersV1, { ...request }, caller);
  }

  @Post('purge')
  @HttpCode(200)
  @Roles(...rolesFor('POST /dead-letters/purge'))
  @ApiOperation({ summary: 'Throw away the dead letters of a request/reply queue (their callers are gone)' })
  @ApiBody({ schema: schemaRef('DeadLetterPurgeRequest') })
  @ApiResponse({ status: 200, description: '`{ purged }`: how many' })
  @ApiResponse({ status: 400, description: 'Not a request/reply queue (application/problem+json)' })
  @ApiResponse({ status: 403, description: 'Only for the operator role' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  purge(@Body() request: DeadLetterPurgeRequest, @CurrentCaller() caller: Caller): Promise<{ purged: number }> {
    return this.ask.ask<PurgeDeadLettersV1, { purged: number }>('intake', PurgeDeadLettersV1, { queue: request.queue }, caller);
  }
}
