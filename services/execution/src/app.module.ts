import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { AcceptActionHandler } from './accept-action/accept-action.handler';
import { ActionCompletionService } from './actions/action-completion.service';
import { ActionEntity } from './actions/action.entity';
import { ExecutionConfig } from './execution.config';
import { Actions1732300000300 } from './migrations/1732300000300-actions';
import { ManualActions1732300000310 } from './migrations/1732300000310-manual-actions';
import { LockedByRegion1732300000320 } from './migrations/1732300000320-locked-by-region';
import { RecordManualResultHandler } from './record-manual-result/record-manual-result.handler';
import { HttpStaffToolAdapter } from './staff-tool/http-staff-tool.adapter';
import { StaffToolWorker } from './staff-tool-worker/staff-tool.worker';

@Module({})
export class AppModule {
  static forRoot(config: ExecutionConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'execution',
          config,
          entities: [ActionEntity],
          migrations: [Actions1732300000300, ManualActions1732300000310, LockedByRegion1732300000320],
        }),
      ],
      // Commands on `execution.commands`.
      controllers: [AcceptActionHandler, RecordManualResultHandler],
      providers: [
        { provide: ExecutionConfig, useValue: config },
        // The adapter mode is chosen per action from its region (R24, AcceptActionHandler); the
        // worker drives the `http` adapter, an operator the `manual` mode.
        HttpStaffToolAdapter,
        ActionCompletionService,
        StaffToolWorker,
      ],
    };
  }
}
