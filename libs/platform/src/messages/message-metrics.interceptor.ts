import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Histogram, Registry } from 'prom-client';
import { Observable, tap } from 'rxjs';
import { METRICS_REGISTRY } from '../metrics.controller';
import { MessageContext } from './message-context';

const HISTOGRAM = 'accessdesk_message_handler_seconds';

/**
 * Times each handler and counts its outcome (`accessdesk_message_handler_seconds{type, outcome}`),
 * and logs a failure with the message's type and case, never its payload (it may hold personal data).
 */
@Injectable()
export class MessageMetricsInterceptor implements NestInterceptor {
  private readonly logger = new Logger('MessageHandler');
  private readonly seconds: Histogram<'type' | 'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.seconds =
      (registry.getSingleMetric(HISTOGRAM) as Histogram<'type' | 'outcome'> | undefined) ??
      new Histogram({
        name: HISTOGRAM,
        help: 'Time a message handler took, by message type and outcome (ok, problem, failed)',
        labelNames: ['type', 'outcome'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const envelope = context.switchToRpc().getContext<MessageContext>().envelope;
    const stop = this.seconds.startTimer({ type: envelope.type });
    return next.handle().pipe(
      tap({
        next: (result) => stop({ outcome: isProblemReply(result) ? 'problem' : 'ok' }),
        error: (err: unknown) => {
          stop({ outcome: 'failed' });
          this.logger.debug(`${envelope.type} for case ${envelope.correlationId} failed: ${err instanceof Error ? err.name : 'error'}`);
        },
      }),
    );
  }
}

function isProblemReply(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false;
}
