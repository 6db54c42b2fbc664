import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import {
  Actor,
  DeadLetterView,
  ListDeadLettersV1,
  MessageContract,
  PurgeDeadLettersV1,
  REQUEST_QUEUES,
  ReplayDeadLettersV1,
  RpcReply,
  SYSTEM_QUEUES,
  ShowDeadLetterV1,
  SystemQueue,
} from '@accessdesk/contracts';
import { Messaging, createEnvelope } from '@accessdesk/messaging';
import { createServiceDataSource } from '@accessdesk/persistence';
import { BaseServiceConfig, loadConfig } from '@accessdesk/platform';
import { DeadLettersHandler } from './dead-letters.handler';

/**
 * `npm run -s dlq -- list|show|replay|purge`: the operator's dead-letter tools from a shell (the
 * same as `/api/v1/dead-letters`), against the broker and intake's database in AMQP_URL and
 * DATABASE_URL. Each read and replay is recorded in intake's audit trail under `cli:<user>`, in
 * OPERATOR_REGION (default OPERATIONS). Prints no payload and no personnummer.
 */
const USAGE = `usage: npm run -s dlq -- <command>
  list    [--queue Q] [--type T] [--case ID]     every dead-letter queue's count, and the letters that match
  show    <message-id>                           one letter with its envelope (personnummer masked)
  replay  (--all | --id ID… | --queue Q | --type T | --case ID)   back to the queue each came from
  purge   <queue>                                throw away a request/reply queue's dead letters (${REQUEST_QUEUES.join(', ')})
queues: ${SYSTEM_QUEUES.join(', ')}`;

class UsageError extends Error {}

function options(args: string[]): { flags: Map<string, string[]>; rest: string[] } {
  const flags = new Map<string, string[]>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--all') flags.set('all', ['true']);
    else if (arg.startsWith('--')) {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      flags.set(arg.slice(2), [...(flags.get(arg.slice(2)) ?? []), value]);
    } else rest.push(arg);
  }
  return { flags, rest };
}

function selection(flags: Map<string, string[]>): ListDeadLettersV1 {
  const queue = flags.get('queue')?.[0];
  if (queue !== undefined && !(SYSTEM_QUEUES as readonly string[]).includes(queue)) throw new UsageError(`unknown queue ${queue}`);
  return { queue: queue as SystemQueue | undefined, type: flags.get('type')?.[0], caseId: flags.get('case')?.[0] };
}

function line(d: DeadLetterView): string {
  return [d.diedAt ?? '-', d.queue, d.type ?? '-', `message ${d.messageId ?? '-'}`, `case ${d.caseId ?? '-'}`, `failures ${d.failures ?? '-'}`, `deaths ${d.deaths}`, `why: ${d.reason ?? '-'}`].join('  ');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const config = loadConfig(BaseServiceConfig, process.env);
  const user = userInfo().username;
  const actor: Actor = { sub: `cli:${user}`, name: user, region: process.env.OPERATOR_REGION || 'OPERATIONS', roles: ['operator'] };
  const dataSource = createServiceDataSource({ url: config.DATABASE_URL, schema: 'intake', entities: [], migrations: [] });
  const messaging = new Messaging({ url: config.AMQP_URL, prefix: config.AMQP_PREFIX, service: 'operator-cli', logger: { log: () => undefined, warn: () => undefined, error: () => undefined } });
  await dataSource.initialize();
  try {
    // Outside Nest no role guard runs: the operator here is whoever holds DATABASE_URL and AMQP_URL.
    const handler = new DeadLettersHandler(messaging, dataSource);
    const run = <P extends object, R>(contract: MessageContract<P>, payload: P, handle: (envelope: ReturnType<typeof createEnvelope<P>>) => Promise<RpcReply<R>>) => {
      const id = randomUUID();
      return handle(createEnvelope(contract, payload, { correlationId: id, causationId: id, region: actor.region, actor }));
    };
    const { flags, rest } = options(args);
    let reply: RpcReply<unknown>;
    switch (command) {
      case 'list': {
        reply = await run(ListDeadLettersV1, selection(flags), (e) => handler.list(e));
        if (reply.ok) {
          const body = reply.body as { queues: Array<{ queue: string; deadLetters: number }>; items: DeadLetterView[]; truncated: boolean };
          for (const q of body.queues) process.stdout.write(`${q.queue}.dlq\t${q.deadLetters}\n`);
          for (const d of body.items) process.stdout.write(`${line(d)}\n`);
          if (body.truncated) process.stdout.write('… more match: narrow the filter\n');
        }
        break;
      }
      case 'show': {
        if (!rest[0]) throw new UsageError('show needs a message id');
        reply = await run(ShowDeadLetterV1, { messageId: rest[0] }, (e) => handler.show(e));
        if (reply.ok) process.stdout.write(`${JSON.stringify(reply.body, null, 2)}\n`);
        break;
      }
      case 'replay': {
        const ids = flags.get('id');
        reply = await run(ReplayDeadLettersV1, { ...selection(flags), ...(ids ? { messageIds: ids } : {}), ...(flags.has('all') ? { all: true } : {}) }, (e) => handler.replay(e));
        if (reply.ok) {
          const { replayed } = reply.body as { replayed: DeadLetterView[] };
          for (const d of replayed) process.stdout.write(`replayed  ${line(d)}\n`);
          process.stdout.write(`${replayed.length} replayed\n`);
        }
        break;
      }
      case 'purge': {
        if (!rest[0] || !(REQUEST_QUEUES as readonly string[]).includes(rest[0])) throw new UsageError(`purge takes a request/reply queue: ${REQUEST_QUEUES.join(', ')}`);
        reply = await run(PurgeDeadLettersV1, { queue: rest[0] }, (e) => handler.purge(e));
        if (reply.ok) process.stdout.write(`${(reply.body as { purged: number }).purged} purged from ${rest[0]}.dlq\n`);
        break;
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
    if (!reply.ok) {
      process.stderr.write(`${reply.problem.title}${reply.problem.detail ? `: ${reply.problem.detail}` : ''}\n`);
      return 1;
    }
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`dlq: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
