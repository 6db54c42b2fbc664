import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { rolesFor } from '@accessdesk/access';
import {
  CompleteWorkItemV1,
  ListWorkItemsV1,
  WORK_ITEM_KINDS,
  WORK_ITEM_STATUSES,
  WorkItemCompletionRequest,
  WORK_ITEM_PAGE_MAX,
  WorkItemFilter,
  WorkItemList,
  WorkItemView,
} from '@accessdesk/contracts';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { AskService } from '../http/ask.service';
import { notFoundIdPipe } from '../http/not-found-id.pipe';
import { ApiProblem, ApiProblemsOfEveryCall } from '../problems/problem.response';
import { WorkItemListResponse, WorkItemResponse } from './work-item.response';

/**
 * The desk's inbox (DESIGN.md "The staff-tool adapter"): manual execution in the staff tool,
 * failed executions, verification and paperwork chasing. Intake keeps the items and narrows them
 * to the caller's region and desk.
 */
@ApiTags('work-items')
@ApiBearerAuth()
@ApiProblemsOfEveryCall()
@UseGuards(AuthGuard)
@Controller('api/v1/work-items')
export class WorkItemsController {
  constructor(private readonly ask: AskService) {}

  @Get()
  @Roles(...rolesFor('GET /work-items'))
  @ApiOperation({ summary: 'The work items of the caller’s desk and region' })
  @ApiQuery({ name: 'status', required: false, enum: WORK_ITEM_STATUSES })
  @ApiQuery({ name: 'kind', required: false, enum: WORK_ITEM_KINDS })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: WORK_ITEM_PAGE_MAX, default: WORK_ITEM_PAGE_MAX } })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the page before' })
  @ApiResponse({ status: 200, description: 'The items of the caller’s desk and region that match, oldest first; `nextCursor` when more match', type: WorkItemListResponse })
  @ApiProblem(400, 'Unknown filter value, a limit out of range, or a cursor that is not one of ours')
  list(@Query() filter: WorkItemFilter, @CurrentCaller() caller: Caller): Promise<WorkItemListResponse> {
    return this.ask.ask<ListWorkItemsV1, WorkItemList>('intake', ListWorkItemsV1, { filter }, caller);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(...rolesFor('POST /work-items/{id}/complete'))
  @ApiOperation({ summary: 'Complete a work item: what the staff tool showed, or how a failed execution is resolved' })
  @ApiResponse({ status: 200, description: 'The completed work item', type: WorkItemResponse })
  @ApiProblem(400, 'Invalid request')
  @ApiProblem(404, 'No such work item, or not visible to the caller')
  @ApiProblem(409, 'The work item is already done, or is completed on its case; the outcome is unknown until the staff tool is looked at (R7)')
  @ApiProblem(422, 'The completion does not fit the kind of work item')
  complete(
    @Param('id', notFoundIdPipe('work-item-not-found', 'Work item not found', 'No work item with this id is visible to you.')) id: string,
    @Body() request: WorkItemCompletionRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<WorkItemResponse> {
    return this.ask.ask<CompleteWorkItemV1, WorkItemView>('intake', CompleteWorkItemV1, { workItemId: id, request }, caller);
  }
}
