// Runs the bare pipeline (../shared/bench/bare-pipeline, outside the repository, run from its own
// folder as its README says) for `npm run bench -- --compare`, and measures the CPU of its processes
// the same way as accessdesk's. Its code is not copied: the bench starts `node pipeline.js <cases>
// <concurrency>` and reads the JSON on its last line.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');
const { CpuWindow } = require('./bench-cpu');

const DEFAULT_BARE_DIR = path.join(__dirname, '..', '..', 'shared', 'bench', 'bare-pipeline');

/** The bare pipeline forks this many processes (its `roles`) and files its first case 2.5 s later. */
const BARE_PROCESSES = 7;
const BARE_START_PAUSE_MS = 2_500;
/**
 * The CPU window starts this long after the bare pipeline's processes appear: after their start-up,
 * before its first case (which it files 2.5 s after forking them).
 */
const BARE_WINDOW_AFTER_FORK_MS = 2_200;
/**
 * The bare pipeline files its first case 2.5 s after forking its processes, ready or not; on a busy
 * machine they are not, and it fails. So they start at this raised priority (nice value), and go back
 * to the bench's own priority when the CPU window opens, before its first case: what is measured
 * runs at the same priority as accessdesk. Needs root or CAP_SYS_NICE; without, they start as they are.
 */
const BARE_START_NICE = -10;
/** Its own deadline is 300 s after its first case; ours leaves room for the start and the clean-up. */
const BARE_RUN_TIMEOUT_MS = 8 * 60_000;
/**
 * A run whose rows stop growing this long is stopped. Its client waits for each reply without a
 * deadline, and a request its gateway sends before its intake has declared its queue is lost: on a
 * busy machine it would wait forever.
 */
const BARE_STALL_MS = 30_000;
const BARE_PROGRESS_EVERY_MS = 1_000;
/** Every row the bare pipeline writes for its cases: it grows until the last case has its review and notification. */
const BARE_PROGRESS_SQL = `SELECT (SELECT count(*) FROM bl_case) + (SELECT count(executed_at) FROM bl_case) + (SELECT count(*) FROM bl_review) + (SELECT count(*) FROM bl_notification) AS n`;
/** A run whose processes were not listening when it filed its first case is tried again, this often in all. */
const BARE_ATTEMPTS = 5;
/** The wait before the next attempt, this much longer each time: a moment for a busy machine. */
const BARE_RETRY_AFTER_MS = 2_000;
const NPM_CI_TIMEOUT_MS = 5 * 60_000;
const STOP_GRACE_MS = 3_000;

/** The queues and exchange pipeline.js declares; it deletes them when it starts, the bench when it is done. */
const BARE_QUEUES = ['bl.intake.rpc', 'bl.intake.events', 'bl.identity', 'bl.execution', 'bl.notification', 'bl.review'];
const BARE_EXCHANGE = 'bl.events';

/**
 * Where the bare pipeline is, or why it cannot be used. `dir` is --bare-dir, else $BARE_PIPELINE_DIR,
 * else ../shared/bench/bare-pipeline beside the repository.
 */
function locateBare(dir) {
  const where = path.resolve(dir ?? process.env.BARE_PIPELINE_DIR ?? DEFAULT_BARE_DIR);
  const script = path.join(where, 'pipeline.js');
  if (!fs.existsSync(where)) return { dir: where, script, available: false, reason: `${where} does not exist (the bare pipeline lives in ../shared/bench/bare-pipeline beside the repository; --bare-dir or BARE_PIPELINE_DIR name another place)` };
  if (!fs.existsSync(script)) return { dir: where, script, available: false, reason: `${where} has no pipeline.js` };
  // Its processes are forked with the script's real path: the same string identifies them in /proc.
  return { dir: where, script: fs.realpathSync(script), available: true, reason: null };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Installs the bare pipeline's two dependencies in its folder when they are not there yet. */
async function ensureBareDependencies(bare, log) {
  if (fs.existsSync(path.join(bare.dir, 'node_modules', 'amqplib')) && fs.existsSync(path.join(bare.dir, 'node_modules', 'pg'))) return;
  log(`installing the bare pipeline's dependencies: npm ci --no-audit --no-fund in ${bare.dir}`);
  // stdout goes to the bench's stderr (inherit of fd 1 would mix npm's lines into the bench's output).
  await new Promise((resolve, reject) => {
    const child = spawn('npm', ['ci', '--no-audit', '--no-fund'], { cwd: bare.dir, stdio: ['ignore', process.stderr, process.stderr] });
    const timer = setTimeout(() => child.kill('SIGTERM'), NPM_CI_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm ci in ${bare.dir} ended with ${signal ?? `code ${code}`}: the bare pipeline cannot run`));
    });
  });
}

function setPriority(pid, nice) {
  try {
    os.setPriority(pid, nice);
    return true;
  } catch {
    return false; // not allowed, or it exited: it runs at the priority it has
  }
}

/** The child pids of `pid` right now (Linux 3.5+: /proc/<pid>/task/<pid>/children). */
function childrenOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function isBareProcess(pid, script) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(script);
  } catch {
    return false;
  }
}

/**
 * Stops processes of the bare pipeline that outlived its main process (it forks them and leaves them
 * running when it fails): each by its pid, and only while that pid still runs pipeline.js.
 */
async function stopLeftovers(pids, script) {
  const alive = () => [...pids].filter((pid) => isBareProcess(pid, script));
  for (const pid of alive()) process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (alive().length > 0 && Date.now() < deadline) await sleep(50);
  for (const pid of alive()) process.kill(pid, 'SIGKILL');
}

/**
 * One run of `node pipeline.js <cases> <concurrency>`: its JSON result and the CPU of its processes,
 * PostgreSQL and RabbitMQ from 2.2 s after it forked its processes until it ended. Throws with what
 * it printed when it fails; `startFailed` marks a failure to come up in its fixed 2.5 s (a busy machine).
 */
async function runBareOnce(bare, { cases, concurrency, databaseUrl, databaseName, signal, log }) {
  const child = spawn(process.execPath, [bare.script, String(cases), String(concurrency)], {
    cwd: bare.dir,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = [];
  const stderrTail = [];
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop();
    stdout.push(...lines);
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      stderrTail.push(line);
      if (stderrTail.length > 30) stderrTail.shift();
    }
  });
  const exited = new Promise((resolve) => child.once('exit', (code, sig) => resolve({ code, signal: sig })));
  const normalPriority = os.getPriority();
  const raised = setPriority(child.pid, BARE_START_NICE);
  const forked = new Set();
  let window = null;
  let forkSeenAt = null;
  const progress = { client: null, rows: -1, changedAt: 0, checkedAt: 0 };
  let stalled = false;
  const onAbort = () => child.kill('SIGTERM');
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    log(`the bare pipeline did not finish within ${BARE_RUN_TIMEOUT_MS / 60_000} min: stopping it`);
    child.kill('SIGTERM');
  }, BARE_RUN_TIMEOUT_MS);
  try {
    let done = null;
    exited.then((result) => (done = result));
    // Watch its processes appear (it forks them at once), to open the CPU window after their start
    // and to stop any it leaves behind.
    while (done === null) {
      for (const pid of childrenOf(child.pid)) forked.add(pid);
      if (forkSeenAt === null && forked.size >= BARE_PROCESSES) forkSeenAt = Date.now();
      if (window === null && forkSeenAt !== null && Date.now() - forkSeenAt >= BARE_WINDOW_AFTER_FORK_MS) {
        if (raised) for (const pid of [child.pid, ...forked]) setPriority(pid, normalPriority);
        window = new CpuWindow({ barePipeline: bare.script, databases: [databaseName], benchPid: process.pid }).begin();
        progress.client = new Client({ connectionString: databaseUrl });
        await progress.client.connect();
        progress.changedAt = Date.now();
      }
      if (progress.client && Date.now() - progress.checkedAt >= BARE_PROGRESS_EVERY_MS) {
        progress.checkedAt = Date.now();
        const rows = await progress.client.query(BARE_PROGRESS_SQL).then(({ rows: [r] }) => Number(r.n), () => -1);
        if (rows !== progress.rows) Object.assign(progress, { rows, changedAt: Date.now() });
        else if (Date.now() - progress.changedAt > BARE_STALL_MS && done === null) {
          stalled = true;
          child.kill('SIGTERM');
          await exited;
        }
      }
      await sleep(window === null ? 20 : 250);
    }
    const cpu = window ? window.end() : null;
    if (buffered) stdout.push(buffered);
    const { code, signal: sig } = done;
    const timedOut = stdout.find((l) => l.startsWith('timeout'));
    const said = `\n  its stdout: ${stdout.slice(-5).join(' | ') || '(nothing)'}\n  its stderr: ${stderrTail.slice(-8).join('\n    ') || '(nothing)'}`;
    if (signal.aborted) throw new Error('interrupted');
    if (stalled) {
      const err = new Error(`the bare pipeline wrote nothing for ${BARE_STALL_MS / 1000} s and was stopped (a request its gateway sent before its intake was listening is lost, and its client waits for the reply without end)${said}`);
      err.startFailed = true;
      throw err;
    }
    if (timedOut) throw new Error(`the bare pipeline gave up waiting for its cases (${timedOut}); its figures are incomplete and not used${said}`);
    if (code !== 0) {
      const err = new Error(`the bare pipeline (node pipeline.js ${cases} ${concurrency}) ended with ${sig ?? `code ${code}`}${said}`);
      err.startFailed = stderrTail.some((l) => /ECONNREFUSED 127\.0\.0\.1:4100/.test(l));
      throw err;
    }
    const last = stdout.filter((l) => l.trim()).pop();
    let result;
    try {
      result = JSON.parse(last);
    } catch {
      throw new Error(`the bare pipeline's last line is not JSON: ${last}${said}`);
    }
    if (!cpu) log('the bare pipeline ended before its CPU window opened: no CPU figures for this run');
    return { result, cpu };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    window?.end();
    await progress.client?.end().catch(() => {});
    await stopLeftovers(forked, bare.script);
  }
}

/**
 * The bare pipeline's runs (`runs`: name, cases, concurrency) in a throw-away database, which is
 * dropped afterwards with the queues it declared. A run that could not start in its fixed 2.5 s is
 * tried again, five times in all; a run that failed gives `{ error }` in place of its figures.
 */
async function runBare(bare, runs, { adminUrl, signal, log }) {
  const name = `accessdesk_bench_bare_test_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const results = {};
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    for (const r of runs) {
      for (let attempt = 1; ; attempt++) {
        log(`bare pipeline, ${r.name}: node pipeline.js ${r.cases} ${r.concurrency}${attempt > 1 ? ` (attempt ${attempt} of ${BARE_ATTEMPTS})` : ''}`);
        try {
          results[r.name] = await runBareOnce(bare, { ...r, databaseUrl: url.toString(), databaseName: name, signal, log });
          break;
        } catch (err) {
          if (signal.aborted) throw err;
          if (err.startFailed && attempt < BARE_ATTEMPTS) {
            log(`the bare pipeline's processes were not up ${BARE_START_PAUSE_MS / 1000} s after it started them (the machine is busy): trying again in ${attempt * BARE_RETRY_AFTER_MS / 1000} s`);
            await sleep(attempt * BARE_RETRY_AFTER_MS);
            continue;
          }
          const why = err.startFailed
            ? `its processes were not up ${BARE_START_PAUSE_MS / 1000} s after it started them, in ${BARE_ATTEMPTS} attempts: the machine is too busy for it. ${err.message}`
            : err.message;
          log(`the bare pipeline's ${r.name} run failed, and what is judged against it cannot be: ${why}`);
          results[r.name] = { error: why.split('\n')[0] };
          break;
        }
      }
    }
    return results;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((err) => log(`could not drop ${name}: ${err.message}`));
    await admin.end();
    await deleteBareTopology(bare, log);
  }
}

/**
 * Deletes the queues and exchange the bare pipeline declared, with its own amqplib (accessdesk's
 * code reaches the broker through libs/messaging only; this is the bare pipeline's topology).
 */
async function deleteBareTopology(bare, log) {
  let amqp;
  try {
    amqp = require(require.resolve('amqplib', { paths: [bare.dir] }));
  } catch {
    return; // its dependencies never got installed, so it declared nothing
  }
  let conn;
  try {
    conn = await amqp.connect(process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
    const ch = await conn.createChannel();
    for (const q of BARE_QUEUES) await ch.deleteQueue(q);
    await ch.deleteExchange(BARE_EXCHANGE);
    await ch.close();
  } catch (err) {
    log(`could not delete the bare pipeline's queues (${BARE_QUEUES.join(', ')}): ${err.message}`);
  } finally {
    await conn?.close().catch(() => {});
  }
}

module.exports = { locateBare, ensureBareDependencies, runBare, DEFAULT_BARE_DIR };
