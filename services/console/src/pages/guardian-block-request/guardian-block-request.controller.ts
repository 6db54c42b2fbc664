import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { mayCall } from '@accessdesk/access';
import { GatewayClient } from '../../gateway/gateway.client';
import { FormProblems } from '../../gateway/problem-messages';
import { layout } from '../../views/layout';
import { careProblems, inError } from '../care-forms/decision-form';
import { MayCall, Page, PageContext, PageException } from '../page-access';
import { GUARDIAN_BLOCK_FIELDS, GUARDIAN_BLOCK_MESSAGES, GuardianBlockFormValues, blankGuardianBlockForm, guardianBlockRequestFrom, readGuardianBlockForm } from './guardian-block-request.form';
import { GUARDIAN_BLOCK_PATH, guardianBlockFormView, guardianBlockGuidanceView } from './guardian-block-request.view';


/**
 * The unit head's guardian block (R18, 002: the unit head's own decision, on the e-form). POST
 * /guardian-blocks is the unit head's and the contact centre's; the contact centre takes blocks
 * phoned in on its own form (pages/guardian-block, `ny-blockering`). A clinician or medical lead may
 * not file one (R1): the same address shows them what the routine has them do instead (ask the unit
 * head). Anyone else: 403. A block filed here is followed on the block page (`/vardnadshavare/{id}`).
 */
@Controller('vardnadshavare')
export class GuardianBlockRequestController {
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
