import 'reflect-metadata';
import { ServiceLogger, createServiceApp, loadConfig, runMain } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { IntakeConfig } from './intake.config';

runMain('intake', async () => {
  const config = loadConfig(IntakeConfig, process.env);
  const logger = new ServiceLogger('intake', config.LOG_LEVEL);
  await createServiceApp(AppModule.forRoot(config), { host: config.HTTP_HOST, port: config.HTTP_PORT, logger });
  logger.log(`intake listening on ${config.HTTP_HOST}:${config.HTTP_PORT}`);
});
