import 'reflect-metadata';
import { ConfigError, ServiceLogger, createServiceApp, loadConfig, runMain } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { NotificationConfig, unencryptedMailProblem } from './notification.config';

runMain('notification', async () => {
  const config = loadConfig(NotificationConfig, process.env);
  const unencrypted = unencryptedMailProblem(config, process.env.NODE_ENV);
  if (unencrypted) throw new ConfigError(unencrypted);
  const logger = new ServiceLogger('notification', config.LOG_LEVEL);
  await createServiceApp(AppModule.forRoot(config), { host: config.HTTP_HOST, port: config.HTTP_PORT, logger });
  logger.log(`notification listening on ${config.HTTP_HOST}:${config.HTTP_PORT}`);
});
