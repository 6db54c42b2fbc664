import 'reflect-metadata';
import { ServiceLogger, createServiceApp, loadConfig, runMain } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { GuardianBlockConfig } from './guardian-block.config';

runMain('guardian-block', async () => {
  const config = loadConfig(GuardianBlockConfig, process.env);
  const logger = new ServiceLogger('guardian-block', config.LOG_LEVEL);
  await createServiceApp(AppModule.forRoot(config), { host: config.HTTP_HOST, port: config.HTTP_PORT, logger });
  logger.log(`guardian-block listening on ${config.HTTP_HOST}:${config.HTTP_PORT}`);
});
