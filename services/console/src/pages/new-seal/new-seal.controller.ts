import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GatewayClient } from '../../gateway/gateway.client';
import { FormProblems } from '../../gateway/problem-messages';
import { layout } from '../../views/layout';
import { CareFormValues, careProblems, inError } from '../care-forms/decision-form';
import { MayCall, Page, PageContext } from '../page-access';
import { SEAL_FIELDS, SEAL_MESSAGES, blankSealForm, readSealForm, sealRequestFrom } from './new-seal.form';
import { SEAL_PATH, newSealView } from './new-seal.view';

/**
 * A clinician (or unit head, medical lead) files a JOURNAL_SEAL (R21): the lock form's machinery with
 * the seal's scope. POST sends it and goes on to the new case (303), or shows the form with the problems.
 */
@Controller(SEAL_PATH.slice(1))
@MayCall('POST /cases')
export class NewSealController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  show(@Page() page: PageContext, @Res() res: Response): void {
    res.type('html').send(this.render(page, blankSealForm(page.user, new Date(), randomUUID()), { fields: {}, general: [] }));
  }

  @Post()
  async submit(@Page() page: PageContext, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const values = readSealForm(body);
    if (!/^[0-9a-f-]{36}$/.test(values.idempotencyKey)) values.idempotencyKey = randomUUID();
    const result = await this.gateway.createCase(page.accessToken, sealRequestFrom(values), values.idempotencyKey);
    if (result.ok) return res.redirect(303, `/arenden/${encodeURIComponent(result.value.id)}`);
    res.status(result.problem.status >= 500 ? 503 : 422).type('html').send(this.render(page, values, careProblems(result.problem, SEAL_FIELDS, SEAL_MESSAGES)));
  }

  private render(page: PageContext, values: CareFormValues, problems: FormProblems): string {
    return layout({
      title: inError(problems) ? 'Fel i formuläret: Begär försegling' : 'Begär försegling',
      user: page.user,
      csrfToken: page.csrfToken,
      path: SEAL_PATH,
      scripts: ['forms.js'],
      main: newSealView(values, problems, page.csrfToken),
    }).value;
  }
}
