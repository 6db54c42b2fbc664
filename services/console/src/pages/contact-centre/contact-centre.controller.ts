import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { mayCall } from '@accessdesk/access';
import { GatewayClient } from '../../gateway/gateway.client';
import { layout } from '../../views/layout';
import { MayCall, Page, PageContext, PageException } from '../page-access';
import { contactCentreView } from './contact-centre.view';

export const CONTACT_CENTRE_PATH = '/kontaktcenter';

/**
 * The contact centre's desk. Shown to whoever may mark a guardian block's tasks done (the contact
 * centre only): the service desk's inbox is a page of its own. The queue is the caller's own
 * (GET /work-items answers the caller's desk), a page at a time with "Visa fler".
 */
@Controller(CONTACT_CENTRE_PATH.slice(1))
@MayCall('PATCH /guardian-blocks/{id}/tasks/{taskId}')
export class ContactCentreController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  async show(@Page() page: PageContext, @Query('visa') show: string | undefined, @Query('fran') cursor: string | undefined, @Res() res: Response): Promise<void> {
    const showing = show === 'klara' ? 'DONE' : 'OPEN';
    const result = await this.gateway.workItemsOfMyQueue(page.accessToken, { status: showing, cursor: typeof cursor === 'string' ? cursor : undefined });
    if (!result.ok) {
      if (result.problem.status === 400) throw new PageException(400, 'Sidan finns inte', 'Länken till nästa sida i kön gäller inte längre. Börja om från kön.');
      throw new PageException(result.problem.status >= 500 ? 503 : result.problem.status, 'Kön kunde inte visas', 'Kön kunde inte hämtas just nu. Försök igen om en stund.');
    }
    res.type('html').send(
      layout({
        title: 'Kontaktcenter',
        user: page.user,
        csrfToken: page.csrfToken,
        path: CONTACT_CENTRE_PATH,
        main: contactCentreView({
          items: result.value,
          showing,
          recent: page.session.data.recentGuardianBlocks ?? [],
          mayFile: mayCall('POST /guardian-blocks', page.user.roles),
          now: new Date(),
        }),
      }).value,
    );
  }
}
