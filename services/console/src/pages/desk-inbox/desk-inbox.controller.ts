import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { WORK_ITEM_KINDS, WorkItemKind, WorkItemView } from '@accessdesk/contracts';
import { GatewayClient } from '../../gateway/gateway.client';
import { problemsForForm } from '../../gateway/problem-messages';
import { layout } from '../../views/layout';
import { WORK_ITEM_KIND_LABELS } from '../../views/labels';
import { toLocalInput } from '../new-lock/new-lock.form';
import { MayCall, Page, PageContext, PageException } from '../page-access';
import { WORK_ITEM_FIELDS, WorkItemFormValues, inboxGroups, readWorkItemForm, workItemRequestFrom } from './desk-inbox.form';
import { INBOX_PATH, inboxView, itemView } from './desk-inbox.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^[A-Za-z0-9_-]{1,2000}$/;
/** Items a page of the inbox shows; more → "Visa fler". */
const PAGE_SIZE = 100;
/** Pages read to find one open item by its id (the API has no GET /work-items/{id}). */
const PAGES_SEARCHED = 20;
const ITEM_GONE = new PageException(404, 'Arbetsuppgiften finns inte', 'Arbetsuppgiften finns inte bland de öppna i din inkorg: den kan redan vara klar.');

/**
 * The service desk's inbox (GET /api/v1/work-items) and one item with what to do in the staff tool
 * and the form that records what the tool showed (POST /api/v1/work-items/{id}/complete). The page
 * is the desk's: the contact centre's own inbox is its own page (so `@MayCall` names an endpoint only
 * the service desk may call; the gateway checks the inbox's own roles on every call).
 */
@Controller(INBOX_PATH.slice(1))
@MayCall('POST /cases/{id}/verification')
export class DeskInboxController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  async list(
    @Page() page: PageContext,
    @Query('slag') slag: unknown,
    @Query('fran') fran: unknown,
    @Query('antal') antal: unknown,
    @Query('klar') klar: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const kind = typeof slag === 'string' && (WORK_ITEM_KINDS as readonly string[]).includes(slag) ? (slag as WorkItemKind) : null;
    const cursor = typeof fran === 'string' && CURSOR.test(fran) ? fran : undefined;
    // `antal`: a shorter page when asked for (1–100).
    const size = typeof antal === 'string' && /^\d{1,3}$/.test(antal) && Number(antal) >= 1 && Number(antal) <= PAGE_SIZE ? Number(antal) : PAGE_SIZE;
    const result = await this.gateway.listWorkItems(page.accessToken, { status: 'OPEN', kind: kind ?? undefined, limit: size, cursor });
    if (!result.ok) {
      if (result.problem.status === 400 && cursor) return res.redirect(303, INBOX_PATH);
      throw new PageException(result.problem.status >= 500 ? 503 : result.problem.status, 'Inkorgen kunde inte visas', 'Arbetsuppgifterna kunde inte hämtas just nu. Försök igen om en stund.');
    }
    const { items, nextCursor, truncated } = result.value;
    const more = truncated && nextCursor ? `${INBOX_PATH}?${new URLSearchParams({ ...(kind ? { slag: kind } : {}), ...(size === PAGE_SIZE ? {} : { antal: String(size) }), fran: nextCursor }).toString()}` : null;
    const done = typeof klar === 'string' && /^[A-Z0-9_-]{1,60}$/.test(klar) ? `Arbetsuppgiften för ärende ${klar} är kvitterad.` : null;
    res.type('html').send(
      layout({
        title: kind ? `Inkorg: ${WORK_ITEM_KIND_LABELS[kind]}` : 'Inkorg',
        user: page.user,
        csrfToken: page.csrfToken,
        path: INBOX_PATH,
        main: inboxView({ groups: inboxGroups(items), count: items.length, kind, moreHref: more, done, csrfToken: page.csrfToken, now: new Date() }),
      }).value,
    );
  }

  @Get(':id')
  async show(@Page() page: PageContext, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const item = await this.findOpen(page, id);
    res.type('html').send(this.render(page, item, { mode: 'result', executedAt: toLocalInput(new Date()) }, { fields: {}, general: [] }));
  }

  @Post(':id')
  async complete(@Page() page: PageContext, @Param('id') id: string, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    if (!UUID.test(id)) throw ITEM_GONE;
    const values = readWorkItemForm(body);
    const result = await this.gateway.completeWorkItem(page.accessToken, id, workItemRequestFrom(values));
    if (result.ok) return res.redirect(303, `${INBOX_PATH}?klar=${encodeURIComponent(result.value.registryNumber)}`);
    if (result.problem.status === 404) throw ITEM_GONE;
    const item = await this.findOpen(page, id);
    res.status(result.problem.status >= 500 ? 503 : 422).type('html').send(this.render(page, item, values, problemsForForm(result.problem, WORK_ITEM_FIELDS)));
  }

  /** An open item of the caller's inbox, by id: read page by page (the gateway narrows to the caller's desk and region). */
  private async findOpen(page: PageContext, id: string): Promise<WorkItemView> {
    if (!UUID.test(id)) throw ITEM_GONE;
    let cursor: string | undefined;
    for (let n = 0; n < PAGES_SEARCHED; n++) {
      const result = await this.gateway.listWorkItems(page.accessToken, { status: 'OPEN', cursor });
      if (!result.ok) throw new PageException(result.problem.status >= 500 ? 503 : result.problem.status, 'Arbetsuppgiften kunde inte visas', 'Inkorgen kunde inte hämtas just nu. Försök igen om en stund.');
      const found = result.value.items.find((i) => i.id === id);
      if (found) return found;
      if (!result.value.nextCursor) break;
      cursor = result.value.nextCursor;
    }
    throw ITEM_GONE;
  }

  private render(page: PageContext, item: WorkItemView, values: WorkItemFormValues, problems: ReturnType<typeof problemsForForm>): string {
    const inError = Object.keys(problems.fields).length > 0 || problems.general.length > 0;
    return layout({
      title: `${inError ? 'Fel i formuläret: ' : ''}${item.title}`,
      user: page.user,
      csrfToken: page.csrfToken,
      path: INBOX_PATH,
      scripts: ['forms.js'],
      main: itemView({ item, values, problems, csrfToken: page.csrfToken, now: new Date() }),
    }).value;
  }
}
