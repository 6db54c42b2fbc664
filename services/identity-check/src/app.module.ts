import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { CheckCaseHandler } from './check-case/check-case.handler';
import { CheckDecisionAuthorityHandler } from './check-decision-authority/check-decision-authority.handler';
import { CheckEmergencyCallHandler } from './check-emergency-call/check-emergency-call.handler';
import { CheckEntity } from './checks/check.entity';
import { IdentityCheckConfig } from './identity-check.config';
import { LookUpResidentHandler } from './look-up-resident/look-up-resident.handler';
import { Checks1732300000200 } from './migrations/1732300000200-checks';
import { PopulationRegisterClient } from './registers/population-register.client';
import { StaffDirectoryClient } from './registers/staff-directory.client';

@Module({})
export class AppModule {
  static forRoot(config: IdentityCheckConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceRuntimeModule.forRoot({
          service: 'identity-check',
          config,
          entities: [CheckEntity],
          migrations: [Checks1732300000200],
        }),
      ],
      controllers: [CheckCaseHandler, CheckEmergencyCallHandler, LookUpResidentHandler, CheckDecisionAuthorityHandler],
      providers: [{ provide: IdentityCheckConfig, useValue: config }, PopulationRegisterClient, StaffDirectoryClient],
    };
  }
}
