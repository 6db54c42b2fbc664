import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { Actor } from '@accessdesk/contracts';

/** The verified caller, put on the request by `AuthGuard`. */
export type Caller = Actor;

export interface AuthenticatedRequest extends Request {
  caller?: Caller;
}

export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  const caller = ctx.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on a route without AuthGuard');
  return caller;
});
