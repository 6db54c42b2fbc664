import { Controller, UseFilters, UseGuards, UseInterceptors, applyDecorators } from '@nestjs/common';
import { RolesGuard } from './roles.guard';
import { MessageExceptionFilter } from './message.filter';
import { MessageMetricsInterceptor } from './message-metrics.interceptor';

/**
 * Marks a class of message handlers (`@EventPattern` / `@MessagePattern` methods): a Nest controller
 * with the role guard, the problem filter and the metrics interceptor every handler needs.
 */
export function MessageHandlers(): ClassDecorator {
  return applyDecorators(Controller(), UseGuards(RolesGuard), UseInterceptors(MessageMetricsInterceptor), UseFilters(MessageExceptionFilter));
}
