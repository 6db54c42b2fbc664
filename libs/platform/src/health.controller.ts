import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiExcludeController } from '@nestjs/swagger';

/** A dependency the service needs to do its work; ready only when every check answers. A string is "down", saying why. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean | string> | boolean | string;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  /** The process runs and answers. */
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /**
   * The database and the broker answer (and the broker takes what the service publishes). Not ready
   * is 503 with the same body, each check `up`, `down` or `down: <why>`, whatever filter the app has.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const results = await Promise.all(
      this.checks.map(async (c) => {
        try {
          const result = await c.check();
          return [c.name, result === true ? 'up' : typeof result === 'string' ? `down: ${result}` : 'down'] as const;
        } catch {
          return [c.name, 'down'] as const;
        }
      }),
    );
    const body = { status: results.every(([, s]) => s === 'up') ? 'ok' : 'unavailable', checks: Object.fromEntries(results) };
    if (body.status !== 'ok') res.status(503);
    return body;
  }
}
