import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@accessdesk/platform';
import { GuardianBlockConfig } from './guardian-block.config';
import { GuardianBlocks1732300000400 } from './migrations/1732300000400-guardian-blocks';

/** The contact centres' guardian-block cases (R18–R20); running, with its schema, ahead of its routines. */
@Module({})
export class AppModule {
  static forRoot(config: GuardianBlockConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceRuntimeModule.forRoot({ service: 'guardian-block', config, migrations: [GuardianBlocks1732300000400] })],
    };
  }
}
