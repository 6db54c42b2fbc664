import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GatewayClient } from '../../gateway/gateway.client';
import { problemsForForm } from '../../gateway/problem-messages';
import { layout } from '../../views/layout';
import { MayCall, Page, PageContext } from '../page-access';
import { LOCK_FIELDS, blankLockForm, lockRequestFrom, readLockForm } from './new-lock.form';
import { newLockView } from './new-lock.view';

const PATH = '/arenden/ny-lasning';

/**
 * A clinician files a LOGIN_LOCK: the pattern of every form page. GET shows the form; POST sends it to
 * the gateway and either goes on to the case page (303) or shows the form again with the problems
 * beside their fields (the personnummer travels in the body only, never in a URL).
 */
@Controller(PATH.slice(1))
@MayCall('POST /cases')
export class NewLockController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  show(@Page() page: PageContext, @Res() res: Response): void {
    // A key per form shown: sending the same form twice files one case (Idempotency-Key).
    const values = blankLockForm(page.user, new Date(), randomUUID());
    res.type('html').send(this.render(page, values, { fields: {}, general: [] }));
  }

  @Post()
  async submit(@Page() page: PageContext, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const values = readLockForm(body);
    if (!/^[0-9a-f-]{36}$/.test(values.idempotencyKey)) values.idempotencyKey = randomUUID();
    const result = await this.gateway.createCase(page.accessToken, lockRequestFrom(values), values.idempotencyKey);
    if (result.ok) return res.redirect(303, `/arenden/${encodeURIComponent(result.value.id)}`);
    res.status(result.problem.status >= 500 ? 503 : 422).type('html').send(this.render(page, values, problemsForForm(result.problem, LOCK_FIELDS)));
  }

  private render(page: PageContext, values: ReturnType<typeof readLockForm>, problems: ReturnType<typeof problemsForForm>): string {
    const inError = Object.keys(problems.fields).length > 0 || problems.general.length > 0;
    return layout({
      title: inError ? 'Fel i formuläret: Begär låsning' : 'Begär låsning',
      user: page.user,
      csrfToken: page.csrfToken,
      path: PATH,
      scripts: ['forms.js'],
      main: newLockView(values, problems, page.csrfToken),
    }).value;
  }
}
