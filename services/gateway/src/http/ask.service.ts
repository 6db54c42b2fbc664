import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, MessageContract } from '@accessdesk/contracts';
import { Messaging } from '@accessdesk/messaging';
import { ProblemException } from '../problems/problem.exception';

/**
 * Asks a service over request/reply on behalf of the verified caller, and turns its problem answer
 * into the HTTP answer. A service that does not answer in time surfaces as 503 (ProblemFilter).
 */
@Injectable()
export class AskService {
  constructor(private readonly messaging: Messaging) {}

  async ask<P extends object, R>(service: string, contract: MessageContract<P>, payload: P, caller: Actor, correlationId?: string): Promise<R> {
    const requestId = randomUUID();
    const reply = await this.messaging.request<P, R>(service, contract, payload, {
      correlationId: correlationId ?? requestId,
      causationId: requestId,
      region: caller.region,
      actor: caller,
    });
    if (!reply.ok) throw new ProblemException(reply.problem);
    return reply.body;
  }
}
