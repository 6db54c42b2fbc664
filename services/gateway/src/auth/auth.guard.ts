import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { StaffRole } from '@accessdesk/contracts';
import { problem } from '@accessdesk/contracts';
import { RateLimiter } from '../http/rate-limiter';
import { ProblemException } from '../problems/problem.exception';
import { AuthenticatedRequest } from './caller';
import { InvalidTokenError, TokenVerifier } from './token-verifier.service';

const ROLES_KEY = 'accessdesk:roles';

/** The roles that may call a route (DESIGN.md's table); object-level checks are the services'. */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Every `/api/v1` route needs a valid bearer token; a route with `@Roles` also one of those roles.
 * Nothing reaches a service before this passes.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const origin = req.ip ?? 'unknown';
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match) throw this.refused(origin, 'A bearer token is required.');
    try {
      req.caller = { ...(await this.verifier.verify(match[1])), origin };
    } catch (err) {
      if (err instanceof InvalidTokenError) throw this.refused(origin, 'The bearer token is not valid.');
      throw err;
    }
    this.limit(`caller:${req.caller.sub}`);
    const allowed = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (allowed && !req.caller.roles.some((r) => allowed.includes(r))) {
      throw ProblemException.of('role-not-allowed', 403, 'Not allowed for your role', `This needs one of the roles: ${allowed.join(', ')}.`);
    }
    return true;
  }

  /** Failed authentications count against the client address, so guessing tokens is slow. */
  private refused(origin: string, detail: string): ProblemException {
    this.limit(`address:${origin}`);
    return unauthorized(detail);
  }

  private limit(key: string): void {
    const decision = this.limiter.take(key);
    if (decision.allowed) return;
    throw new ProblemException(
      problem('too-many-requests', 429, 'Too many requests', `Slow down; try again in ${decision.retryAfterSeconds} s.`),
      { 'Retry-After': String(decision.retryAfterSeconds) },
    );
  }
}

function unauthorized(detail: string): ProblemException {
  const e = ProblemException.of('unauthorized', 401, 'Authentication required', detail);
  e.headers['WWW-Authenticate'] = 'Bearer';
  return e;
}
