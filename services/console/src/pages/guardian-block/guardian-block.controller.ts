import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { mayCall } from '@accessdesk/access';
import type { GuardianBlockView } from '@accessdesk/contracts';
import { GatewayClient, GatewayResult } from '../../gateway/gateway.client';
import { FormProblems } from '../../gateway/problem-messages';
import { SessionStore } from '../../session/session.store';
import { layout } from '../../views/layout';
import { MayCall, Page, PageContext, PageException } from '../page-access';
import { UNBLOCK_FIELDS, UnblockFormValues, blankUnblockForm, guardianFormProblems, readUnblockForm, unblockRequestFrom } from './guardian-block.form';
import { guardianBlockView, mayBeLifted } from './guardian-block.view';
import { rememberGuardianBlock } from './recent-guardian-blocks';
import { unblockView } from './unblock.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = new PageException(404, 'Blockeringen finns inte', 'Blockeringen finns inte, eller så har du inte behörighet att se den.');

/** Said after a redirect (post/redirect/get): a word in the query, never anything about the person. */
const MESSAGES: Record<string, string> = {
  klar: 'Uppgiften är markerad som klar.',
  havd: 'Begäran om att häva blockeringen är skickad.',
  registrerad: 'Blockeringen är registrerad.',
};

/**
 * A guardian block (GET /api/v1/guardian-blocks/{id}), its follow-up tasks marked done through a form
 * (the console's POST calls the API's PATCH) and the unblock with the threat check (R19).
 */
@Controller('vardnadshavare')
@MayCall('GET /guardian-blocks/{id}')
export class GuardianBlockController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly sessions: SessionStore,
  ) {}

  @Get(':id')
  async show(@Page() page: PageContext, @Param('id') id: string, @Query('klart') done: string | undefined, @Res() res: Response): Promise<void> {
    const block = this.found(await this.gateway.getGuardianBlock(page.accessToken, this.checked(id)));
    // Polls of case-refresh.js do not count as opening the block.
    if (res.req.get('X-Console-Poll') !== '1') await rememberGuardianBlock(this.sessions, page.session, block);
    const roles = page.user.roles;
    res.type('html').send(
      layout({
        title: `Blockering ${block.registryNumber}`,
        user: page.user,
        csrfToken: page.csrfToken,
        path: page.path,
        scripts: ['case-refresh.js', 'copy-text.js'],
        main: guardianBlockView(block, {
          csrfToken: page.csrfToken,
          mayDoTasks: mayCall('PATCH /guardian-blocks/{id}/tasks/{taskId}', roles),
          mayUnblock: mayCall('POST /guardian-blocks/{id}/unblock', roles),
          mayOpenCase: mayCall('GET /cases/{id}', roles),
          message: done === undefined ? undefined : MESSAGES[done],
        }),
      }).value,
    );
  }

  @Post(':id/uppgifter/:taskId')
  @MayCall('PATCH /guardian-blocks/{id}/tasks/{taskId}')
  async completeTask(@Page() page: PageContext, @Param('id') id: string, @Param('taskId') taskId: string, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const note = typeof body.note === 'string' && body.note.trim() !== '' ? body.note.trim().slice(0, 2000) : undefined;
    const result = await this.gateway.completeGuardianTask(page.accessToken, this.checked(id), this.checked(taskId), note);
    if (!result.ok && result.problem.status === 404) throw new PageException(404, 'Uppgiften finns inte', 'Blockeringen eller uppgiften finns inte, eller så har du inte behörighet till den.');
    this.found(result);
    res.redirect(303, `/vardnadshavare/${id}?klart=klar#uppgifter`);
  }

  @Get(':id/hav-blockering')
  @MayCall('POST /guardian-blocks/{id}/unblock')
  async showUnblock(@Page() page: PageContext, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const block = this.found(await this.gateway.getGuardianBlock(page.accessToken, this.checked(id)));
    if (!mayBeLifted(block)) throw new PageException(409, 'Blockeringen kan inte hävas', 'Blockeringen är inte i kraft, så det finns ingen blockering att häva.');
    res.type('html').send(this.renderUnblock(page, block, blankUnblockForm(page.user, new Date(), randomUUID()), { fields: {}, general: [] }));
  }

  @Post(':id/hav-blockering')
  @MayCall('POST /guardian-blocks/{id}/unblock')
  async unblock(@Page() page: PageContext, @Param('id') id: string, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const values = readUnblockForm(body);
    if (!/^[0-9a-f-]{36}$/.test(values.idempotencyKey)) values.idempotencyKey = randomUUID();
    const result = await this.gateway.unblockGuardians(page.accessToken, this.checked(id), unblockRequestFrom(values), values.idempotencyKey);
    if (result.ok) return res.redirect(303, `/vardnadshavare/${id}?klart=havd`);
    if (result.problem.status === 404) throw NOT_FOUND;
    const block = this.found(await this.gateway.getGuardianBlock(page.accessToken, id));
    res.status(result.problem.status >= 500 ? 503 : 422).type('html').send(this.renderUnblock(page, block, values, guardianFormProblems(result.problem, UNBLOCK_FIELDS)));
  }

  private renderUnblock(page: PageContext, block: GuardianBlockView, values: UnblockFormValues, problems: FormProblems): string {
    const inError = Object.keys(problems.fields).length > 0 || problems.general.length > 0;
    return layout({
      title: `${inError ? 'Fel i formuläret: ' : ''}Häv blockering ${block.registryNumber}`,
      user: page.user,
      csrfToken: page.csrfToken,
      path: page.path,
      scripts: ['forms.js'],
      main: unblockView(block, values, problems, page.csrfToken),
    }).value;
  }

  private checked(id: string): string {
    if (!UUID.test(id)) throw NOT_FOUND;
    return id;
  }

  private found(result: GatewayResult<GuardianBlockView>): GuardianBlockView {
    if (result.ok) return result.value;
    if (result.problem.status === 404) throw NOT_FOUND;
    if (result.problem.status === 403) throw new PageException(403, 'Du har inte behörighet', 'Din roll eller enhet ger inte tillgång till den här blockeringen.');
    throw new PageException(result.problem.status >= 500 ? 503 : result.problem.status, 'Blockeringen kunde inte visas', 'Blockeringen kunde inte hämtas eller ändras just nu. Försök igen om en stund.');
  }
}
