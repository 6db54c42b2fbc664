import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { mayCall } from '@accessdesk/access';
import { GatewayClient } from '../../gateway/gateway.client';
import { layout } from '../../views/layout';
import { MayCall, Page, PageContext, PageException } from '../page-access';
import { caseView } from './case.view';
import { html } from '../../views/html';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = new PageException(404, 'Ärendet finns inte', 'Ärendet finns inte, eller så har du inte behörighet att se det.');

/** A case page: GET /api/v1/cases/{id} with the person's token (the gateway audits the read). */
@Controller('arenden')
@MayCall('GET /cases/{id}')
export class CaseController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get(':id')
  async show(@Page() page: PageContext, @Param('id') id: string, @Res() res: Response): Promise<void> {
    if (!UUID.test(id)) throw NOT_FOUND;
    const result = await this.gateway.getCase(page.accessToken, id);
    if (!result.ok) {
      if (result.problem.status === 404) throw NOT_FOUND;
      throw new PageException(result.problem.status >= 500 ? 503 : result.problem.status, 'Ärendet kunde inte visas', 'Ärendet kunde inte hämtas just nu. Försök igen om en stund.');
    }
    res.type('html').send(
      layout({
        title: `Ärende ${result.value.registryNumber}`,
        user: page.user,
        csrfToken: page.csrfToken,
        path: page.path,
        scripts: ['case-refresh.js'],
        main: html`${caseView(result.value, { mayFile: mayCall('POST /cases', page.user.roles) && page.user.roles.some((r) => r === 'clinician' || r === 'unit_head' || r === 'medical_lead') })}${mayCall('POST /cases/{id}/verification', page.user.roles)
          ? html`<section aria-labelledby="s-desk" class="panel"><h2 id="s-desk">Servicedesken</h2><p><a href="/arenden/${result.value.id}/servicedesk">Servicedeskens åtgärder</a>: verifiering, blankett, komplettering, makulering och diarienummer.</p></section>`
          : null}`,
      }).value,
    );
  }
}
