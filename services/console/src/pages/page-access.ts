import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Endpoint, mayCall } from '@accessdesk/access';
import { HealthController } from '@accessdesk/platform';
import { ConsoleRequest } from '../session/session.middleware';
import { Session, SignedInUser } from '../session/session';

/** An answer the console gives as a Swedish page with this status (rendered by PageErrorFilter). */
export class PageException extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(title);
  }
}

/** Not signed in (or the session ran out): the filter sends the person to the sign-in page. */
export class SignInRequired extends Error {
  constructor(readonly timedOut: boolean) {
    super('sign-in required');
  }
}

const PUBLIC = Symbol('PUBLIC');
const MAY_CALL = Symbol('MAY_CALL');

/** A page anyone may open (sign-in, signed out). Every other route needs a signed-in person. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC, true);

/**
 * The page uses this API endpoint: only a person whose roles may call it (libs/access, the gateway's
 * own table) gets the page; the gateway checks again when the page calls it.
 */
export const MayCall = (endpoint: Endpoint): MethodDecorator & ClassDecorator => SetMetadata(MAY_CALL, endpoint);

/** Global guard: signed in unless `@Public()`, and the roles of `@MayCall(...)`. */
@Injectable()
export class PageAccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (context.getClass() === HealthController || this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<ConsoleRequest>();
    const user = req.session?.data.user;
    if (!user || !req.session?.data.tokens) throw new SignInRequired(req.sessionEnded === true);
    const endpoint = this.reflector.getAllAndOverride<Endpoint | undefined>(MAY_CALL, targets);
    if (endpoint && !mayCall(endpoint, user.roles)) {
      throw new PageException(403, 'Du har inte behörighet till sidan', 'Din roll ger inte tillgång till den här sidan. Välj något i menyn.');
    }
    return true;
  }
}

/** What a page handler knows about the request: who, their session, their token (server-side only). */
export interface PageContext {
  user: SignedInUser;
  session: Session;
  accessToken: string;
  csrfToken: string;
  path: string;
}

/** The signed-in person's context; only on routes behind PageAccessGuard (every non-public page). */
export const Page = createParamDecorator((_data: unknown, ctx: ExecutionContext): PageContext => {
  const req = ctx.switchToHttp().getRequest<ConsoleRequest>();
  const session = req.session;
  if (!session?.data.user || !session.data.tokens) throw new SignInRequired(false);
  return { user: session.data.user, session, accessToken: session.data.tokens.accessToken, csrfToken: session.data.csrfToken, path: req.path };
});
