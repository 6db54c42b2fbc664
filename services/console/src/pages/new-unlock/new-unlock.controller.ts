import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GatewayClient } from '../../gateway/gateway.client';
import { FormProblems } from '../../gateway/problem-messages';
import { layout } from '../../views/layout';
import { CareFormValues, careProblems, inError } from '../care-forms/decision-form';
import { MayCall, Page, PageContext } from '../page-access';
import { UNLOCK_FIELDS, blankUnlockForm, readUnlockForm, unlockRequestFrom } from './new-unlock.form';
import { UNLOCK_PATH, newUnlockView } from './new-unlock.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A clinician (or unit head, medical lead) files a LOGIN_UNLOCK (R10, R11), from the case page of an
 * executed lock (`?las=<case id>`: an id, never a personnummer) or on its own. As the lock form:
 * POST sends it and goes on to the new case (303), or shows the form again with the problems.
 */
@Controller(UNLOCK_PATH.slice(1))
@MayCall('POST /cases')
export class NewUnlockController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  async show(@Page() page: PageContext, @Query('las') lockId: string | undefined, @Res() res: Response): Promise<void> {
    let lock: { id: string; registryNumber: string } | undefined;
    if (typeof lockId === 'string' && UUID.test(lockId)) {
      const found = await this.gateway.getCase(page.accessToken, lockId);
      if (found.ok && found.value.type === 'LOGIN_LOCK') lock = { id: found.value.id, registryNumber: found.value.registryNumber };
    }
    const values = blankUnlockForm(page.user, new Date(), randomUUID(), lock);
    res.type('html').send(this.render(page, values, { fields: {}, general: [] }));
  }

  @Post()
  async submit(@Page() page: PageContext, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const values = readUnlockForm(body);
    if (!/^[0-9a-f-]{36}$/.test(values.idempotencyKey)) values.idempotencyKey = randomUUID();
    if (values.extra.relatedCaseId && !UUID.test(values.extra.relatedCaseId)) values.extra = {};
    const result = await this.gateway.createCase(page.accessToken, unlockRequestFrom(values), values.idempotencyKey);
    if (result.ok) return res.redirect(303, `/arenden/${encodeURIComponent(result.value.id)}`);
    res.status(result.problem.status >= 500 ? 503 : 422).type('html').send(this.render(page, values, careProblems(result.problem, UNLOCK_FIELDS)));
  }

  private render(page: PageContext, values: CareFormValues, problems: FormProblems): string {
    return layout({
      title: inError(problems) ? 'Fel i formuläret: Begär upplåsning' : 'Begär upplåsning',
      user: page.user,
      csrfToken: page.csrfToken,
      path: UNLOCK_PATH,
      scripts: ['forms.js'],
      main: newUnlockView(values, problems, page.csrfToken),
    }).value;
  }
}
