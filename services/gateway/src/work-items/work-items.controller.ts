import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { rolesFor } from '@accessdesk/access';
import {
  CompleteWorkItemV1,
  ListWorkItemsV1,
  WORK_ITEM_KINDS,
  WORK_ITEM_STATUSES,
  WorkItemCompletionRequest,
  WorkItemFilter,
  WorkItemView,
} from '@accessdesk/contracts';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { AskService } from '../http/ask.service';
import { notFoundIdPipe } from '../http/not-found-id.pipe';
import { schemaRef } from '../openapi/schemas';

/**
 * The desk's inbox (DESIGN.md "The staff-tool adapter"): manual execution in the staff tool,
 * failed executions, verification and paperwork chasing. Intake keeps the items and narrows them
 * to the caller's region and desk.
 */
@ApiTags('work-items')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/v1/work-items')
export class WorkItemsController {
  constructor(private readonly ask: AskService) {}

  @Get()
  @Roles(...rolesFor('GET /work-items'))
  @ApiOperation({ summary: 'The work items of the caller’s desk and region' })
  @ApiQuery({ name: 'status', required: false, enum: WORK_ITEM_STATUSES })
  @ApiQuery({ name: 'kind', required: false, enum: WORK_ITEM_KINDS })
  @ApiResponse({ status: 200, description: '`{ items: [...] }`' })
  @ApiResponse({ status: 400, description: 'Unknown filter value (application/problem+json)' })
  @ApiResponse({ status: 403, description: 'Not allowed for your role' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  list(@Query() filter: WorkItemFilter, @CurrentCaller() caller: Caller): Promise<{ items: WorkItemView[] }> {
    return this.ask.ask<ListWorkItemsV1, { items: WorkItemView[] }>('intake', ListWorkItemsV1, { filter }, caller);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(...rolesFor('POST /work-items/{id}/complete'))
  @ApiOperation({ summary: 'Complete a work item: what the staff tool showed, or how a failed execution is resolved' })
  @ApiBody({ schema: schemaRef('WorkItemCompletionRequest') })
  @ApiResponse({ status: 200, description: 'The completed work item' })
  @ApiResponse({ status: 400, description: 'Invalid request (application/problem+json)' })
  @ApiResponse({ status: 403, description: 'Not allowed for your role' })
  @ApiResponse({ status: 404, description: 'No such work item, or not visible to the caller' })
  @ApiResponse({ status: 409, description: 'The work item is already done' })
  @ApiResponse({ status: 422, description: 'The completion does not fit the kind of work item' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  complete(
    @Param('id', notFoundIdPipe('work-item-not-found', 'Work item not found', 'No work item with this id is visible to you.')) id: string,
    @Body() request: WorkItemCompletionRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<WorkItemView> {
    return this.ask.ask<CompleteWorkItemV1, WorkItemView>('intake', CompleteWorkItemV1, { workItemId: id, request }, caller);
  }
}
