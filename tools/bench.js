#!/usr/bin/env node
// npm run bench [-- --cases 1000 --concurrency 32]
// Files N LOGIN_LOCK cases through the gateway with C concurrent clients against the whole system
// (simulators at zero latency), waits until all are CLOSED, and prints as its last line one JSON
// object: cases, concurrency, cases_per_s (end to end), p50_ms and p99_ms (submit → EXECUTED).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');
const { startSystem, QUEUES } = require('./launcher');
const { mintToken, DEV_ISSUER, DEV_AUDIENCE } = require('./dev-keys');

const CLOSE_TIMEOUT_MS = 10 * 60_000;
const POLL_MS = 250;

function luhn(nine) {
  let sum = 0;
  for (let i = 0; i < nine.length; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** N synthetic adults with valid personnummer, all with a 1177 account. */
function syntheticResidents(n) {
  const residents = [];
  for (let i = 0; residents.length < n; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const serial = 100 + Math.floor(i / 336);
    const yymmdd = `70${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    const nine = `${yymmdd}${String(serial).padStart(3, '0')}`;
    residents.push({
      personnummer: `19${nine}${luhn(nine)}`,
      givenName: 'Bench',
      surname: `Person${i}`,
      protectedIdentity: false,
      deceased: false,
      has1177Account: true,
      guardians: [],
    });
  }
  return residents;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '32' } } });
  const cases = Number(values.cases);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(concurrency) || concurrency < 1) throw new Error('--cases and --concurrency take whole numbers ≥ 1');

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'accessdesk-bench-'));
  process.env.DEV_KEYS_DIR = work;
  const defaults = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'services', 'simulators', 'fixtures', 'default.json'), 'utf8'));
  const residents = syntheticResidents(cases);
  const fixtures = path.join(work, 'fixtures.json');
  fs.writeFileSync(fixtures, JSON.stringify({ ...defaults, residents }));
  const token = await mintToken({
    sub: 'SE2321000131-E000000000011',
    name: 'Dr A',
    region: 'VGR',
    roles: ['clinician'],
    unit: 'SE2321000131-E000000000001',
    careProvider: 'SE2321000131-E000000000000',
  });
  const authConfig = path.join(work, 'auth.json');
  fs.writeFileSync(authConfig, JSON.stringify({ issuers: [{ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwksFile: path.join(work, 'jwks.json') }] }));

  const databaseUrl = `postgres://postgres@127.0.0.1:5432/accessdesk_bench_${randomBytes(4).toString('hex')}`;
  const prefix = `bench-${randomBytes(4).toString('hex')}.`;
  let system;
  let db;
  try {
    system = await startSystem({
      ephemeralPorts: true,
      env: { DATABASE_URL: databaseUrl, AMQP_PREFIX: prefix, AUTH_CONFIG_FILE: authConfig, LOG_LEVEL: 'warn', SIMULATOR_FIXTURES: fixtures, STAFF_TOOL_LATENCY_MS: '0', STAFF_TOOL_FAILURE_RATE: '0' },
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
        const r = residents[i];
        const body = {
          type: 'LOGIN_LOCK',
          resident: { personnummer: r.personnummer, name: `${r.givenName} ${r.surname}` },
          channel: 'E_FORM',
          initiator: { kind: 'STAFF', description: '' },
          decision: {
            decidedBy: { hsaId: 'SE2321000131-E000000000011', name: 'Dr A', role: 'CLINICIAN' },
            decidedAt: '2026-11-20T09:00:00Z',
            reasons: ['THREAT'],
            motivation: 'Benchmark',
            journalNoteRef: 'bench',
            chiefPhysicianInformedAt: '2026-11-20T09:30:00Z',
          },
          patientInformed: { informed: true },
          signature: { signedBy: 'SE2321000131-E000000000011', signedAt: '2026-11-20T09:05:00Z' },
          requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Benchmark unit', headEmail: 'head@bench.example' },
        };
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
    require('./register-paths');
    require('reflect-metadata');
    const { deleteTopology } = require('@accessdesk/messaging');
    await deleteTopology(prefix, QUEUES.map((q) => `${prefix}${q}`));
    const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err.message}\n`);
  process.exit(1);
});
