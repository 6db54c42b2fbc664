import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { REGISTRY_NUMBER } from '@accessdesk/contracts';
import { GatewayClient } from '../../gateway/gateway.client';
import { layout } from '../../views/layout';
import { MayCall, Page, PageContext, PageException } from '../page-access';
import { SEARCH_PATH, caseSearchView, normaliseRegistryNumber } from './case-search.view';

/**
 * Find a case by its registry number (GET /api/v1/cases?registryNumber=…): an exact hit goes to the
 * case page (303); no hit, or several, is shown in the POST's own answer.
 */
@Controller(SEARCH_PATH.slice(1))
@MayCall('GET /cases')
export class CaseSearchController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  show(@Page() page: PageContext, @Res() res: Response): void {
    this.send(page, res, 200, { value: '' });
  }

  @Post()
  async search(@Page() page: PageContext, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const raw = typeof body.diarienummer === 'string' ? body.diarienummer : '';
    const value = normaliseRegistryNumber(raw);
    // Anything else (a personnummer typed by mistake included) is neither sent on nor shown again.
    if (!REGISTRY_NUMBER.test(value)) return this.send(page, res, 422, { value: '', error: 'Ange ett diarienummer, till exempel VGR-2026-000123.' });
    const result = await this.gateway.findCaseByRegistryNumber(page.accessToken, value);
    if (!result.ok) {
      throw new PageException(result.problem.status >= 500 ? 503 : result.problem.status, 'Sökningen kunde inte göras', 'Ärendena kunde inte hämtas just nu. Försök igen om en stund.');
    }
    const [first, ...others] = result.value.items;
    if (first && others.length === 0) return res.redirect(303, `/arenden/${encodeURIComponent(first.id)}`);
    this.send(page, res, 200, { value, items: result.value.items });
  }

  private send(page: PageContext, res: Response, status: number, o: Omit<Parameters<typeof caseSearchView>[0], 'csrfToken'>): void {
    res
      .status(status)
      .type('html')
      .send(
        layout({
          title: o.error ? 'Fel i sökningen: Hitta ärende' : 'Hitta ärende',
          user: page.user,
          csrfToken: page.csrfToken,
          path: SEARCH_PATH,
          scripts: ['forms.js'],
          main: caseSearchView({ ...o, csrfToken: page.csrfToken }),
        }).value,
      );
  }
}
