import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GatewayClient } from '../../gateway/gateway.client';
import { layout } from '../../views/layout';
import { MayCall, Page, PageContext, PageException } from '../page-access';
import { CHAIN_PATH, auditChainView } from './audit-chain.view';

/**
 * The chain check (R23): `GET /audit/verify` when the page is opened, its verdict explained in
 * Swedish. Reading it changes nothing but linking what has committed, which the API does anyway.
 */
@Controller(CHAIN_PATH.slice(1))
@MayCall('GET /audit/verify')
export class AuditChainController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  async show(@Page() page: PageContext, @Res() res: Response): Promise<void> {
    const result = await this.gateway.verifyAudit(page.accessToken);
    if (!result.ok) {
      throw new PageException(result.problem.status >= 500 ? 503 : result.problem.status, 'Loggkedjan kunde inte kontrolleras', 'Kontrollen kunde inte göras just nu. Försök igen om en stund.');
    }
    res.type('html').send(
      layout({ title: 'Kontrollera loggkedjan', user: page.user, csrfToken: page.csrfToken, path: CHAIN_PATH, main: auditChainView(result.value, new Date()) }).value,
    );
  }
}
