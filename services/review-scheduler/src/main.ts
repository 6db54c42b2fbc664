import 'reflect-metadata';
import { ServiceLogger, createServiceApp, loadConfig, runMain } from '@accessdesk/platform';
import { AppModule } from './app.module';
import { ReviewSchedulerConfig } from './review-scheduler.config';

runMain('review-scheduler', async () => {
  const config = loadConfig(ReviewSchedulerConfig, process.env);
  const logger = new ServiceLogger('review-scheduler', config.LOG_LEVEL);
  await createServiceApp(AppModule.forRoot(config), { host: config.HTTP_HOST, port: config.HTTP_PORT, logger });
  logger.log(`review-scheduler listening on ${config.HTTP_HOST}:${config.HTTP_PORT}`);
});
