// CPU seconds per process group during one window of the benchmark, from /proc: each accessdesk
// service, each process of the bare pipeline, PostgreSQL (this run's database apart from the rest)
// and RabbitMQ, and the whole machine, whose other load shows how noisy the run was.
const fs = require('node:fs');
const { setInterval, clearInterval } = require('node:timers');
const { execFileSync } = require('node:child_process');
const { parseProcStat, processTicks, parseMachineCpu, classifyProcess } = require('./bench-figures');

/** How often a window looks at /proc, so that a process that exits before the window ends is still counted up to then. */
const SAMPLE_EVERY_MS = 250;
const FULL_SCAN_EVERY = 4;

function clockTicksPerSecond() {
  try {
    const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    if (Number.isInteger(hz) && hz > 0) return hz;
  } catch {
    // getconf missing: Linux's USER_HZ is 100 on every architecture it runs on
  }
  return 100;
}

const HZ = clockTicksPerSecond();

function readOrNull(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null; // the process exited meanwhile
  }
}

/** Is /proc there to read (Linux)? Without it the bench says so and reports no CPU figures. */
function procAvailable() {
  return readOrNull('/proc/stat') !== null && readOrNull(`/proc/${process.pid}/stat`) !== null;
}

/**
 * CPU per group over a window: `begin()` notes every process's ticks, a timer looks again every
 * 250 ms, `read()` gives the figures so far and `end()` the last ones. A process first seen after
 * `begin()` started within the window and counts from zero; one that exits counts up to its last
 * sighting; one that lives less than 250 ms may not be seen at all.
 */
class CpuWindow {
  /** @param {object} context what `classifyProcess` needs: service pids, database names, the bare pipeline's script, the bench's pid */
  constructor(context) {
    this.context = context;
    this.baseline = new Map();
    this.latest = new Map();
    /**
     * Processes of no interest, pid → start time: most scans skip them and read only the others and
     * new ones. Every fourth scan looks at their start time again, in case the kernel gave such a pid
     * to a new process.
     */
    this.ignored = new Map();
    this.scans = 0;
    this.timer = null;
  }

  begin() {
    this.startedAt = Date.now();
    this.machineAtStart = parseMachineCpu(fs.readFileSync('/proc/stat', 'utf8'));
    for (const [key, seen] of this.scan()) this.baseline.set(key, seen.ticks);
    this.timer = setInterval(() => this.observe(), SAMPLE_EVERY_MS);
    this.timer.unref();
    return this;
  }

  observe() {
    for (const [key, seen] of this.scan()) this.latest.set(key, seen);
  }

  /** `{ wall_s, machine: { busy_s, cores_busy }, groups: { name: cpu_s } }` from `begin()` until now. */
  read() {
    this.observe();
    const wallS = (Date.now() - this.startedAt) / 1000;
    const machine = parseMachineCpu(fs.readFileSync('/proc/stat', 'utf8'));
    const groups = {};
    for (const [key, seen] of this.latest) {
      const ticks = seen.ticks - (this.baseline.get(key) ?? 0);
      groups[seen.group] = (groups[seen.group] ?? 0) + ticks / HZ;
    }
    const busyS = (machine.busy - this.machineAtStart.busy) / HZ;
    return { wall_s: wallS, machine: { busy_s: busyS, cores_busy: wallS > 0 ? busyS / wallS : null }, groups };
  }

  end() {
    clearInterval(this.timer);
    return this.read();
  }

  /** Every process of interest now, keyed by pid and start time. */
  *scan() {
    const full = this.scans++ % FULL_SCAN_EVERY === 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry) || (!full && this.ignored.has(entry))) continue;
      const text = readOrNull(`/proc/${entry}/stat`);
      if (text === null) continue;
      const stat = parseProcStat(text);
      if (this.ignored.get(entry) === stat.starttime) continue;
      const key = `${stat.pid}:${stat.starttime}`;
      const cmdline = (readOrNull(`/proc/${entry}/cmdline`) ?? '').replace(/\0+/g, ' ').trim();
      const group = classifyProcess({ pid: stat.pid, comm: stat.comm, cmdline }, this.context);
      // A postgres backend names its database only once it has one: look at postgres again each time.
      if (group === null && stat.comm !== 'postgres') this.ignored.set(entry, stat.starttime);
      if (group !== null) yield [key, { group, ticks: processTicks(stat) }];
    }
  }
}

module.exports = { CpuWindow, procAvailable, HZ };
