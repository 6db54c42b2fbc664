import { BaseRpcContext } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { Envelope } from '@accessdesk/contracts';
import { AfterCommit } from '@accessdesk/messaging';

/**
 * The context of one message in hand (`@Ctx()`): its envelope and, for an event or command, the
 * transaction that also records it in the inbox. A request (request/reply) has no such transaction:
 * its use case opens its own.
 */
export class MessageContext extends BaseRpcContext<[Envelope<object>, EntityManager | null, AfterCommit[]]> {
  constructor(envelope: Envelope<object>, manager: EntityManager | null) {
    super([envelope, manager, []]);
  }

  get envelope(): Envelope<object> {
    return this.args[0];
  }

  /** The inbox transaction; handlers of one message share it, and a failure rolls it back whole. */
  get manager(): EntityManager {
    const manager = this.args[1];
    if (!manager) throw new Error(`${this.envelope.type} is a request: it runs in no inbox transaction`);
    return manager;
  }

  get isRequest(): boolean {
    return this.args[1] === null;
  }

  /** Runs `work` once the inbox transaction committed (e.g. wakes a worker whose row it added). */
  afterCommit(work: AfterCommit): void {
    this.args[2].push(work);
  }

  /** What was asked to run after the commit, in order. */
  committed(): AfterCommit | undefined {
    const work = this.args[2];
    return work.length === 0 ? undefined : () => work.forEach((w) => w());
  }
}
