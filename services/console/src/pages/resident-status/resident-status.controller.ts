import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GatewayClient } from '../../gateway/gateway.client';
import { FormProblems, problemsForForm } from '../../gateway/problem-messages';
import { layout } from '../../views/layout';
import { MayCall, Page, PageContext } from '../page-access';
import { STATUS_FIELDS, STATUS_PATH, residentStatusView } from './resident-status.view';

/**
 * A resident's status (POST /api/v1/residents/status): asked by a form, answered in the POST's own
 * response. The personnummer is never in a URL, never kept in the session, never redirected with.
 */
@Controller(STATUS_PATH.slice(1))
@MayCall('POST /residents/status')
export class ResidentStatusController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  show(@Page() page: PageContext, @Res() res: Response): void {
    res.type('html').send(this.render(page, '', { fields: {}, general: [] }, null));
  }

  @Post()
  async ask(@Page() page: PageContext, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const value = typeof body.personnummer === 'string' ? body.personnummer.trim() : '';
    const result = await this.gateway.residentStatus(page.accessToken, value.replace(/[-+\s]/g, ''));
    if (result.ok) return void res.type('html').send(this.render(page, value, { fields: {}, general: [] }, result.value));
    res.status(result.problem.status >= 500 ? 503 : 422).type('html').send(this.render(page, value, problemsForForm(result.problem, STATUS_FIELDS), null));
  }

  private render(page: PageContext, value: string, problems: FormProblems, status: Parameters<typeof residentStatusView>[0]['status']): string {
    const inError = Object.keys(problems.fields).length > 0 || problems.general.length > 0;
    return layout({
      title: inError ? 'Fel i formuläret: Invånarens status' : 'Invånarens status',
      user: page.user,
      csrfToken: page.csrfToken,
      path: STATUS_PATH,
      scripts: ['forms.js'],
      main: residentStatusView({ value, problems, status, csrfToken: page.csrfToken }),
    }).value;
  }
}
