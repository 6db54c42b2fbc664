import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CASE_STATUSES, CaseStatus } from '@accessdesk/contracts';
import { GatewayClient } from '../../gateway/gateway.client';
import { layout } from '../../views/layout';
import { MayCall, Page, PageContext, PageException } from '../page-access';
import { UNIT_CASES_PATH, unitCasesView } from './unit-cases.view';

/**
 * "Enhetens ärenden": GET /api/v1/cases?unit=<the person's unit>&status=&cursor= with the person's
 * token (the gateway lists only what the person may see and audits the page).
 */
@Controller(UNIT_CASES_PATH.slice(1))
@MayCall('GET /cases')
export class UnitCasesController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  async show(@Page() page: PageContext, @Query('status') statusParam: unknown, @Query('cursor') cursorParam: unknown, @Res() res: Response): Promise<void> {
    const status = CASE_STATUSES.find((s) => s === statusParam) as CaseStatus | undefined;
    const cursor = typeof cursorParam === 'string' && /^[A-Za-z0-9_-]{1,2000}$/.test(cursorParam) ? cursorParam : undefined;
    if (!page.user.unit) throw new PageException(403, 'Du har ingen enhet', 'Din inloggning anger ingen vårdenhet, så det finns inga enhetens ärenden att visa.');
    let result = await this.gateway.listCases(page.accessToken, { unit: page.user.unit, status, cursor });
    // A cursor from an old link that no longer holds: start over from the newest.
    if (!result.ok && result.problem.status === 400 && cursor) result = await this.gateway.listCases(page.accessToken, { unit: page.user.unit, status });
    if (!result.ok) {
      throw new PageException(result.problem.status >= 500 ? 503 : result.problem.status, 'Ärendena kunde inte visas', 'Ärendena kunde inte hämtas just nu. Försök igen om en stund.');
    }
    const unitName = result.value.items[0]?.requestingUnit.name ?? null;
    res.type('html').send(
      layout({
        title: 'Enhetens ärenden',
        user: page.user,
        csrfToken: page.csrfToken,
        path: UNIT_CASES_PATH,
        main: unitCasesView({ list: result.value, status, continued: cursor !== undefined, unitName }),
      }).value,
    );
  }
}
