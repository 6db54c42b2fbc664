#!/usr/bin/env node
// npm run bench [-- --compare] [--cases 1000 --concurrency 32 --serial-cases 300 --read-seconds 10
//   --read-clients 1,32 --concurrency-check 128 --burst-cases <cases> --only throughput,serial,...
//   --bare-dir <dir>]
//
// Measures accessdesk against the whole system (simulators at zero latency, each service a process),
// and with --compare the bare pipeline (../shared/bench/bare-pipeline) first, in the same run, with
// the same counts and the same start and finish points (POINTS below). Prints a readable table, then
// as its last line one JSON object with every figure.
const os = require('node:os');
const { parseArgs } = require('node:util');
const { setTimeout: sleep } = require('node:timers/promises');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { startSystem, SERVICES } = require('./launcher');
const { syntheticResidents, lockBody, prepareRun, cleanUp } = require('./run-setup');
const { PHASES, benchOptions, bareRunsFor, percentile, round, ratio, ratios, formatRatio, judgeTargets, cpuPerUnit, formatTable, wrap } = require('./bench-figures');
const { CpuWindow, procAvailable } = require('./bench-cpu');
const { locateBare, ensureBareDependencies, runBare } = require('./bench-bare');

/** How long the last case may take to reach the finish point before the run fails. */
const END_POINT_TIMEOUT_MS = 10 * 60_000;
/** The bare pipeline looks for its finish point every 50 ms; so does the bench. */
const END_POINT_POLL_MS = 50;
/** Serial mode: how long one case may take to become EXECUTED, and how often the bench looks. */
const EXECUTED_TIMEOUT_MS = 60_000;
const EXECUTED_POLL_MS = 10;
/** Between phases every case of the phase is CLOSED (its e-mail sent, its review scheduled), so the next phase starts on a quiet system. */
const CLOSED_TIMEOUT_MS = 10 * 60_000;
const CLOSED_POLL_MS = 250;
/** One HTTP request; the gateway answers 503 after its own RPC timeout (5 s) long before this. */
const REQUEST_TIMEOUT_MS = 60_000;
/** Cases filed for the reads when the throughput phase is left out. */
const READ_SEED_CASES = 100;

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The start and finish points of every figure, printed with the figures. */
const POINTS = [
  'throughput = cases / (first submit → the last case has its review row and its feedback e-mail row written), looked for every 50 ms: accessdesk review_scheduler.reviews and notification.notifications (kind FEEDBACK), the bare pipeline bl_review and bl_notification. A submission that failed is not a case.',
  'latency = the case row’s created_at → the moment the case became EXECUTED, both as written in the database: accessdesk intake.cases.created_at → intake.case_timeline.at of EXECUTED (both stamped by intake inside the transaction that writes them), the bare pipeline bl_case.created_at → executed_at (clock_timestamp()); p50 and p99 by percentile_cont on both sides.',
  'serial = one case at a time: file it, wait until it is EXECUTED (looked for every 10 ms), file the next. one-in-flight = one submission at a time, not waiting for the case: the bare pipeline’s own latency run (node pipeline.js <n> 1), which the issue’s latency targets are judged against.',
  'reads = GET /api/v1/cases/{id}, each read audited, over cases already CLOSED, for a fixed time per client count; reads/s and latency at the client.',
  'CPU = each process’s user + system time from /proc/<pid>/stat over the window of the figure (looked at every 250 ms, so a process that exits counts up to its last sighting), per case or per read; PostgreSQL split into the backends of this run’s database and the rest (background writers, other databases); machine = every process on the machine, others’ work included.',
];

const log = (line) => process.stderr.write(`bench: ${line}\n`);

async function main() {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string' },
      concurrency: { type: 'string' },
      'serial-cases': { type: 'string' },
      'read-seconds': { type: 'string' },
      'read-clients': { type: 'string' },
      'concurrency-check': { type: 'string' },
      'burst-cases': { type: 'string' },
      only: { type: 'string' },
      compare: { type: 'boolean' },
      'bare-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`npm run bench [-- options]\n  phases (--only): ${PHASES.join(', ')}\n  see the head of tools/bench.js and the README's "Benchmark"\n`);
    return;
  }
  const options = benchOptions(values);
  const controller = new globalThis.AbortController();
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      log(`${sig}: stopping, cleaning up what the run made`);
      controller.abort();
    });
  }
  const signal = controller.signal;
  const report = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, load_average_at_start: os.loadavg().map((l) => round(l, 2)) },
    options: { ...options, bareDir: undefined },
    bare: null,
    accessdesk: {},
  };
  if (!procAvailable()) {
    report.machine.cpu = 'no /proc on this machine: no CPU figures';
    log(report.machine.cpu);
  }

  const bare = locateBare(options.bareDir);
  report.bare = { dir: bare.dir, available: bare.available, compared: false, reason: bare.reason };
  if (options.compare && !bare.available) {
    process.stdout.write(`The comparison with the bare pipeline cannot be made: ${bare.reason}.\n`);
    process.stdout.write(`${JSON.stringify({ ...report, error: 'bare pipeline absent' })}\n`);
    process.exitCode = 2;
    return;
  }
  if (options.compare) {
    const runs = bareRunsFor(options);
    if (runs.length === 0) {
      report.bare.reason = `none of --only ${options.only.join(',')} has a counterpart in the bare pipeline (throughput, serial and one-in-flight have)`;
    } else {
      await ensureBareDependencies(bare, log);
      const results = await runBare(bare, runs, { adminUrl: ADMIN_URL, signal, log });
      report.bare.compared = true;
      for (const [name, { result, cpu, error }] of Object.entries(results)) {
        report.bare[name] = error ? { error } : { ...result, cpu: cpuPerUnit(cpu, result.cases) };
      }
    }
  } else {
    report.bare.reason = bare.available
      ? 'the bare pipeline was not run (`npm run bench -- --compare` runs it first, in the same run)'
      : `the bare pipeline is absent, so the comparison cannot be made: ${bare.reason}. The figures are accessdesk's alone`;
  }

  const errors = [];
  try {
    await measureAccessdesk(options, report.accessdesk, signal);
  } catch (err) {
    if (signal.aborted) throw err;
    // What was measured before the failure is still printed, with the failure.
    errors.push(`accessdesk: ${err.message}`);
  }

  report.machine.load_average_at_end = os.loadavg().map((l) => round(l, 2));
  report.ratios = ratios(report.accessdesk, report.bare.compared ? report.bare : null);
  report.targets = judgeTargets(report.accessdesk, report.bare.compared ? report.bare : null);
  const bareFailed = Object.entries(report.bare).filter(([, v]) => v?.error);
  // --compare asked for a comparison: an incomplete one is a failed run too.
  if (bareFailed.length > 0) errors.push(`the comparison is incomplete: the bare pipeline's ${bareFailed.map(([k]) => k).join(' and ')} run failed`);
  if (errors.length > 0) report.errors = errors;
  process.stdout.write(`${readable(report)}\n`);
  process.stdout.write(`${JSON.stringify(report)}\n`);
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`bench failed: ${e}\n`);
    process.exitCode = 1;
  }
}

/** Every accessdesk phase of `options.only`, into `into`. Each group of phases gets a fresh system and database. */
async function measureAccessdesk(options, into, signal) {
  const want = (phase) => options.only.includes(phase);
  if (want('throughput') || want('reads') || want('burst')) {
    const seed = want('reads') && !want('throughput') ? READ_SEED_CASES : 0;
    const residents = (want('throughput') ? options.cases : 0) + seed + (want('burst') ? options.burstCases : 0);
    await withSystem(residents, signal, async (s) => {
      let from = 0;
      let filed = [];
      if (want('throughput')) {
        log(`accessdesk throughput: ${options.cases} cases, ${options.concurrency} in flight`);
        const { figures, ids } = await fileAndFinish(s, { from, count: options.cases, concurrency: options.concurrency, key: 'throughput' });
        into.throughput = figures;
        filed = ids;
        from += options.cases;
      }
      if (want('reads')) {
        if (filed.length === 0) {
          log(`accessdesk reads: filing ${seed} cases to read`);
          filed = (await fileAndFinish(s, { from, count: seed, concurrency: 32, key: 'seed' })).ids;
          from += seed;
        }
        await waitClosed(s, filed);
        into.reads = {};
        for (const clients of options.readClients) {
          log(`accessdesk reads: ${clients} client(s) for ${options.readSeconds} s`);
          into.reads[clients] = await readCases(s, filed, clients, options.readSeconds);
        }
        const [fewest, most] = [Math.min(...options.readClients), Math.max(...options.readClients)];
        if (fewest !== most) into.reads.scaling = { from_clients: fewest, to_clients: most, reads_per_s_ratio: ratio(into.reads[most].reads_per_s, into.reads[fewest].reads_per_s) };
      } else if (want('burst') && filed.length > 0) {
        await waitClosed(s, filed);
      }
      if (want('burst')) {
        log(`accessdesk burst: ${options.burstCases} cases, ${options.burstConcurrency} in flight`);
        into.burst = (await fileAndFinish(s, { from, count: options.burstCases, concurrency: options.burstConcurrency, key: 'burst' })).figures;
      }
    });
  }
  if (want('serial') || want('one-in-flight')) {
    const residents = (want('serial') ? options.serialCases : 0) + (want('one-in-flight') ? options.serialCases : 0);
    await withSystem(residents, signal, async (s) => {
      let from = 0;
      if (want('serial')) {
        log(`accessdesk serial: ${options.serialCases} cases, each filed once the one before is EXECUTED`);
        const { figures, ids } = await serial(s, { from, count: options.serialCases });
        into.serial = figures;
        from += options.serialCases;
        if (want('one-in-flight')) await waitClosed(s, ids);
      }
      if (want('one-in-flight')) {
        log(`accessdesk one-in-flight: ${options.serialCases} cases, one submission at a time (the bare pipeline's latency run)`);
        into['one-in-flight'] = (await fileAndFinish(s, { from, count: options.serialCases, concurrency: 1, key: 'one-in-flight' })).figures;
      }
    });
  }
}

/**
 * A fresh accessdesk: its own database, broker prefix, key and fixtures with `residentCount`
 * synthetic residents, every service started; `fn` gets it, and afterwards everything the run made
 * is removed, also when `fn` or the start failed.
 */
async function withSystem(residentCount, signal, fn) {
  const residents = syntheticResidents(residentCount, 'Bench');
  const run = await prepareRun('bench', residents);
  const databaseName = new URL(run.databaseUrl).pathname.slice(1);
  let system;
  let db;
  try {
    system = await startSystem({
      ephemeralPorts: true,
      env: { DATABASE_URL: run.databaseUrl, AMQP_PREFIX: run.prefix, AUTH_CONFIG_FILE: run.authConfig, LOG_LEVEL: 'warn', SIMULATOR_FIXTURES: run.fixtures, STAFF_TOOL_LATENCY_MS: '0', STAFF_TOOL_FAILURE_RATE: '0' },
      // One benchmark client files every case: the per-caller limit would measure itself, not the system.
      serviceEnv: { gateway: { RATE_LIMIT_BURST: '1000000', RATE_LIMIT_PER_MINUTE: '1000000' } },
      onLine: (service, line) => {
        if (/"level":"(error|fatal)"/.test(line)) process.stderr.write(`${service}| ${line}\n`);
      },
    });
    if (signal.aborted) throw new Error('interrupted');
    db = new Client({ connectionString: run.databaseUrl });
    await db.connect();
    const servicePids = new Map(SERVICES.map(({ name }) => [system.pid(name), name]));
    const cpuWindow = () => (procAvailable() ? new CpuWindow({ servicePids, databases: [databaseName], benchPid: process.pid }).begin() : null);
    return await fn({ system, db, token: run.token, residents, cpuWindow, signal });
  } finally {
    await db?.end().catch(() => {});
    await system?.stop();
    await cleanUp(run);
  }
}

/** POSTs the lock of `residents[index]`; `{ id }` when it was filed (201), else `{ reason }`. */
async function submit(s, index, key) {
  const body = lockBody(s.residents[index], 'head@bench.example', 'Benchmark');
  try {
    const res = await fetch(`${s.system.gatewayUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}`, 'idempotency-key': key },
      body: JSON.stringify(body),
      signal: AbortSignal.any([s.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
    });
    const answer = await res.json().catch(() => null);
    if (res.status === 201 && answer?.id) return { id: answer.id };
    // The problem type names what went wrong; its detail might quote the request, so it stays out.
    const type = typeof answer?.type === 'string' ? ` ${answer.type.split('/').pop()}` : '';
    return { reason: `HTTP ${res.status}${type}` };
  } catch (err) {
    if (s.signal.aborted) throw new Error('interrupted');
    return { reason: err.name === 'TimeoutError' ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : `no answer: ${err.cause?.code ?? err.message}` };
  }
}

/**
 * Files `count` cases with `concurrency` requests in flight, waits until the last of them reached the
 * finish point, and measures throughput, latency and CPU per case over that window.
 */
async function fileAndFinish(s, { from, count, concurrency, key }) {
  const cpu = s.cpuWindow();
  const ids = [];
  const failures = {};
  let next = 0;
  const startedAt = Date.now();
  const client = async () => {
    while (next < count) {
      const i = next++;
      const outcome = await submit(s, from + i, `${key}-${i}`);
      if (outcome.id) ids.push(outcome.id);
      else failures[outcome.reason] = (failures[outcome.reason] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, client));
  const submittedAt = Date.now();
  const failed = count - ids.length;
  if (failed > 0) log(`${failed} of ${count} submissions failed: ${JSON.stringify(failures)}`);
  const finishedAt = await waitForFinishPoint(s, ids);
  const window = cpu?.end() ?? null;
  const latency = await latencyOf(s.db, ids);
  return {
    ids,
    figures: {
      cases: ids.length,
      concurrency,
      failed_submissions: failed,
      failures,
      submit_per_s: round(ids.length / ((submittedAt - startedAt) / 1000)),
      e2e_cases_per_s: round(ids.length / ((finishedAt - startedAt) / 1000)),
      seconds: round((finishedAt - startedAt) / 1000, 2),
      p50_ms: latency.p50_ms,
      p99_ms: latency.p99_ms,
      cpu: cpuPerUnit(window, ids.length),
    },
  };
}

/** Waits until every case of `ids` has its review row and its feedback e-mail row (and was EXECUTED); the moment it saw that. */
async function waitForFinishPoint(s, ids) {
  const deadline = Date.now() + END_POINT_TIMEOUT_MS;
  for (;;) {
    const { rows } = await s.db.query(
      `SELECT (SELECT count(DISTINCT case_id) FROM intake.case_timeline WHERE case_id = ANY($1::uuid[]) AND status = 'EXECUTED')::int AS executed,
              (SELECT count(*) FROM review_scheduler.reviews WHERE case_id = ANY($1::uuid[]))::int AS reviewed,
              (SELECT count(DISTINCT case_id) FROM notification.notifications WHERE case_id = ANY($1::uuid[]) AND kind = 'FEEDBACK')::int AS notified`,
      [ids],
    );
    const { executed, reviewed, notified } = rows[0];
    if (executed === ids.length && reviewed === ids.length && notified === ids.length) return Date.now();
    if (Date.now() > deadline) {
      throw new Error(`after ${END_POINT_TIMEOUT_MS / 60_000} min, of ${ids.length} cases ${executed} were EXECUTED, ${reviewed} had their review row and ${notified} their feedback e-mail row`);
    }
    await sleep(END_POINT_POLL_MS, undefined, { signal: s.signal });
  }
}

/** p50 and p99 of created_at → EXECUTED over `ids`, by percentile_cont as the bare pipeline computes its own. */
async function latencyOf(db, ids) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n,
            percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM e.at - c.created_at) * 1000) AS p
       FROM intake.cases c
       JOIN (SELECT case_id, min(at) AS at FROM intake.case_timeline WHERE status = 'EXECUTED' AND case_id = ANY($1::uuid[]) GROUP BY case_id) e ON e.case_id = c.id`,
    [ids],
  );
  const [p50, p99] = rows[0].p ?? [null, null];
  return { n: rows[0].n, p50_ms: round(p50), p99_ms: round(p99) };
}

/** Serial mode: one case at a time, the next filed once the one before is EXECUTED. */
async function serial(s, { from, count }) {
  const cpu = s.cpuWindow();
  const ids = [];
  const failures = {};
  const startedAt = Date.now();
  for (let i = 0; i < count; i++) {
    const outcome = await submit(s, from + i, `serial-${i}`);
    if (!outcome.id) {
      failures[outcome.reason] = (failures[outcome.reason] ?? 0) + 1;
      continue;
    }
    ids.push(outcome.id);
    await waitExecuted(s, outcome.id);
  }
  const endedAt = Date.now();
  const window = cpu?.end() ?? null;
  const latency = await latencyOf(s.db, ids);
  return {
    ids,
    figures: {
      cases: ids.length,
      failed_submissions: count - ids.length,
      failures,
      seconds: round((endedAt - startedAt) / 1000, 2),
      p50_ms: latency.p50_ms,
      p99_ms: latency.p99_ms,
      cpu: cpuPerUnit(window, ids.length),
    },
  };
}

async function waitExecuted(s, id) {
  const deadline = Date.now() + EXECUTED_TIMEOUT_MS;
  for (;;) {
    const { rowCount } = await s.db.query(`SELECT 1 FROM intake.case_timeline WHERE case_id = $1 AND status = 'EXECUTED' LIMIT 1`, [id]);
    if (rowCount > 0) return;
    if (Date.now() > deadline) {
      const { rows } = await s.db.query('SELECT status FROM intake.cases WHERE id = $1', [id]);
      throw new Error(`case ${id} was not EXECUTED within ${EXECUTED_TIMEOUT_MS / 1000} s (status ${rows[0]?.status ?? 'unknown'})`);
    }
    await sleep(EXECUTED_POLL_MS, undefined, { signal: s.signal });
  }
}

/** Waits until every case of `ids` is CLOSED: what each case causes is done, the system is quiet. */
async function waitClosed(s, ids) {
  const deadline = Date.now() + CLOSED_TIMEOUT_MS;
  for (;;) {
    const { rows } = await s.db.query(`SELECT count(*)::int AS n FROM intake.cases WHERE id = ANY($1::uuid[]) AND status = 'CLOSED'`, [ids]);
    if (rows[0].n === ids.length) return;
    if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${ids.length} cases were CLOSED within ${CLOSED_TIMEOUT_MS / 60_000} min`);
    await sleep(CLOSED_POLL_MS, undefined, { signal: s.signal });
  }
}

/** `clients` readers GET the cases of `ids` in turn for `seconds`; reads/s and latency at the client. */
async function readCases(s, ids, clients, seconds) {
  const cpu = s.cpuWindow();
  const latencies = [];
  const failures = {};
  let next = 0;
  const startedAt = Date.now();
  const until = startedAt + seconds * 1000;
  const reader = async () => {
    while (Date.now() < until) {
      const id = ids[next++ % ids.length];
      const t0 = performance.now();
      try {
        const res = await fetch(`${s.system.gatewayUrl}/api/v1/cases/${id}`, {
          headers: { authorization: `Bearer ${s.token}` },
          signal: AbortSignal.any([s.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
        });
        await res.arrayBuffer();
        if (res.status === 200) latencies.push(performance.now() - t0);
        else failures[`HTTP ${res.status}`] = (failures[`HTTP ${res.status}`] ?? 0) + 1;
      } catch (err) {
        if (s.signal.aborted) throw new Error('interrupted');
        const reason = err.name === 'TimeoutError' ? 'no answer in time' : `no answer: ${err.cause?.code ?? err.message}`;
        failures[reason] = (failures[reason] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, reader));
  const wallS = (Date.now() - startedAt) / 1000;
  const window = cpu?.end() ?? null;
  return {
    clients,
    reads: latencies.length,
    failed: Object.values(failures).reduce((a, b) => a + b, 0),
    failures,
    seconds: round(wallS, 2),
    reads_per_s: round(latencies.length / wallS),
    p50_ms: round(percentile(latencies, 0.5)),
    p99_ms: round(percentile(latencies, 0.99)),
    cpu: cpuPerUnit(window, latencies.length),
  };
}

const ms = (v) => (v === null || v === undefined ? null : `${v} ms`);
const perS = (v) => (v === null || v === undefined ? null : `${v} /s`);

/** The figures as tables, with their start and finish points, for a person. */
function readable(report) {
  const a = report.accessdesk;
  const b = report.bare.compared ? report.bare : null;
  const r = report.ratios ?? {};
  const out = [];
  out.push(`accessdesk benchmark, ${report.date}, ${report.machine.cores} cores, load average ${report.machine.load_average_at_start.join(' ')} at the start and ${report.machine.load_average_at_end.join(' ')} at the end`);
  out.push(b ? `Side by side with the bare pipeline in ${report.bare.dir}, run first in this run with the same counts.` : `No comparison: ${report.bare.reason}.`);
  for (const [name, v] of Object.entries(report.bare)) if (v?.error) out.push(`The bare pipeline's ${name} run failed, so what is judged against it is not: ${v.error}`);
  for (const e of report.errors ?? []) out.push(`FAILED: ${e}`);
  out.push('', 'Start and finish points:', ...POINTS.map((p) => wrap(p, 110, '  - ', '    ')), '');
  const verdict = (id) => {
    const t = report.targets.find((x) => x.id === id);
    if (!t) return null;
    return t.met === null ? `not judged (${t.why})` : `${t.limit}: ${t.met ? 'met' : 'NOT met'}`;
  };
  const tp = a.throughput;
  const rows = [];
  if (tp) {
    rows.push([`throughput (${tp.cases + tp.failed_submissions} cases, ${tp.concurrency} in flight)`, perS(b?.throughput?.e2e_cases_per_s), perS(tp.e2e_cases_per_s), b ? formatRatio(r.throughput) : null, verdict('throughput')]);
    rows.push(['  submissions answered', perS(b?.throughput?.submit_per_s), perS(tp.submit_per_s), null, null]);
    rows.push(['  latency under that load, p50', ms(b?.throughput?.p50_ms), ms(tp.p50_ms), b ? formatRatio(r.under_load_p50) : null, null]);
    rows.push(['  latency under that load, p99', ms(b?.throughput?.p99_ms), ms(tp.p99_ms), b ? formatRatio(r.under_load_p99) : null, null]);
    rows.push([`  failed submissions at ${tp.concurrency} in flight`, null, tp.failed_submissions, null, verdict('failed_at_concurrency')]);
  }
  if (a.serial) {
    rows.push([`serial latency p50 (${a.serial.cases} cases; bare: its latency run)`, ms(b?.latency?.p50_ms), ms(a.serial.p50_ms), b ? formatRatio(r.serial_p50) : null, verdict('serial_p50')]);
    rows.push(['serial latency p99', ms(b?.latency?.p99_ms), ms(a.serial.p99_ms), b ? formatRatio(r.serial_p99) : null, verdict('serial_p99')]);
  }
  const oif = a['one-in-flight'];
  if (oif) {
    rows.push([`one in flight, like the bare's latency run, p50 (${oif.cases} cases)`, ms(b?.latency?.p50_ms), ms(oif.p50_ms), b ? formatRatio(r.one_in_flight_p50) : null, null]);
    rows.push(['one in flight, p99', ms(b?.latency?.p99_ms), ms(oif.p99_ms), b ? formatRatio(r.one_in_flight_p99) : null, null]);
    rows.push(['one in flight, throughput', perS(b?.latency?.e2e_cases_per_s), perS(oif.e2e_cases_per_s), null, null]);
  }
  if (a.burst) {
    rows.push([`failed submissions at ${a.burst.concurrency} in flight (${a.burst.cases + a.burst.failed_submissions} filed)`, null, a.burst.failed_submissions, null, verdict('failed_at_burst')]);
    rows.push(['  throughput at that load', null, perS(a.burst.e2e_cases_per_s), null, null]);
  }
  if (a.reads) {
    for (const [clients, f] of Object.entries(a.reads).filter(([k]) => k !== 'scaling')) {
      rows.push([`audited reads, ${clients} client(s): reads/s, p50, p99, failed`, null, `${f.reads_per_s} /s, ${f.p50_ms} ms, ${f.p99_ms} ms, ${f.failed}`, null, null]);
    }
    if (a.reads.scaling) rows.push([`  reads/s at ${a.reads.scaling.to_clients} over at ${a.reads.scaling.from_clients} client(s)`, null, formatRatio(a.reads.scaling.reads_per_s_ratio), null, 'no limit set by the issue']);
  }
  // Without the bare pipeline its two columns would be empty: left out.
  const columns = b ? [0, 1, 2, 3, 4] : [0, 2, 4];
  const pick = (row) => columns.map((i) => row[i]);
  out.push(formatTable(pick(['figure', 'bare', 'accessdesk', 'ratio', 'target']), rows.map(pick)));

  // CPU: one column per window, milliseconds per case (per read for the reads).
  const windows = [];
  if (b?.throughput?.cpu) windows.push(['bare throughput', b.throughput.cpu]);
  if (tp?.cpu) windows.push(['throughput', tp.cpu]);
  if (b?.latency?.cpu) windows.push(['bare latency run', b.latency.cpu]);
  if (a.serial?.cpu) windows.push(['serial', a.serial.cpu]);
  if (oif?.cpu) windows.push(['one in flight', oif.cpu]);
  for (const [clients, f] of Object.entries(a.reads ?? {}).filter(([k]) => k !== 'scaling')) if (f.cpu) windows.push([`reads ×${clients} (per read)`, f.cpu]);
  if (a.burst?.cpu) windows.push(['burst', a.burst.cpu]);
  if (windows.length > 0) {
    const groups = [...new Set(windows.flatMap(([, w]) => Object.keys(w.groups)))].sort(byGroupOrder);
    const cpuRows = groups.map((g) => [g, ...windows.map(([, w]) => w.groups[g]?.ms_per_unit ?? null)]);
    cpuRows.push(['machine, every process', ...windows.map(([, w]) => w.machine.ms_per_unit)]);
    cpuRows.push(['  cores busy on average', ...windows.map(([, w]) => w.machine.cores)]);
    out.push('', 'CPU milliseconds per case (per read for reads), by process:', formatTable(['process', ...windows.map(([name]) => name)], cpuRows));
  }
  return out.join('\n');
}

/** accessdesk's services in start order, then the bare pipeline's processes, then the shared servers. */
function byGroupOrder(x, y) {
  const rank = (g) => {
    const service = SERVICES.findIndex(({ name }) => name === g);
    if (service >= 0) return service;
    if (g.startsWith('bare')) return 100;
    if (g === 'bench client') return 200;
    return 300;
  };
  return rank(x) - rank(y) || x.localeCompare(y);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err.message}\n`);
  process.exit(1);
});
