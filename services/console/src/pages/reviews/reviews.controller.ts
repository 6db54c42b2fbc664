import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ReviewOutcome, ReviewView } from '@accessdesk/contracts';
import { GatewayClient } from '../../gateway/gateway.client';
import { FormProblems } from '../../gateway/problem-messages';
import { layout } from '../../views/layout';
import { CareFormValues, careProblems, inError } from '../care-forms/decision-form';
import { MayCall, Page, PageContext, PageException } from '../page-access';
import { blankReviewForm, fieldsOf, readReviewForm, reviewDecisionFrom } from './review-decision.form';
import { DECISION_PATHS, DecidedNotice, REVIEWS_PATH, reviewDecisionView, reviewsView } from './reviews.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^[A-Za-z0-9_-]{1,2000}$/;
const NOT_OPEN = new PageException(404, 'Omprövningen finns inte', 'Omprövningen finns inte bland enhetens obeslutade omprövningar: den kan redan vara beslutad.');
/** How many pages of open reviews are read to find one (500 a page). */
const MAX_PAGES = 10;

function outcomeOf(path: string): ReviewOutcome {
  const outcome = (Object.keys(DECISION_PATHS) as ReviewOutcome[]).find((o) => DECISION_PATHS[o] === path);
  if (!outcome) throw NOT_OPEN;
  return outcome;
}

/**
 * The unit's reviews (R9): GET /api/v1/reviews, each decided as keep or unlock through
 * POST /api/v1/reviews/{id}/decision. After a decision the list says what was decided (303 to
 * the list with the case ids: never anything about the resident in the address).
 */
@Controller(REVIEWS_PATH.slice(1))
@MayCall('GET /reviews')
export class ReviewsController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  async list(@Page() page: PageContext, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const cursor = typeof query.cursor === 'string' && CURSOR.test(query.cursor) ? query.cursor : undefined;
    let result = await this.gateway.listReviews(page.accessToken, { cursor });
    if (!result.ok && result.problem.status === 400 && cursor) result = await this.gateway.listReviews(page.accessToken);
    if (!result.ok) throw new PageException(result.problem.status >= 500 ? 503 : result.problem.status, 'Omprövningarna kunde inte visas', 'Omprövningarna kunde inte hämtas just nu. Försök igen om en stund.');
    const outcome = query.utfall === 'KEEP_LOCKED' || query.utfall === 'UNLOCK' ? query.utfall : null;
    const lockCaseId = typeof query.arende === 'string' && UUID.test(query.arende) ? query.arende : null;
    const unlockCaseId = typeof query.upplasning === 'string' && UUID.test(query.upplasning) ? query.upplasning : null;
    const decided: DecidedNotice | null = outcome && lockCaseId ? { outcome, lockCaseId, unlockCaseId } : null;
    const nextHref = result.value.nextCursor ? `${REVIEWS_PATH}?cursor=${encodeURIComponent(result.value.nextCursor)}` : null;
    res.type('html').send(
      layout({ title: 'Omprövningar', user: page.user, csrfToken: page.csrfToken, path: REVIEWS_PATH, main: reviewsView({ list: result.value, continued: cursor !== undefined, decided, nextHref }) }).value,
    );
  }

  @Get(':id/:decision')
  async show(@Page() page: PageContext, @Param('id') id: string, @Param('decision') decision: string, @Res() res: Response): Promise<void> {
    const outcome = outcomeOf(decision);
    const review = await this.openReview(page, id);
    res.type('html').send(this.render(page, review, outcome, blankReviewForm(page.user, new Date(), randomUUID()), { fields: {}, general: [] }));
  }

  @Post(':id/:decision')
  @MayCall('POST /reviews/{id}/decision')
  async decide(@Page() page: PageContext, @Param('id') id: string, @Param('decision') decision: string, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const outcome = outcomeOf(decision);
    const review = await this.openReview(page, id);
    const values = readReviewForm(body);
    if (!/^[0-9a-f-]{36}$/.test(values.idempotencyKey)) values.idempotencyKey = randomUUID();
    const result = await this.gateway.decideReview(page.accessToken, review.id, reviewDecisionFrom(outcome, values), values.idempotencyKey);
    if (result.ok) {
      const query = new URLSearchParams({ utfall: result.value.outcome, arende: result.value.lockCaseId });
      if (result.value.unlockCaseId) query.set('upplasning', result.value.unlockCaseId);
      return res.redirect(303, `${REVIEWS_PATH}?${query}`);
    }
    res.status(result.problem.status >= 500 ? 503 : 422).type('html').send(this.render(page, review, outcome, values, careProblems(result.problem, fieldsOf(outcome))));
  }

  /** The review among the unit's open ones (the API has no single review to read). */
  private async openReview(page: PageContext, id: string): Promise<ReviewView> {
    if (!UUID.test(id)) throw NOT_OPEN;
    let cursor: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const result = await this.gateway.listReviews(page.accessToken, { cursor });
      if (!result.ok) throw new PageException(result.problem.status >= 500 ? 503 : result.problem.status, 'Omprövningen kunde inte visas', 'Omprövningen kunde inte hämtas just nu. Försök igen om en stund.');
      const found = result.value.reviews.find((r) => r.id === id);
      if (found) return found;
      if (!result.value.nextCursor) break;
      cursor = result.value.nextCursor;
    }
    throw NOT_OPEN;
  }

  private render(page: PageContext, review: ReviewView, outcome: ReviewOutcome, values: CareFormValues, problems: FormProblems): string {
    const title = outcome === 'UNLOCK' ? 'Lås upp efter omprövning' : 'Behåll låsningen';
    return layout({
      title: inError(problems) ? `Fel i formuläret: ${title}` : title,
      user: page.user,
      csrfToken: page.csrfToken,
      path: REVIEWS_PATH,
      scripts: ['forms.js'],
      main: reviewDecisionView({ review, outcome, values, problems, csrfToken: page.csrfToken }),
    }).value;
  }
}
