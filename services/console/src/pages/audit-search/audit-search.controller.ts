import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CURSOR } from '@accessdesk/contracts';
import { ConsoleConfig } from '../../console.config';
import { AuditQuery, GatewayClient } from '../../gateway/gateway.client';
import { FormProblems } from '../../gateway/problem-messages';
import { layout } from '../../views/layout';
import { MayCall, Page, PageContext } from '../page-access';
import { AuditFormValues, auditProblems, auditQueryFrom, readAuditForm, registryNumberOf, searchLink } from './audit-search.form';
import { AuditSearchPage, SEARCH_PATH, auditSearchView } from './audit-search.view';

/** The headers of the gateway's extract that the browser gets too. */
const PASSED_ON = ['content-type', 'content-disposition', 'x-truncated', 'x-next-cursor'];

/**
 * The auditor's search of the trail (R23). One form that POSTs: a resident's search (personnummer)
 * is answered in the POST's own response, so the number never reaches a URL; any other search is
 * redirected (303) to its GET link, which can be reloaded and continued ("Visa fler") as a link.
 * The CSV extract streams the gateway's file to the browser, by GET for a link and by POST for a resident.
 */
@Controller(SEARCH_PATH.slice(1))
@MayCall('GET /audit')
export class AuditSearchController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly config: ConsoleConfig,
  ) {}

  @Get()
  async show(@Page() page: PageContext, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const values = readAuditForm({ ...query, personnummer: undefined });
    if (Object.keys(values).length === 0) return this.send(res, page, { values, problems: NONE, csrfToken: page.csrfToken });
    await this.search(res, page, values, cursorOf(query.cursor));
  }

  @Post()
  @MayCall('POST /audit/search')
  async submit(@Page() page: PageContext, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const values = readAuditForm(body);
    if (values.personnummer === undefined) {
      const checked = auditQueryFrom(values);
      if ('problems' in checked) return this.send(res, page, { values, problems: checked.problems, csrfToken: page.csrfToken }, 422);
      return res.redirect(303, searchLink(SEARCH_PATH, values));
    }
    await this.search(res, page, values, cursorOf(body.cursor));
  }

  @Get('export')
  @MayCall('GET /audit/export')
  async exportByLink(@Page() page: PageContext, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    await this.export(res, page, readAuditForm({ ...query, personnummer: undefined }));
  }

  @Post('export')
  @MayCall('POST /audit/export')
  async exportByForm(@Page() page: PageContext, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    await this.export(res, page, readAuditForm(body));
  }

  private async search(res: Response, page: PageContext, values: AuditFormValues, cursor: string | undefined): Promise<void> {
    const asked = await this.queryOf(page, values);
    if ('problems' in asked) return this.send(res, page, { values, problems: asked.problems, csrfToken: page.csrfToken }, 422);
    const result = await this.gateway.auditTrail(page.accessToken, { ...asked.query, limit: this.config.AUDIT_PAGE_SIZE, cursor });
    if (!result.ok) return this.send(res, page, { values, problems: auditProblems(result.problem), csrfToken: page.csrfToken }, result.problem.status >= 500 ? 503 : 422);
    this.send(res, page, { values, problems: NONE, csrfToken: page.csrfToken, result: result.value, continued: cursor !== undefined });
  }

  private async export(res: Response, page: PageContext, values: AuditFormValues): Promise<void> {
    const asked = await this.queryOf(page, values);
    if ('problems' in asked) return this.send(res, page, { values, problems: asked.problems, csrfToken: page.csrfToken }, 422);
    const answer = await this.gateway.auditExport(page.accessToken, asked.query);
    if (!answer.ok) return this.send(res, page, { values, problems: auditProblems(answer.problem), csrfToken: page.csrfToken }, answer.problem.status >= 500 ? 503 : 422);
    res.status(200);
    for (const name of PASSED_ON) {
      const value = answer.response.headers.get(name);
      if (value !== null) res.setHeader(name, value);
    }
    if (!answer.response.body) return void res.end();
    Readable.fromWeb(answer.response.body as WebReadableStream<Uint8Array>)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  /** The API's query, a registry number looked up first (the API takes the case's id). */
  private async queryOf(page: PageContext, values: AuditFormValues): Promise<{ query: AuditQuery } | { problems: FormProblems }> {
    const registryNumber = registryNumberOf(values);
    if (registryNumber === undefined) return auditQueryFrom(values);
    const found = await this.gateway.findCaseByRegistryNumber(page.accessToken, registryNumber);
    if (!found.ok) return { problems: auditProblems(found.problem) };
    const match = found.value.items.find((c) => c.registryNumber === registryNumber);
    if (!match) {
      return { problems: { fields: { caseId: 'Inget ärende med det diarienumret finns i din region. En blockering av vårdnadshavare söks med sitt ärende-id.' }, general: [] } };
    }
    return auditQueryFrom(values, match.id);
  }

  private send(res: Response, page: PageContext, view: AuditSearchPage, status = 200): void {
    const inError = Object.keys(view.problems.fields).length > 0 || view.problems.general.length > 0;
    res
      .status(status)
      .type('html')
      .send(
        layout({
          title: inError ? 'Fel i sökningen: Granska loggen' : 'Granska loggen',
          user: page.user,
          csrfToken: page.csrfToken,
          path: SEARCH_PATH,
          scripts: ['forms.js'],
          main: auditSearchView(view),
        }).value,
      );
  }
}

const NONE: FormProblems = { fields: {}, general: [] };

/** Only a cursor of the API's shape is passed on; anything else starts from the beginning. */
function cursorOf(value: unknown): string | undefined {
  return typeof value === 'string' && CURSOR.test(value) ? value : undefined;
}
