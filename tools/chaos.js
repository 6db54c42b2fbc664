#!/usr/bin/env node
// npm run chaos [-- --short]
// Starts the whole system as `npm start` does (a dead service is restarted), files LOGIN_LOCK cases at
// a steady rate through the gateway and, while they flow, breaks things in turn: every service killed
// with SIGKILL (several rounds), RabbitMQ restarted, PostgreSQL restarted, PostgreSQL stopped, the
// simulators (population register, staff directory, staff tool, SMTP sink) frozen, the staff tool
// failing and answering too late. Then it waits for the system to settle and checks what must hold.
// The last line is `N passed, M failed`; the exit code is 0 only when nothing failed.
//
// --short (CI): the same faults with outages of seconds instead of minutes.
// --skip-infra: leave PostgreSQL and RabbitMQ alone (the other faults only).
// It stops and starts the PostgreSQL cluster CHAOS_PG_CLUSTER (default `main`, port CHAOS_PG_PORT,
// default 5432) and the RabbitMQ node CHAOS_RABBIT_NODE (default: rabbitmqctl's own) behind AMQP_URL:
// by default the machine's own, so run it alone, or point it at a second cluster and node.
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const { startSystem, QUEUES, SERVICES } = require('./launcher');
const { syntheticResidents, lockBody, prepareRun, cleanUp } = require('./run-setup');

const HEAD_EMAIL = 'head@chaos.example';
const { values } = parseArgs({ options: { short: { type: 'boolean', default: false }, 'skip-infra': { type: 'boolean', default: false } } });
const SHORT = values.short;
const SKIP_INFRA = values['skip-infra'];

/** Every period of the run, in one place: the full run's and the short (CI) one's. */
const PLAN = SHORT
  ? { ratePerS: 2, killRounds: 1, pgDownMs: 20_000, frozenMs: 25_000, toolFailingMs: 10_000, toolLateMs: 12_000, between: 4_000, settleMs: 8 * 60_000 }
  : { ratePerS: 2, killRounds: 3, pgDownMs: 10 * 60_000, frozenMs: 10 * 60_000, toolFailingMs: 60_000, toolLateMs: 60_000, between: 10_000, settleMs: 30 * 60_000 };
/** A staff-tool answer slower than execution's client timeout (STAFF_TOOL_TIMEOUT_MS, 10 s). */
const TOO_LATE_MS = 12_000;
const POLL_MS = 1_000;
/** Services killed in turn; the simulators keep the staff tool's memory and are frozen instead. */
const KILLED = SERVICES.map((s) => s.name).filter((name) => name !== 'simulators');

const PG_PORT = Number(process.env.CHAOS_PG_PORT ?? 5432);
const pgCluster = () => {
  const version = execFileSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).trim().split('\n')[0];
  return [version, process.env.CHAOS_PG_CLUSTER ?? 'main'];
};
const rabbitctl = (...args) => run('rabbitmqctl', [...(process.env.CHAOS_RABBIT_NODE ? ['-n', process.env.CHAOS_RABBIT_NODE] : []), '-q', ...args]);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (text) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} chaos | ${text}\n`);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });

async function until(what, check, timeoutMs, intervalMs = POLL_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

async function healthy(url) {
  const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
  return res.ok;
}

/** Files one case a tick; a case not accepted (503, a timeout) is tried again with the same key, as a real client would. */
class Load {
  constructor(system, token, residents) {
    Object.assign(this, { system, token, residents });
    this.accepted = new Map(); // key → case id
    this.pending = new Set(); // keys not yet accepted
    this.refused = []; // keys answered with a 4xx other than 409/429
    this.next = 0;
    this.running = false;
    this.answers = new Map();
  }

  start() {
    this.running = true;
    this.loop = (async () => {
      while (this.running && this.next < this.residents.length) {
        const i = this.next++;
        const key = `chaos-${i}`;
        this.pending.add(key);
        void this.file(key, i);
        await sleep(1000 / PLAN.ratePerS);
      }
    })();
  }

  async stop() {
    this.running = false;
    await this.loop;
  }

  /** Files (again) every case not accepted yet, until each is, or `timeoutMs` passed. */
  async drain(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0 && Date.now() < deadline) {
      await Promise.all([...this.pending].map((key) => this.file(key, Number(key.split('-')[1]))));
      if (this.pending.size > 0) await sleep(2_000);
    }
  }

  async file(key, i) {
    let status = 0;
    try {
      const res = await fetch(`${this.system.gatewayUrl}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, 'idempotency-key': key },
        body: JSON.stringify(lockBody(this.residents[i], HEAD_EMAIL, 'Chaos')),
        signal: AbortSignal.timeout(15_000),
      });
      status = res.status;
      const body = await res.json().catch(() => ({}));
      if (status === 201 || status === 200) {
        this.accepted.set(key, body.id);
        this.pending.delete(key);
      } else if (status >= 400 && status < 500 && status !== 409 && status !== 429) {
        this.refused.push(`${key}: ${status} ${body.type ?? ''}`);
        this.pending.delete(key);
      }
    } catch {
      status = 0; // no answer: the gateway is down or slow; tried again later
    }
    this.answers.set(status, (this.answers.get(status) ?? 0) + 1);
  }
}

async function faults(system, sim) {
  const knobs = (change) =>
    fetch(`${system.simulatorUrl}/staff-tool/knobs`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) });
  for (let round = 1; round <= PLAN.killRounds; round++) {
    for (const name of KILLED) {
      const pid = system.pid(name);
      log(`round ${round}: SIGKILL ${name} (pid ${pid})`);
      process.kill(pid, 'SIGKILL');
      await until(`${name} back`, async () => system.pid(name) !== pid && (await healthy(`http://127.0.0.1:${system.ports[name]}`)), 120_000);
      await sleep(PLAN.between);
    }
  }
  if (SKIP_INFRA) log('PostgreSQL and RabbitMQ left alone (--skip-infra)');
  else await infrastructure();

  log(`simulators (registers, staff tool, SMTP sink): frozen for ${PLAN.frozenMs / 1000} s`);
  process.kill(sim(), 'SIGSTOP');
  try {
    await sleep(PLAN.frozenMs);
  } finally {
    process.kill(sim(), 'SIGCONT');
    log('simulators: thawed');
  }
  await sleep(PLAN.between * 2);

  log(`staff tool: failing every action for ${PLAN.toolFailingMs / 1000} s`);
  await knobs({ failureRate: 1 });
  await sleep(PLAN.toolFailingMs);
  await knobs({ failureRate: 0 });
  log(`staff tool: answering after ${TOO_LATE_MS} ms (past the client's timeout) for ${PLAN.toolLateMs / 1000} s`);
  await knobs({ latencyMs: TOO_LATE_MS });
  await sleep(PLAN.toolLateMs);
  await knobs({ latencyMs: 0 });
  log('faults over');
}

/** RabbitMQ restarted, PostgreSQL restarted, then stopped for a while. */
async function infrastructure() {
  log('RabbitMQ: stop_app, start_app');
  rabbitctl('stop_app');
  await sleep(PLAN.between);
  rabbitctl('start_app');
  await sleep(PLAN.between * 2);

  const [version, cluster] = pgCluster();
  log('PostgreSQL: restart');
  run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'restart', '-m', 'fast']);
  await sleep(PLAN.between * 2);
  log(`PostgreSQL: stopped for ${PLAN.pgDownMs / 1000} s`);
  run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'stop', '-m', 'fast']);
  try {
    await sleep(PLAN.pgDownMs);
  } finally {
    run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'start']);
    log('PostgreSQL: started');
  }
  await sleep(PLAN.between * 2);
}

/** What must hold once the system has settled; each check a line, pass or fail. */
async function verify(db, system, load, residents) {
  const results = [];
  const check = (name, ok, detail = '') => {
    results.push(ok);
    log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  };
  const accepted = [...load.accepted.values()];
  check('every case was accepted in the end (503s tried again with the same Idempotency-Key)', load.pending.size === 0 && load.refused.length === 0, `${accepted.length} accepted, ${load.pending.size} never accepted, refused: ${load.refused.slice(0, 3).join('; ') || 'none'}`);

  const { rows: perKey } = await db.query(`SELECT idempotency_key AS key, count(*)::int AS n FROM intake.cases WHERE idempotency_key LIKE 'chaos-%' GROUP BY idempotency_key`);
  const twice = perKey.filter((r) => r.n !== 1);
  check('every accepted case exists once', perKey.length === load.accepted.size && twice.length === 0, `${perKey.length} cases for ${load.accepted.size} keys, ${twice.length} keys twice`);

  const { rows: cases } = await db.query(
    `SELECT c.id, c.status, c.outcome, c.resident_personnummer AS pnr, c.registry_number AS reg,
            (SELECT count(*)::int FROM intake.work_items w WHERE w.case_id = c.id AND w.status = 'OPEN') AS open_items
       FROM intake.cases c WHERE c.idempotency_key LIKE 'chaos-%'`,
  );
  const settled = cases.filter((c) => (c.status === 'CLOSED' && c.outcome === 'EXECUTED') || c.open_items > 0);
  check('every case ends in a final state, or waits in a work item that says what is needed', settled.length === cases.length, `${cases.filter((c) => c.status === 'CLOSED').length} closed, ${cases.filter((c) => c.open_items > 0).length} with a work item, stuck: ${cases.filter((c) => !settled.includes(c)).map((c) => `${c.reg} ${c.status}`).slice(0, 5).join(', ') || 'none'}`);

  const calls = await (await fetch(`${system.simulatorUrl}/staff-tool/calls`)).json();
  const effective = new Map();
  for (const call of calls.calls ?? calls) if (call.result === 'DONE' && !call.replayed) effective.set(call.residentRef, (effective.get(call.residentRef) ?? 0) + 1);
  const ref = (pnr) => createHash('sha256').update(pnr).digest('hex').slice(0, 12);
  const executed = cases.filter((c) => c.outcome === 'EXECUTED');
  const wrongCount = executed.filter((c) => effective.get(ref(c.pnr)) !== 1);
  check('exactly one effective staff-tool action per executed case', wrongCount.length === 0, `${executed.length} executed, ${wrongCount.length} without exactly one`);

  const locked = [];
  for (const c of executed) {
    const res = await fetch(`${system.simulatorUrl}/staff-tool/accounts/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personnummer: c.pnr }) });
    if ((await res.json()).loginLocked) locked.push(c);
  }
  check('every case recorded as executed is locked in the staff tool', locked.length === executed.length, `${locked.length} of ${executed.length}`);

  // One e-mail is one Message-ID: should a commit fail after the mail server accepted an e-mail,
  // notification sends it again with the same Message-ID (README "Reliability"), and the receiving
  // mail system takes it as the same message. Such re-sends are counted and shown, not failed.
  const mails = (await (await fetch(`${system.simulatorUrl}/smtp-sink/messages?to=${encodeURIComponent(HEAD_EMAIL)}`)).json()).messages;
  const closed = cases.filter((c) => c.status === 'CLOSED');
  const feedbackOf = (reg) => mails.filter((m) => m.subject.startsWith('Återkoppling') && m.subject.includes(reg));
  const distinct = (list) => new Set(list.map((m) => m.messageId)).size;
  const badMail = closed.filter((c) => distinct(feedbackOf(c.reg)) !== 1);
  const resent = closed.filter((c) => feedbackOf(c.reg).length > distinct(feedbackOf(c.reg)));
  check(
    'exactly one feedback e-mail per closed case (one Message-ID)',
    badMail.length === 0,
    `${closed.length} closed, ${badMail.length} without exactly one (${badMail.slice(0, 3).map((c) => `${c.reg}: ${distinct(feedbackOf(c.reg))}`).join(', ')}); ${resent.length} re-sent with the same Message-ID after a lost commit`,
  );

  const { rows: reviews } = await db.query(`SELECT case_id, count(*)::int AS n FROM review_scheduler.reviews GROUP BY case_id`);
  const reviewOf = new Map(reviews.map((r) => [r.case_id, r.n]));
  const badReview = executed.filter((c) => reviewOf.get(c.id) !== 1);
  check('one review per executed lock', badReview.length === 0, `${executed.length - badReview.length} of ${executed.length}`);

  const outboxes = [];
  for (const schema of ['intake', 'identity_check', 'execution', 'notification', 'review_scheduler', 'guardian_block']) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`);
    if (rows[0].n > 0) outboxes.push(`${schema}: ${rows[0].n}`);
  }
  check('every outbox is empty', outboxes.length === 0, outboxes.join(', ') || 'all published');

  require('./register-paths');
  require('reflect-metadata');
  const { DeadLetterQueues, Names } = require('@accessdesk/messaging');
  const counts = await new DeadLetterQueues(process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672', new Names(system.prefix), QUEUES).counts();
  const dead = counts.filter((q) => q.deadLetters > 0);
  check('every dead-letter queue is empty', dead.length === 0, dead.map((q) => `${q.queue}: ${q.deadLetters}`).join(', ') || 'none');
  void residents;
  return results;
}

async function main() {
  // Enough residents for the whole load phase: one case each.
  const cases = Math.ceil(PLAN.ratePerS * 60 * (SHORT ? 6 : 45));
  const residents = syntheticResidents(cases, 'Chaos');
  const setup = await prepareRun('chaos', residents, { pgPort: PG_PORT });
  let system;
  let db;
  let results = [false];
  const started = Date.now();
  try {
    log(`${SHORT ? 'short' : 'full'} run; database ${new URL(setup.databaseUrl).pathname.slice(1)}, prefix ${setup.prefix}`);
    system = await startSystem({
      ephemeralPorts: true,
      restart: true,
      // The sink keeps every e-mail of the run, so that each case's feedback can be counted.
      env: { DATABASE_URL: setup.databaseUrl, AMQP_PREFIX: setup.prefix, AUTH_CONFIG_FILE: setup.authConfig, LOG_LEVEL: 'warn', SIMULATOR_FIXTURES: setup.fixtures, SIMULATOR_SMTP_KEEP: '1000000' },
      serviceEnv: { gateway: { RATE_LIMIT_BURST: '1000000', RATE_LIMIT_PER_MINUTE: '1000000' } },
      onLine: (service, line) => {
        if (line.startsWith('[launcher]')) log(`${service} ${line}`);
      },
    });
    system.prefix = setup.prefix;
    const load = new Load(system, setup.token, residents);
    load.start();
    await sleep(PLAN.between);
    await faults(system, () => system.pid('simulators'));
    await load.stop();
    log(`load stopped: ${load.next} filed; answers ${JSON.stringify(Object.fromEntries(load.answers))}`);
    await load.drain(5 * 60_000);

    db = new Client({ connectionString: setup.databaseUrl });
    await until('the database', async () => {
      await db.connect();
      return true;
    }, 60_000);
    log('waiting for the system to settle');
    await until(
      'the system to settle',
      async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM intake.cases c
            WHERE c.idempotency_key LIKE 'chaos-%' AND NOT (c.status = 'CLOSED')
              AND NOT EXISTS (SELECT 1 FROM intake.work_items w WHERE w.case_id = c.id AND w.status = 'OPEN')`,
        );
        const outbox = await db.query(
          `SELECT (SELECT count(*) FROM intake.outbox WHERE published_at IS NULL) + (SELECT count(*) FROM execution.outbox WHERE published_at IS NULL)
                + (SELECT count(*) FROM notification.outbox WHERE published_at IS NULL) + (SELECT count(*) FROM review_scheduler.outbox WHERE published_at IS NULL) AS n`,
        );
        return rows[0].n === 0 && Number(outbox.rows[0].n) === 0;
      },
      PLAN.settleMs,
      2_000,
    ).catch((err) => log(`${err.message}; checking what there is`));
    results = await verify(db, system, load, residents);
  } catch (err) {
    log(`the run broke off: ${err.message}`);
    results = [...results, false];
  } finally {
    await db?.end().catch(() => undefined);
    await system?.stop();
    await cleanUp(setup).catch((err) => log(`clean-up: ${err.message}`));
  }
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  log(`took ${Math.round((Date.now() - started) / 1000)} s`);
  process.stdout.write(`chaos: ${passed} passed, ${failed} failed\n`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((err) => {
  process.stderr.write(`chaos failed: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
