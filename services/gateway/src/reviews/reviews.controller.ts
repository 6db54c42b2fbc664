import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { rolesFor } from '@accessdesk/access';
import { DecideReviewV1, ListReviewsV1, ReviewDecisionRequest, ReviewDecisionView, ReviewFilter, ReviewView } from '@accessdesk/contracts';
import { AuthGuard, Roles } from '../auth/auth.guard';
import { Caller, CurrentCaller } from '../auth/caller';
import { requireIdempotencyKey } from '../cases/cases.controller';
import { AskService } from '../http/ask.service';
import { notFoundIdPipe } from '../http/not-found-id.pipe';
import { schemaRef } from '../openapi/schemas';

/**
 * R9 omprövning: the three-month reviews of the caller's unit. The list comes from
 * review-scheduler, which keeps the due dates; a decision goes to intake, which knows the lock and
 * opens the unlock case (R11).
 */
@ApiTags('reviews')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/v1/reviews')
export class ReviewsController {
  constructor(private readonly ask: AskService) {}

  @Get()
  @Roles(...rolesFor('GET /reviews'))
  @ApiOperation({ summary: 'The reviews of the caller’s unit: open ones (default) or all' })
  @ApiQuery({ name: 'state', required: false, enum: ['open', 'all'] })
  @ApiResponse({ status: 200, description: '`{ reviews: [...] }`: each review with its due date and whether it is overdue' })
  @ApiResponse({ status: 400, description: 'Unknown filter value (application/problem+json)' })
  @ApiResponse({ status: 403, description: 'Not allowed for your role' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  list(@Query() filter: ReviewFilter, @CurrentCaller() caller: Caller): Promise<{ reviews: ReviewView[] }> {
    return this.ask.ask<ListReviewsV1, { reviews: ReviewView[] }>('review-scheduler', ListReviewsV1, { filter }, caller);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...rolesFor('POST /reviews/{id}/decision'))
  @ApiOperation({ summary: 'Decide a review: KEEP_LOCKED, or UNLOCK, which opens a LOGIN_UNLOCK case (R9, R11)' })
  // UNLOCK creates a case, so a repeated request must not open a second one.
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'The same key returns the same decision.' })
  @ApiBody({ schema: schemaRef('ReviewDecisionRequest') })
  @ApiResponse({ status: 200, description: '`{ reviewId, lockCaseId, outcome, unlockCaseId, unlockRegistryNumber }`' })
  @ApiResponse({ status: 400, description: 'Invalid request or missing Idempotency-Key (application/problem+json)' })
  @ApiResponse({ status: 403, description: 'Not allowed for your role' })
  @ApiResponse({ status: 404, description: 'No such review, or not visible to the caller' })
  @ApiResponse({ status: 409, description: 'The review is already decided' })
  @ApiResponse({ status: 422, description: 'The decision breaks a rule, or the Idempotency-Key was used with another body' })
  @ApiResponse({ status: 503, description: 'A service did not answer in time; retry after Retry-After' })
  decide(
    @Param('id', notFoundIdPipe('review-not-found', 'Review not found', 'No review with this id is visible to you.')) id: string,
    @Body() request: ReviewDecisionRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<ReviewDecisionView> {
    const key = requireIdempotencyKey(idempotencyKey);
    return this.ask.ask<DecideReviewV1, ReviewDecisionView>('intake', DecideReviewV1, { reviewId: id, request, idempotencyKey: key }, caller);
  }
}
