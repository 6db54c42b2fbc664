import { DynamicModule, Module } from '@nestjs/common';
import { FIXTURES, Fixtures } from './fixtures/fixtures';
import { HealthController } from './health/health.controller';
import { PopulationRegisterController } from './population-register/population-register.controller';
import { PopulationRegisterService } from './population-register/population-register.service';
import { SmtpSinkController } from './smtp-sink/smtp-sink.controller';
import { DEFAULT_SMTP_KEEP, SMTP_SINK_KEEP, SmtpSinkService } from './smtp-sink/smtp-sink.service';
import { StaffDirectoryController } from './staff-directory/staff-directory.controller';
import { StaffDirectoryService } from './staff-directory/staff-directory.service';
import { StaffToolController } from './staff-tool/staff-tool.controller';
import { STAFF_TOOL_OPTIONS, StaffToolOptions, StaffToolService } from './staff-tool/staff-tool.service';

@Module({})
export class SimulatorsModule {
  static forRoot(fixtures: Fixtures, staffTool: StaffToolOptions = {}, smtpKeep = DEFAULT_SMTP_KEEP): DynamicModule {
    return {
      module: SimulatorsModule,
      controllers: [
        HealthController,
        PopulationRegisterController,
        StaffDirectoryController,
        StaffToolController,
        SmtpSinkController,
      ],
      providers: [
        { provide: FIXTURES, useValue: fixtures },
        { provide: STAFF_TOOL_OPTIONS, useValue: staffTool },
        { provide: SMTP_SINK_KEEP, useValue: smtpKeep },
        PopulationRegisterService,
        StaffDirectoryService,
        StaffToolService,
        SmtpSinkService,
      ],
    };
  }
}
