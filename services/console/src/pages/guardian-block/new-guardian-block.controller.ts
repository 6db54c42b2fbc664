import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GatewayClient } from '../../gateway/gateway.client';
import { FormProblems } from '../../gateway/problem-messages';
import { SessionStore } from '../../session/session.store';
import { layout } from '../../views/layout';
import { MayCall, Page, PageContext } from '../page-access';
import { BLOCK_FIELDS, BlockFormValues, blankBlockForm, blockRequestFrom, guardianFormProblems, readBlockForm } from './guardian-block.form';
import { rememberGuardianBlock } from './recent-guardian-blocks';
import { newGuardianBlockView } from './new-guardian-block.view';

export const NEW_GUARDIAN_BLOCK_PATH = '/vardnadshavare/ny-blockering';

/**
 * The contact centre (or the unit head) files a guardian block (R18): GET shows the form; POST sends
 * it and goes on to the block's page (303), or shows the form again with the problems beside their
 * fields. Personnummer travel in the body only.
 */
@Controller(NEW_GUARDIAN_BLOCK_PATH.slice(1))
@MayCall('POST /guardian-blocks')
export class NewGuardianBlockController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly sessions: SessionStore,
  ) {}

  @Get()
  show(@Page() page: PageContext, @Res() res: Response): void {
    // A key per form shown: sending the same form twice files one block (Idempotency-Key).
    res.type('html').send(this.render(page, blankBlockForm(page.user, new Date(), randomUUID()), { fields: {}, general: [] }));
  }

  @Post()
  async submit(@Page() page: PageContext, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const values = readBlockForm(body);
    if (!/^[0-9a-f-]{36}$/.test(values.idempotencyKey)) values.idempotencyKey = randomUUID();
    const result = await this.gateway.createGuardianBlock(page.accessToken, blockRequestFrom(values), values.idempotencyKey);
    if (result.ok) {
      await rememberGuardianBlock(this.sessions, page.session, result.value);
      return res.redirect(303, `/vardnadshavare/${encodeURIComponent(result.value.id)}?klart=registrerad`);
    }
    res.status(result.problem.status >= 500 ? 503 : 422).type('html').send(this.render(page, values, guardianFormProblems(result.problem, BLOCK_FIELDS)));
  }

  private render(page: PageContext, values: BlockFormValues, problems: FormProblems): string {
    const inError = Object.keys(problems.fields).length > 0 || problems.general.length > 0;
    return layout({
      title: inError ? 'Fel i formuläret: Blockera vårdnadshavare' : 'Blockera vårdnadshavare',
      user: page.user,
      csrfToken: page.csrfToken,
      path: NEW_GUARDIAN_BLOCK_PATH,
      scripts: ['forms.js'],
      main: newGuardianBlockView(values, problems, page.csrfToken, NEW_GUARDIAN_BLOCK_PATH),
    }).value;
  }
}
