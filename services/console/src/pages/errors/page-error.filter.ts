import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { GatewaySignInRequired } from '../../gateway/gateway.client';
import { ConsoleRequest, clearSessionCookie } from '../../session/session.middleware';
import { SessionStore } from '../../session/session.store';
import { PageException, SignInRequired } from '../page-access';
import { errorPage } from './error.view';

const BY_STATUS: Record<number, [string, string]> = {
  400: ['Felaktig begäran', 'Begäran kunde inte tolkas. Gå tillbaka och försök igen.'],
  404: ['Sidan finns inte', 'Sidan eller ärendet finns inte, eller så har du inte behörighet att se det.'],
  405: ['Felaktig begäran', 'Sidan kan inte användas på det sättet.'],
  413: ['För mycket data', 'Formuläret innehöll mer än vad som tas emot. Korta texterna och försök igen.'],
};

/** Every error as a Swedish page; not signed in → the sign-in page. Nothing the request carried is echoed. */
@Catch()
@Injectable()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('PageErrorFilter');

  constructor(private readonly sessions: SessionStore) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<ConsoleRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof GatewaySignInRequired) {
      // The gateway no longer takes the token: the session is over.
      if (req.session) await this.sessions.destroy(req.session.id).catch(() => undefined);
      clearSessionCookie(res);
      res.redirect(303, '/logga-in?orsak=inaktiv');
      return;
    }
    if (exception instanceof SignInRequired) {
      res.redirect(303, exception.timedOut ? '/logga-in?orsak=inaktiv' : '/logga-in');
      return;
    }
    let status = 500;
    let title = 'Något gick fel';
    let message = 'Ett oväntat fel inträffade. Det är loggat. Försök igen om en stund.';
    if (exception instanceof PageException) {
      ({ status, title } = exception);
      message = exception.detail;
    } else if (exception instanceof HttpException && BY_STATUS[exception.getStatus()]) {
      status = exception.getStatus();
      [title, message] = BY_STATUS[status] as [string, string];
    } else if (isBodyParserError(exception) && BY_STATUS[exception.status]) {
      status = exception.status;
      [title, message] = BY_STATUS[status] as [string, string];
    } else {
      this.logger.error(`unexpected error on ${req.method} ${req.route?.path ?? 'unknown route'}: ${exception instanceof Error ? exception.name : typeof exception}`);
    }
    res
      .status(status)
      .type('html')
      .send(errorPage({ status, title, message, user: req.session?.data.user, csrfToken: req.session?.data.csrfToken }).value);
  }
}

function isBodyParserError(err: unknown): err is { status: number; type: string } {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number' && typeof (err as { type?: unknown }).type === 'string';
}
