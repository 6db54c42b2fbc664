import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { CheckCaseService } from './check-case/check-case.service';
import { CheckDecisionAuthorityService } from './check-decision-authority/check-decision-authority.service';
import { CheckEmergencyCallService } from './check-emergency-call/check-emergency-call.service';
import { CheckEntity } from './checks/check.entity';
import { IdentityCheckConfig } from './identity-check.config';
import { IdentityCheckHandlers } from './identity-check.handlers';
import { LookUpResidentService } from './look-up-resident/look-up-resident.service';
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
      providers: [
        { provide: IdentityCheckConfig, useValue: config },
        PopulationRegisterClient,
        StaffDirectoryClient,
        CheckCaseService,
        CheckEmergencyCallService,
        LookUpResidentService,
        CheckDecisionAuthorityService,
        IdentityCheckHandlers,
      ],
    };
  }
}
