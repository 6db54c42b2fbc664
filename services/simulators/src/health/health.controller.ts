import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  // Everything is in memory: once the HTTP server answers, the simulators are ready.
  @Get('ready')
  ready(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
