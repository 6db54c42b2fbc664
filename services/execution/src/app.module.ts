import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { AcceptActionService } from './accept-action/accept-action.service';
import { ActionCompletionService } from './actions/action-completion.service';
import { ActionEntity } from './actions/action.entity';
import { ExecuteActionService } from './execute-action/execute-action.service';
import { ExecutionConfig } from './execution.config';
import { ExecutionHandlers } from './execution.handlers';
import { Actions1732300000300 } from './migrations/1732300000300-actions';
import { ManualActions1732300000310 } from './migrations/1732300000310-manual-actions';
import { LockedByRegion1732300000320 } from './migrations/1732300000320-locked-by-region';
import { RecordManualResultService } from './record-manual-result/record-manual-result.service';
import { HttpStaffToolAdapter } from './staff-tool/http-staff-tool.adapter';

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
      providers: [
        { provide: ExecutionConfig, useValue: config },
        // The adapter mode is chosen per action from its region (R24, AcceptActionService); the
        // worker drives the `http` adapter, an operator the `manual` mode.
        HttpStaffToolAdapter,
        ActionCompletionService,
        AcceptActionService,
        ExecuteActionService,
        RecordManualResultService,
        ExecutionHandlers,
      ],
    };
  }
}
