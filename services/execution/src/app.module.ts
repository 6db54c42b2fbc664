import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { AcceptActionService } from './accept-action/accept-action.service';
import { ActionEntity } from './actions/action.entity';
import { ExecuteActionService } from './execute-action/execute-action.service';
import { ExecutionConfig } from './execution.config';
import { ExecutionHandlers } from './execution.handlers';
import { Actions1732300000300 } from './migrations/1732300000300-actions';
import { HttpStaffToolAdapter } from './staff-tool/http-staff-tool.adapter';
import { STAFF_TOOL_ADAPTER } from './staff-tool/staff-tool.adapter';

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
          migrations: [Actions1732300000300],
        }),
      ],
      providers: [
        { provide: ExecutionConfig, useValue: config },
        // Only the `http` mode exists so far (DESIGN.md "The staff-tool adapter").
        { provide: STAFF_TOOL_ADAPTER, useClass: HttpStaffToolAdapter },
        AcceptActionService,
        ExecuteActionService,
        ExecutionHandlers,
      ],
    };
  }
}
