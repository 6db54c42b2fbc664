import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
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

  /** The database and the broker answer. */
  @Get('ready')
  async ready() {
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
    if (body.status !== 'ok') throw new ServiceUnavailableException(body);
    return body;
  }
}
