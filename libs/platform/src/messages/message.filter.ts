import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, of, throwError } from 'rxjs';
import { RpcReply } from '@accessdesk/contracts';
import { MessageContext } from './message-context';
import { ProblemException } from './problem.exception';

/**
 * Turns a `ProblemException` of a request into its problem reply. Anything else is thrown on as it
 * is, so that the consumer sees the real error: an event's transaction rolls back and the message
 * waits and comes back (transient errors for as long as an outage lasts), a request is tried again
 * while its caller waits. Nest's default filter would turn every error into a generic one and hide
 * whether it was transient.
 */
@Catch()
export class MessageExceptionFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, host: ArgumentsHost): Observable<RpcReply<never>> {
    const context = host.switchToRpc().getContext<MessageContext>();
    if (exception instanceof ProblemException && context.isRequest) return of({ ok: false as const, problem: exception.problem });
    return throwError(() => exception);
  }
}
