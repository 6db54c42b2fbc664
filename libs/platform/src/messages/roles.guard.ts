import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Endpoint, rolesFor } from '@accessdesk/access';
import { Problem, StaffRole, problem } from '@accessdesk/contracts';
import { MessageContext } from './message-context';
import { ProblemException } from './problem.exception';

/** Who may make a request, and the answer to anybody else. */
interface AllowedRoles {
  roles: readonly StaffRole[];
  refusedAs: Problem;
}

const ALLOWED_ROLES = 'accessdesk:allowed-roles';

/** The default refusal, naming the roles that may. */
export function roleNotAllowed(roles: readonly StaffRole[]): Problem {
  return problem('role-not-allowed', 403, 'Not allowed for your role', `Only ${roles.join(', ')} may do this.`);
}

/**
 * The public endpoint a request serves: its roles (libs/access) are the ones allowed. A read may
 * answer a refused role as not found (`refusedAs`), so that an id reveals nothing.
 */
export function ForEndpoint(endpoint: Endpoint, options: { refusedAs?: Problem } = {}): MethodDecorator {
  const roles = rolesFor(endpoint);
  return SetMetadata(ALLOWED_ROLES, { roles, refusedAs: options.refusedAs ?? roleNotAllowed(roles) } satisfies AllowedRoles);
}

/** A request that serves no public endpoint (one service asking another on a person's behalf): the roles allowed. */
export function ForRoles(roles: readonly StaffRole[], options: { refusedAs?: Problem } = {}): MethodDecorator {
  return SetMetadata(ALLOWED_ROLES, { roles, refusedAs: options.refusedAs ?? roleNotAllowed(roles) } satisfies AllowedRoles);
}

/**
 * Checks that the actor of a request has a role its handler allows (`@ForEndpoint`, `@ForRoles`):
 * the same rule the gateway applies before it asks, since a service never trusts that the gateway
 * did. A handler without either is an event's, and passes.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.get<AllowedRoles | undefined>(ALLOWED_ROLES, context.getHandler());
    if (!allowed || context.getType() !== 'rpc') return true;
    const actor = context.switchToRpc().getContext<MessageContext>().envelope.actor;
    if (actor.roles.some((role) => allowed.roles.includes(role))) return true;
    throw new ProblemException(allowed.refusedAs);
  }
}
