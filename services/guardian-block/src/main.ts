import 'reflect-metadata';
import { ConfigError, ServiceLogger, createServiceApp, loadConfig, runMain } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { DEVELOPMENT_PSEUDONYM_KEY, GuardianBlockConfig } from './guardian-block.config';

runMain('guardian-block', async () => {
  const config = loadConfig(GuardianBlockConfig, process.env);
  if (process.env.NODE_ENV === 'production' && config.AUDIT_PSEUDONYM_KEY === DEVELOPMENT_PSEUDONYM_KEY) {
    throw new ConfigError('AUDIT_PSEUDONYM_KEY must be set to a secret of its own in production');
  }
  const logger = new ServiceLogger('guardian-block', config.LOG_LEVEL);
  await createServiceApp(AppModule.forRoot(config), { host: config.HTTP_HOST, port: config.HTTP_PORT, logger });
  logger.log(`guardian-block listening on ${config.HTTP_HOST}:${config.HTTP_PORT}`);
});
