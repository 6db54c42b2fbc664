import 'reflect-metadata';
import { ServiceLogger, createServiceApp, loadConfig, runMain } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { ExecutionConfig } from './execution.config';

runMain('execution', async () => {
  const config = loadConfig(ExecutionConfig, process.env);
  const logger = new ServiceLogger('execution', config.LOG_LEVEL);
  await createServiceApp(AppModule.forRoot(config), { host: config.HTTP_HOST, port: config.HTTP_PORT, logger });
  logger.log(`execution listening on ${config.HTTP_HOST}:${config.HTTP_PORT}`);
});
