import 'reflect-metadata';
import { ServiceLogger, createServiceApp, loadConfig, runMain } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { IdentityCheckConfig } from './identity-check.config';

runMain('identity-check', async () => {
  const config = loadConfig(IdentityCheckConfig, process.env);
  const logger = new ServiceLogger('identity-check', config.LOG_LEVEL);
  await createServiceApp(AppModule.forRoot(config), { host: config.HTTP_HOST, port: config.HTTP_PORT, logger });
  logger.log(`identity-check listening on ${config.HTTP_HOST}:${config.HTTP_PORT}`);
});
