import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { rolesFor } from '@accessdesk/access';
import { DecideReviewV1, ListReviewsV1, REVIEW_PAGE_MAX, ReviewDecisionRequest, ReviewDecisionView, ReviewFilter, ReviewList } from '@accessdesk/contracts';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { requireIdempotencyKey } from '../cases/cases.controller';
import { AskService } from '../http/ask.service';
import { notFoundIdPipe } from '../http/not-found-id.pipe';
import { ApiProblem, ApiProblemsOfEveryCall } from '../problems/problem.response';
import { ReviewDecisionResponse, ReviewListResponse } from './review.response';

/**
 * R9 omprövning: the three-month reviews of the caller's unit. The list comes from
 * review-scheduler, which keeps the due dates; a decision goes to intake, which knows the lock and
 * opens the unlock case (R11).
 */
@ApiTags('reviews')
@ApiBearerAuth()
@ApiProblemsOfEveryCall()
@UseGuards(AuthGuard)
@Controller('api/v1/reviews')
export class ReviewsController {
  constructor(private readonly ask: AskService) {}

  @Get()
  @Roles(...rolesFor('GET /reviews'))
  @ApiOperation({ summary: 'The reviews of the caller’s unit: open ones (default) or all' })
  @ApiQuery({ name: 'state', required: false, enum: ['open', 'all'] })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: REVIEW_PAGE_MAX, default: REVIEW_PAGE_MAX } })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the page before' })
  @ApiResponse({ status: 200, description: 'Each review with its due date and whether it is overdue, by due date; `nextCursor` when more match', type: ReviewListResponse })
  @ApiProblem(400, 'Unknown filter value, a limit out of range, or a cursor that is not one of ours')
  list(@Query() filter: ReviewFilter, @CurrentCaller() caller: Caller): Promise<ReviewListResponse> {
    return this.ask.ask<ListReviewsV1, ReviewList>('review-scheduler', ListReviewsV1, { filter }, caller);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...rolesFor('POST /reviews/{id}/decision'))
  @ApiOperation({ summary: 'Decide a review: KEEP_LOCKED, or UNLOCK, which opens a LOGIN_UNLOCK case (R9, R11)' })
  // UNLOCK creates a case, so a repeated request must not open a second one.
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'The same key returns the same decision.' })
  @ApiResponse({ status: 200, description: 'The decision, with the unlock case UNLOCK opened', type: ReviewDecisionResponse })
  @ApiProblem(400, 'Invalid request or missing Idempotency-Key')
  @ApiProblem(404, 'No such review, or not visible to the caller')
  @ApiProblem(409, 'The review is already decided')
  @ApiProblem(422, 'The decision breaks a rule, or the Idempotency-Key was used with another body')
  decide(
    @Param('id', notFoundIdPipe('review-not-found', 'Review not found', 'No review with this id is visible to you.')) id: string,
    @Body() request: ReviewDecisionRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<ReviewDecisionResponse> {
    const key = requireIdempotencyKey(idempotencyKey);
    return this.ask.ask<DecideReviewV1, ReviewDecisionView>('intake', DecideReviewV1, { reviewId: id, request, idempotencyKey: key }, caller);
  }
}
