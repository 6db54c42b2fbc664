import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ServiceLogger, createServiceApp, loadConfig, runMain } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { GatewayConfig } from './gateway.config';
import { configureHttp } from './http/configure-http';

runMain('gateway', async () => {
  const config = loadConfig(GatewayConfig, process.env);
  const logger = new ServiceLogger('gateway', config.LOG_LEVEL);
  await createServiceApp(AppModule.forRoot(config), {
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    logger,
    configure: (app) => configureHttp(app as NestExpressApplication, config),
  });
  logger.log(`gateway listening on ${config.HTTP_HOST}:${config.HTTP_PORT}`);
});
