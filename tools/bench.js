#!/usr/bin/env node
// npm run bench [-- --cases 1000 --concurrency 32]
// Files N LOGIN_LOCK cases through the gateway with C concurrent clients against the whole system
// (simulators at zero latency), waits until all are CLOSED, and prints as its last line one JSON
// object: cases, concurrency, cases_per_s (end to end), p50_ms and p99_ms (submit → EXECUTED).
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const { startSystem } = require('./launcher');
const { syntheticResidents, lockBody, prepareRun, cleanUp } = require('./run-setup');

const CLOSE_TIMEOUT_MS = 10 * 60_000;
const POLL_MS = 250;

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '32' } } });
  const cases = Number(values.cases);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(concurrency) || concurrency < 1) throw new Error('--cases and --concurrency take whole numbers ≥ 1');

  const residents = syntheticResidents(cases, 'Bench');
  const run = await prepareRun('bench', residents);
  const { token, databaseUrl, prefix } = run;
  let system;
  let db;
  try {
    system = await startSystem({
      ephemeralPorts: true,
      env: { DATABASE_URL: databaseUrl, AMQP_PREFIX: prefix, AUTH_CONFIG_FILE: run.authConfig, LOG_LEVEL: 'warn', SIMULATOR_FIXTURES: run.fixtures, STAFF_TOOL_LATENCY_MS: '0', STAFF_TOOL_FAILURE_RATE: '0' },
      // One benchmark client files every case: the per-caller limit would measure itself, not the system.
      serviceEnv: { gateway: { RATE_LIMIT_BURST: '1000000', RATE_LIMIT_PER_MINUTE: '1000000' } },
      onLine: (service, line) => {
        if (/"level":"(error|fatal)"/.test(line)) process.stderr.write(`${service}| ${line}\n`);
      },
    });
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const submittedAt = new Map();
    let next = 0;
    let failures = 0;
    const started = Date.now();
    async function client() {
      while (next < cases) {
        const i = next++;
        const body = lockBody(residents[i], 'head@bench.example', 'Benchmark');
        const t0 = Date.now();
        const res = await fetch(`${system.gatewayUrl}/api/v1/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `bench-${i}` },
          body: JSON.stringify(body),
        });
        if (res.status !== 201) {
          failures += 1;
          process.stderr.write(`case ${i}: HTTP ${res.status} ${await res.text()}\n`);
          continue;
        }
        const { id } = await res.json();
        submittedAt.set(id, t0);
      }
    }
    await Promise.all(Array.from({ length: concurrency }, client));
    const expected = submittedAt.size;
    const deadline = Date.now() + CLOSE_TIMEOUT_MS;
    for (;;) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM intake.cases WHERE status = 'CLOSED'`);
      if (rows[0].n >= expected) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${expected} cases closed within ${CLOSE_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const elapsedS = (Date.now() - started) / 1000;
    const { rows } = await db.query(`SELECT case_id, min(at) AS at FROM intake.case_timeline WHERE status = 'EXECUTED' GROUP BY case_id`);
    const latencies = rows.map((r) => new Date(r.at).getTime() - submittedAt.get(r.case_id)).sort((a, b) => a - b);
    const result = {
      cases: expected,
      concurrency,
      failed_submissions: failures,
      cases_per_s: Number((expected / elapsedS).toFixed(1)),
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    // Also when the system did not come up: what it declared and created goes.
    await db?.end();
    await system?.stop();
    await cleanUp(run);
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err.message}\n`);
  process.exit(1);
});
