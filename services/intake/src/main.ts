import 'reflect-metadata';
import { ConfigError, ServiceLogger, createServiceApp, loadConfig, runMain } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { DEVELOPMENT_PSEUDONYM_KEY, IntakeConfig } from './intake.config';

runMain('intake', async () => {
  const config = loadConfig(IntakeConfig, process.env);
  if (process.env.NODE_ENV === 'production' && config.AUDIT_PSEUDONYM_KEY === DEVELOPMENT_PSEUDONYM_KEY) {
    throw new ConfigError('AUDIT_PSEUDONYM_KEY must be set to a secret of its own in production');
  }
  const logger = new ServiceLogger('intake', config.LOG_LEVEL);
  await createServiceApp(AppModule.forRoot(config), { host: config.HTTP_HOST, port: config.HTTP_PORT, logger });
  logger.log(`intake listening on ${config.HTTP_HOST}:${config.HTTP_PORT}`);
});
