import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { mayCall } from '@accessdesk/access';
import { GatewayClient } from '../../gateway/gateway.client';
import { FormProblems } from '../../gateway/problem-messages';
import { layout } from '../../views/layout';
import { careProblems, inError } from '../care-forms/decision-form';
import { MayCall, Page, PageContext, PageException } from '../page-access';
import { GUARDIAN_BLOCK_FIELDS, GUARDIAN_BLOCK_MESSAGES, GuardianBlockFormValues, blankGuardianBlockForm, guardianBlockRequestFrom, readGuardianBlockForm } from './guardian-block.form';
import { GUARDIAN_BLOCK_PATH, guardianBlockFormView, guardianBlockGuidanceView, guardianBlockReceiptView } from './guardian-block.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = new PageException(404, 'Blockeringen finns inte', 'Blockeringen finns inte, eller så har du inte behörighet att se den.');

/**
 * The guardian block (R18, 002). POST /guardian-blocks is the unit head's (and the contact centre's,
 * for a request phoned in): they get the form. A clinician or medical lead may not file it (R1): the
 * same address shows them what the routine has them do instead (ask the unit head). Anyone else: 403.
 */
@Controller('vardnadshavare')
export class GuardianBlockController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get('blockera')
  show(@Page() page: PageContext, @Res() res: Response): void {
    if (mayCall('POST /guardian-blocks', page.user.roles)) {
      res.type('html').send(this.render(page, blankGuardianBlockForm(page.user, new Date(), randomUUID()), { fields: {}, general: [] }));
      return;
    }
    if (!page.user.roles.some((r) => r === 'clinician' || r === 'medical_lead')) {
      throw new PageException(403, 'Du har inte behörighet till sidan', 'Din roll ger inte tillgång till den här sidan. Välj något i menyn.');
    }
    res.type('html').send(layout({ title: 'Blockera vårdnadshavare', user: page.user, csrfToken: page.csrfToken, path: GUARDIAN_BLOCK_PATH, main: guardianBlockGuidanceView() }).value);
  }

  @Post('blockera')
  @MayCall('POST /guardian-blocks')
  async submit(@Page() page: PageContext, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const values = readGuardianBlockForm(body);
    if (!/^[0-9a-f-]{36}$/.test(values.idempotencyKey)) values.idempotencyKey = randomUUID();
    const result = await this.gateway.createGuardianBlock(page.accessToken, guardianBlockRequestFrom(values), values.idempotencyKey);
    if (result.ok) return res.redirect(303, `/vardnadshavare/${encodeURIComponent(result.value.id)}`);
    res.status(result.problem.status >= 500 ? 503 : 422).type('html').send(this.render(page, values, careProblems(result.problem, GUARDIAN_BLOCK_FIELDS, GUARDIAN_BLOCK_MESSAGES)));
  }

  @Get(':id')
  @MayCall('GET /guardian-blocks/{id}')
  async receipt(@Page() page: PageContext, @Param('id') id: string, @Res() res: Response): Promise<void> {
    if (!UUID.test(id)) throw NOT_FOUND;
    const result = await this.gateway.getGuardianBlock(page.accessToken, id);
    if (!result.ok) {
      if (result.problem.status === 404) throw NOT_FOUND;
      throw new PageException(result.problem.status >= 500 ? 503 : result.problem.status, 'Blockeringen kunde inte visas', 'Blockeringen kunde inte hämtas just nu. Försök igen om en stund.');
    }
    res.type('html').send(layout({ title: `Blockering ${result.value.registryNumber}`, user: page.user, csrfToken: page.csrfToken, path: page.path, main: guardianBlockReceiptView(result.value) }).value);
  }

  private render(page: PageContext, values: GuardianBlockFormValues, problems: FormProblems): string {
    return layout({
      title: inError(problems) ? 'Fel i formuläret: Blockera vårdnadshavare' : 'Blockera vårdnadshavare',
      user: page.user,
      csrfToken: page.csrfToken,
      path: GUARDIAN_BLOCK_PATH,
      scripts: ['forms.js'],
      main: guardianBlockFormView(values, problems, page.csrfToken),
    }).value;
  }
}
