import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { CaseView } from '@accessdesk/contracts';
import { GatewayClient, GatewayResult } from '../../gateway/gateway.client';
import { problemsForForm } from '../../gateway/problem-messages';
import { layout } from '../../views/layout';
import { toLocalInput } from '../new-lock/new-lock.form';
import { MayCall, Page, PageContext, PageException } from '../page-access';
import {
  DESK_ACTIONS,
  DeskAction,
  DeskForm,
  FIELDS_OF,
  completionRequestFrom,
  paperworkRequestFrom,
  readDeskForm,
  registryReferenceRequestFrom,
  verificationRequestFrom,
  voidRequestFrom,
} from './case-desk.form';
import { ACTION_TITLES, deskBase, deskFormView, deskOverview } from './case-desk.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = new PageException(404, 'Ärendet finns inte', 'Ärendet finns inte, eller så har du inte behörighet att se det.');
const NO_SUCH_ACTION = new PageException(404, 'Sidan finns inte', 'Det finns ingen sådan åtgärd på ärendet.');

/**
 * The service desk's actions on a case, a page each: verification, the form after an emergency lock,
 * completion after a return, void and the registry reference. The overview offers what fits the case
 * now; the gateway decides (its problems are shown beside the fields, in Swedish).
 */
@Controller('arenden/:id/servicedesk')
@MayCall('POST /cases/{id}/verification')
export class CaseDeskController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  async overview(@Page() page: PageContext, @Param('id') id: string, @Query('klart') klart: unknown, @Res() res: Response): Promise<void> {
    const c = await this.caseOf(page, id);
    const done = typeof klart === 'string' && (DESK_ACTIONS as readonly string[]).includes(klart) ? (klart as DeskAction) : null;
    res.type('html').send(layout({ title: `Servicedeskens åtgärder: ${c.registryNumber}`, user: page.user, csrfToken: page.csrfToken, path: page.path, main: deskOverview(c, done) }).value);
  }

  @Get(':action')
  async show(@Page() page: PageContext, @Param('id') id: string, @Param('action') action: string, @Res() res: Response): Promise<void> {
    const a = actionOf(action);
    const c = await this.caseOf(page, id);
    res.type('html').send(this.render(page, a, c, blankForm(a), { fields: {}, general: [] }));
  }

  @Post(':action')
  async submit(@Page() page: PageContext, @Param('id') id: string, @Param('action') action: string, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const a = actionOf(action);
    if (!UUID.test(id)) throw NOT_FOUND;
    const form = readDeskForm(a, body);
    const result = await this.send(page, a, id, form);
    if (result.ok) return res.redirect(303, `${deskBase({ id })}?klart=${a}`);
    if (result.problem.status === 404) throw NOT_FOUND;
    const c = await this.caseOf(page, id);
    res.status(result.problem.status >= 500 ? 503 : 422).type('html').send(this.render(page, a, c, form, problemsForForm(result.problem, FIELDS_OF[a])));
  }

  private async send(page: PageContext, a: DeskAction, id: string, form: DeskForm): Promise<GatewayResult<CaseView>> {
    const token = page.accessToken;
    switch (a) {
      case 'verifiering':
        return this.gateway.recordVerification(token, id, verificationRequestFrom(form));
      case 'blankett': {
        const c = await this.caseOf(page, id);
        return this.gateway.recordPaperwork(token, id, paperworkRequestFrom(form, c.paperworkSender === 'RESIDENT'));
      }
      case 'komplettering':
        return this.gateway.completeCase(token, id, completionRequestFrom(form));
      case 'makulera':
        return this.gateway.voidCase(token, id, voidRequestFrom(form));
      case 'diarienummer':
        return this.gateway.recordRegistryReference(token, id, registryReferenceRequestFrom(form));
    }
  }

  private async caseOf(page: PageContext, id: string): Promise<CaseView> {
    if (!UUID.test(id)) throw NOT_FOUND;
    const result = await this.gateway.getCase(page.accessToken, id);
    if (result.ok) return result.value;
    if (result.problem.status === 404) throw NOT_FOUND;
    throw new PageException(result.problem.status >= 500 ? 503 : result.problem.status, 'Ärendet kunde inte visas', 'Ärendet kunde inte hämtas just nu. Försök igen om en stund.');
  }

  private render(page: PageContext, a: DeskAction, c: CaseView, form: DeskForm, problems: ReturnType<typeof problemsForForm>): string {
    const inError = Object.keys(problems.fields).length > 0 || problems.general.length > 0;
    return layout({
      title: `${inError ? 'Fel i formuläret: ' : ''}${ACTION_TITLES[a]} – ${c.registryNumber}`,
      user: page.user,
      csrfToken: page.csrfToken,
      path: page.path,
      scripts: ['forms.js'],
      main: deskFormView({ action: a, c, form, problems, csrfToken: page.csrfToken }),
    }).value;
  }
}

function actionOf(action: string): DeskAction {
  if (!(DESK_ACTIONS as readonly string[]).includes(action)) throw NO_SUCH_ACTION;
  return action as DeskAction;
}

/** A new form: the times as now (Swedish time), the registry system as Plexus. */
function blankForm(a: DeskAction): DeskForm {
  const now = toLocalInput(new Date());
  const values: Record<DeskAction, Record<string, string>> = {
    verifiering: { calledAt: now },
    blankett: { receivedAt: now },
    komplettering: { 'emergencyCall.callBack.calledAt': now },
    makulera: {},
    diarienummer: { system: 'Plexus' },
  };
  return { values: values[a], reasons: [] };
}
