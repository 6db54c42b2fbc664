import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GatewayClient, GatewayProblem } from '../../gateway/gateway.client';
import { FormProblems, problemsForForm } from '../../gateway/problem-messages';
import { layout } from '../../views/layout';
import { MayCall, Page, PageContext, PageException } from '../page-access';
import { DLQ_PATH, FILTER_FIELDS, PURGE_PATH, REPLAY_PATH, isPurgeable, purgeConfirmed, readFilter, replaySelection } from './dead-letters.form';
import { DoneNotice, deadLetterView, deadLettersView, purgeConfirmView, replayConfirmView } from './dead-letters.view';

const NOT_FOUND = new PageException(404, 'Meddelandet finns inte', 'Inget dött meddelande har det id:t. Det kan redan ha skickats tillbaka eller tagits bort.');
const NOTHING_CHOSEN = new PageException(400, 'Inget valt', 'Välj ett meddelande eller en kö i listan över döda meddelanden.');
const NOT_PURGEABLE = new PageException(400, 'Kön kan inte tömmas', 'Bara döda frågor (köer som slutar på .rpc) kan tas bort; andra meddelanden skickas tillbaka när felet är åtgärdat.');

/**
 * The operator's dead-letter queues (`/api/v1/dead-letters`): the list with its filter, one letter
 * with its masked envelope, and replay and purge, each confirmed on a page of its own and sent as
 * a POST that redirects (303) back to the list, where what was done is told. intake records every
 * read, replay and purge in its audit trail.
 */
@Controller(DLQ_PATH.slice(1))
@MayCall('GET /dead-letters')
export class DeadLettersController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  async list(@Page() page: PageContext, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const filter = readFilter(query);
    let result = await this.gateway.listDeadLetters(page.accessToken, filter);
    let problems: FormProblems = { fields: {}, general: [] };
    if (!result.ok && result.problem.status === 400) {
      // A filter the API refuses: said beside its field, and the whole list shown meanwhile.
      problems = filterProblems(result.problem);
      result = await this.gateway.listDeadLetters(page.accessToken, {});
    }
    if (!result.ok) throw unavailable(result.problem);
    const done: DoneNotice = { replayed: count(query.skickade), purged: count(query.borttagna), queue: isPurgeable(query.ko) ? query.ko : undefined };
    this.send(res, page, 'Döda meddelanden', deadLettersView(result.value, filter, problems, done), Object.keys(problems.fields).length > 0 ? 422 : 200);
  }

  @Get('meddelande/:messageId')
  @MayCall('GET /dead-letters/{messageId}')
  async show(@Page() page: PageContext, @Param('messageId') messageId: string, @Res() res: Response): Promise<void> {
    if (messageId.length > 100) throw NOT_FOUND;
    const result = await this.gateway.getDeadLetter(page.accessToken, messageId);
    if (!result.ok) throw result.problem.status === 404 ? NOT_FOUND : unavailable(result.problem);
    this.send(res, page, `Dött meddelande ${result.value.deadLetter.type ?? ''}`.trim(), deadLetterView(result.value.deadLetter, result.value.envelope));
  }

  @Get('skicka-tillbaka')
  @MayCall('POST /dead-letters/replay')
  async confirmReplay(@Page() page: PageContext, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const selection = replaySelection(query);
    if (!selection) throw NOTHING_CHOSEN;
    let letters;
    if ('queue' in selection) {
      const result = await this.gateway.listDeadLetters(page.accessToken, { queue: selection.queue });
      if (!result.ok) throw unavailable(result.problem);
      letters = result.value.items;
    } else {
      const result = await this.gateway.getDeadLetter(page.accessToken, selection.messageIds[0] as string);
      if (!result.ok) throw result.problem.status === 404 ? NOT_FOUND : unavailable(result.problem);
      letters = [result.value.deadLetter];
    }
    if (letters.length === 0) return res.redirect(303, `${DLQ_PATH}?skickade=0`);
    this.send(res, page, 'Skicka tillbaka döda meddelanden', replayConfirmView(letters, selection, page.csrfToken), 200, REPLAY_PATH);
  }

  @Post('skicka-tillbaka')
  @MayCall('POST /dead-letters/replay')
  async replay(@Page() page: PageContext, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const selection = replaySelection(body);
    if (!selection) throw NOTHING_CHOSEN;
    const result = await this.gateway.replayDeadLetters(page.accessToken, selection);
    if (!result.ok) throw unavailable(result.problem);
    res.redirect(303, `${DLQ_PATH}?skickade=${result.value.replayed.length}`);
  }

  @Get('ta-bort')
  @MayCall('POST /dead-letters/purge')
  async confirmPurge(@Page() page: PageContext, @Query('queue') queue: unknown, @Res() res: Response): Promise<void> {
    if (!isPurgeable(queue)) throw NOT_PURGEABLE;
    const count = await this.countIn(page, queue);
    this.send(res, page, 'Ta bort döda meddelanden', purgeConfirmView(queue, count, undefined, page.csrfToken), 200, PURGE_PATH);
  }

  @Post('ta-bort')
  @MayCall('POST /dead-letters/purge')
  async purge(@Page() page: PageContext, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const queue = body.queue;
    if (!isPurgeable(queue)) throw NOT_PURGEABLE;
    if (!purgeConfirmed(body)) {
      const view = purgeConfirmView(queue, await this.countIn(page, queue), 'Kryssa i att du förstår att meddelandena tas bort för gott.', page.csrfToken);
      return this.send(res, page, 'Fel i formuläret: Ta bort döda meddelanden', view, 422, PURGE_PATH);
    }
    const result = await this.gateway.purgeDeadLetters(page.accessToken, queue);
    if (!result.ok) throw unavailable(result.problem);
    res.redirect(303, `${DLQ_PATH}?borttagna=${result.value.purged}&ko=${encodeURIComponent(queue)}`);
  }

  private async countIn(page: PageContext, queue: string): Promise<number> {
    const result = await this.gateway.listDeadLetters(page.accessToken, { queue });
    if (!result.ok) throw unavailable(result.problem);
    return result.value.queues.find((q) => q.queue === queue)?.deadLetters ?? result.value.items.length;
  }

  private send(res: Response, page: PageContext, title: string, main: ReturnType<typeof deadLettersView>, status = 200, path = DLQ_PATH): void {
    res
      .status(status)
      .type('html')
      .send(layout({ title, user: page.user, csrfToken: page.csrfToken, path, scripts: ['forms.js'], main }).value);
  }
}

const FILTER_MESSAGES: Record<string, string> = {
  queue: 'Välj en av köerna i listan.',
  type: 'Ange en meddelandetyp, till exempel intake.case.received.v1.',
  caseId: 'Ange ett ärende-id (36 tecken, till exempel 6b1f3c2e-1d4a-4f0b-9c7e-2a5d8e9f0a11).',
};

function filterProblems(problem: GatewayProblem): FormProblems {
  const found = problemsForForm(problem, FILTER_FIELDS);
  for (const field of Object.keys(found.fields)) found.fields[field] = FILTER_MESSAGES[field] ?? found.fields[field] as string;
  found.general = found.general.map(() => 'Filtret kunde inte användas. Kontrollera fälten och försök igen.');
  return found;
}

function unavailable(problem: GatewayProblem): PageException {
  return new PageException(problem.status >= 500 ? 503 : problem.status, 'Åtgärden kunde inte göras', 'Tjänsten för döda meddelanden svarar inte just nu, eller begäran kunde inte tas emot. Försök igen om en stund.');
}

function count(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}
