// The pure part of `npm run bench`: its options, percentiles, ratios, the targets, the
// parsing of /proc, and the table it prints. No I/O here, so that all of it is unit-tested
// (bench-figures.spec.ts).

/** What a run measures; `--only` takes a comma-separated subset. */
const PHASES = ['throughput', 'serial', 'one-in-flight', 'reads', 'burst'];


const DEFAULTS = {
  cases: 1000,
  concurrency: 32,
  'serial-cases': 300,
  'read-seconds': 10,
  'read-clients': '1,32',
  'concurrency-check': 128,
  'burst-cases': null, // the same as --cases
  only: PHASES.join(','),
};

/**
 * The options of `npm run bench`, checked. `values` is what node:util's parseArgs gave (strings and
 * booleans); a bad value throws an Error that says which option and what it takes.
 */
function benchOptions(values) {
  const whole = (name, min = 1) => {
    const raw = values[name] ?? DEFAULTS[name];
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number ≥ ${min} (got ${raw})`);
    return n;
  };
  const only = String(values.only ?? DEFAULTS.only)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((p) => !PHASES.includes(p));
  if (unknown.length > 0 || only.length === 0) throw new Error(`--only takes a comma-separated subset of ${PHASES.join(', ')} (got ${values.only})`);
  const readClients = String(values['read-clients'] ?? DEFAULTS['read-clients'])
    .split(',')
    .map((s) => Number(s.trim()));
  if (readClients.length === 0 || readClients.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--read-clients takes whole numbers ≥ 1, comma-separated (got ${values['read-clients']})`);
  const cases = whole('cases');
  return {
    cases,
    concurrency: whole('concurrency'),
    serialCases: whole('serial-cases'),
    readSeconds: whole('read-seconds'),
    readClients,
    burstConcurrency: whole('concurrency-check'),
    burstCases: values['burst-cases'] === undefined ? cases : whole('burst-cases'),
    only: PHASES.filter((p) => only.includes(p)),
    compare: values.compare === true,
    bareDir: values['bare-dir'] ?? null,
  };
}

/**
 * The bare pipeline's runs that the chosen phases are judged against, with the same counts: its
 * throughput run (`node pipeline.js <cases> <concurrency>`) and its latency run, which files one case
 * at a time without waiting for it (`node pipeline.js <serial-cases> 1`).
 */
function bareRunsFor(options) {
  const runs = [];
  if (options.only.includes('throughput')) runs.push({ name: 'throughput', cases: options.cases, concurrency: options.concurrency });
  if (options.only.includes('serial') || options.only.includes('one-in-flight')) runs.push({ name: 'latency', cases: options.serialCases, concurrency: 1 });
  return runs;
}

/**
 * The p-quantile (p in 0..1) of `values` by linear interpolation between the closest ranks: the
 * definition of PostgreSQL's percentile_cont, which the bare pipeline reports, so that the two sides
 * are never compared under different definitions. Null for no values.
 */
function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = p * (sorted.length - 1);
  const below = Math.floor(at);
  const above = Math.ceil(at);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

/** `value` rounded to `digits` decimals, or null when it is not a finite number. */
function round(value, digits = 1) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** accessdesk's figure over the bare pipeline's, to two decimals; null when either is missing or the bare's is 0. */
function ratio(product, bare) {
  if (typeof product !== 'number' || typeof bare !== 'number' || !Number.isFinite(product) || !Number.isFinite(bare) || bare === 0) return null;
  return round(product / bare, 2);
}

/**
 * accessdesk over the bare pipeline, figure by figure, where both were measured: throughput and the
 * latency under that load from the throughput runs; serial and one-in-flight latency against the
 * bare pipeline's latency run. Null without a bare pipeline.
 */
function ratios(product, bare) {
  if (!bare) return null;
  const pair = (phase, bareRun, field) => ratio(product[phase]?.[field], bare[bareRun]?.[field]);
  return {
    throughput: pair('throughput', 'throughput', 'e2e_cases_per_s'),
    under_load_p50: pair('throughput', 'throughput', 'p50_ms'),
    under_load_p99: pair('throughput', 'throughput', 'p99_ms'),
    serial_p50: pair('serial', 'latency', 'p50_ms'),
    serial_p99: pair('serial', 'latency', 'p99_ms'),
    one_in_flight_p50: pair('one-in-flight', 'latency', 'p50_ms'),
    one_in_flight_p99: pair('one-in-flight', 'latency', 'p99_ms'),
  };
}

function formatRatio(r) {
  return r === null ? 'n/a' : `${r.toFixed(2)}×`;
}

/**
 * Issue 10's targets, each judged from the figures measured in this run: `met` is true or false, or
 * null with `why` when a figure it needs was not measured (a phase left out, or no bare pipeline).
 * `bare` holds the bare pipeline's parsed results per phase, `product` accessdesk's.
 */
function judgeTargets(product, bare) {
  const targets = [];
  const add = (id, target, measured, limit, test, why) => targets.push({ id, target, measured, limit, met: measured === null ? null : test(measured), ...(measured === null ? { why } : {}) });
  const noBare = (run) => (!bare ? 'no bare pipeline figures in this run' : bare[run]?.error ? `the bare pipeline’s ${run} run failed` : `the bare pipeline’s ${run} run was not made`);
  const tp = product.throughput;
  add('throughput', 'throughput ≥ 0.8× the bare pipeline’s', ratio(tp?.e2e_cases_per_s, bare?.throughput?.e2e_cases_per_s), '≥ 0.8×', (r) => r >= 0.8, tp ? noBare('throughput') : 'throughput not measured in this run');
  const serial = product.serial;
  const bareLatency = bare?.latency;
  const noSerial = 'serial not measured in this run';
  add('serial_p50', 'serial latency p50 ≤ 2× the bare pipeline’s', ratio(serial?.p50_ms, bareLatency?.p50_ms), '≤ 2×', (r) => r <= 2, serial ? noBare('latency') : noSerial);
  add('serial_p99', 'serial latency p99 ≤ 3× the bare pipeline’s', ratio(serial?.p99_ms, bareLatency?.p99_ms), '≤ 3×', (r) => r <= 3, serial ? noBare('latency') : noSerial);
  add('failed_at_concurrency', `no failed submission at ${tp?.concurrency ?? 32} in flight`, tp ? tp.failed_submissions : null, '0', (n) => n === 0, 'throughput not measured in this run');
  const burst = product.burst;
  add('failed_at_burst', `no failed submission at ${burst?.concurrency ?? 128} in flight`, burst ? burst.failed_submissions : null, '0', (n) => n === 0, 'burst not measured in this run');
  return targets;
}

/**
 * One line of /proc/<pid>/stat. The command name is in parentheses and may itself hold spaces and
 * parentheses, so the fields are counted from the last ")". Times are in clock ticks; `starttime`
 * tells a process from a later one that got the same pid.
 */
function parseProcStat(line) {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${line.slice(0, 80)}`);
  // After ") ": field 3 (state) is rest[0], so field n is rest[n - 3].
  const rest = line.slice(close + 2).trim().split(/\s+/);
  const field = (n) => Number(rest[n - 3]);
  return {
    pid: Number(line.slice(0, open).trim()),
    comm: line.slice(open + 1, close),
    ppid: field(4),
    utime: field(14),
    stime: field(15),
    starttime: field(22),
  };
}

/**
 * The CPU a process has used itself, in clock ticks (user + system). Not the time of the children it
 * has reaped: those are counted as processes of their own, each up to its last sighting, and the
 * reaped time would count them twice (a PostgreSQL backend in the postmaster's, the bare pipeline's
 * processes in the bench's).
 */
function processTicks(stat) {
  return stat.utime + stat.stime;
}

/** The first ("cpu") line of /proc/stat: busy and total ticks of the whole machine, every core. */
function parseMachineCpu(procStat) {
  const line = procStat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('no "cpu" line in /proc/stat');
  const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

/**
 * Which figure a process's CPU counts towards, or null when it is none of the bench's business.
 * `proc` has `pid`, `comm` and `cmdline` (arguments joined by spaces); `context` names the
 * accessdesk services' pids, the databases of this run, the bare pipeline's script and the bench's pid.
 */
function classifyProcess(proc, context) {
  const service = context.servicePids?.get(proc.pid);
  if (service) return service;
  if (proc.pid === context.benchPid) return 'bench client';
  if (context.barePipeline) {
    const args = proc.cmdline.split(' ');
    const at = args.indexOf(context.barePipeline);
    if (at >= 0) {
      const role = args[at + 1];
      return role && Number.isNaN(Number(role)) ? `bare ${role}` : 'bare client';
    }
  }
  if (proc.comm === 'postgres') {
    const own = (context.databases ?? []).some((db) => ` ${proc.cmdline} `.includes(` ${db} `));
    return own ? 'postgres (this run’s database)' : 'postgres (the rest)';
  }
  if (RABBITMQ_COMMANDS.has(proc.comm)) return 'rabbitmq';
  return null;
}

/**
 * A CPU window's figures (from CpuWindow) per unit of work (a case, a read): for each group its CPU
 * seconds, milliseconds per unit and cores kept busy on average; and the whole machine's, every
 * process on it included, which says how much else ran meanwhile.
 */
function cpuPerUnit(window, units) {
  if (!window) return null;
  const per = (seconds) => (units > 0 ? round((seconds * 1000) / units, 2) : null);
  const cores = (seconds) => (window.wall_s > 0 ? round(seconds / window.wall_s, 2) : null);
  const groups = {};
  for (const [name, seconds] of Object.entries(window.groups).sort(([a], [b]) => a.localeCompare(b))) {
    groups[name] = { cpu_s: round(seconds, 2), ms_per_unit: per(seconds), cores: cores(seconds) };
  }
  return {
    wall_s: round(window.wall_s, 2),
    units,
    groups,
    machine: { cpu_s: round(window.machine.busy_s, 2), ms_per_unit: per(window.machine.busy_s), cores: cores(window.machine.busy_s) },
  };
}

/** RabbitMQ's Erlang VM and the helpers it starts. */
const RABBITMQ_COMMANDS = new Set(['beam.smp', 'erl_child_setup', 'inet_gethost', 'epmd']);

/** `text` broken into lines of at most `width` characters at spaces, each after `indent`, the first after `first`. */
function wrap(text, width, first = '', indent = '') {
  const lines = [];
  let line = first;
  let lead = first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length > lead.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      lead = indent;
    }
    line += line.length > lead.length ? ` ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Columns padded to their widest cell; numbers right-aligned. */
function formatTable(header, rows) {
  const cells = [header, ...rows].map((row) => row.map((c) => (c === null || c === undefined ? '–' : String(c))));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((row) => row[i] === null || row[i] === undefined || typeof row[i] === 'number' || /^[\d.,]+(×| ms| \/s)?$/.test(String(row[i]))));
  return cells
    .map((row) => row.map((c, i) => (numeric[i] && i > 0 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd())
    .join('\n');
}

module.exports = {
  PHASES,
  benchOptions,
  bareRunsFor,
  percentile,
  round,
  ratio,
  ratios,
  formatRatio,
  judgeTargets,
  parseProcStat,
  processTicks,
  parseMachineCpu,
  classifyProcess,
  cpuPerUnit,
  formatTable,
  wrap,
};
