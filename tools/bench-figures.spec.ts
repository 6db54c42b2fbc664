// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain JS bench that `npm run bench` runs
const figures = require('./bench-figures') as BenchFigures;

interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  utime: number;
  stime: number;
  starttime: number;
}
interface CpuWindowFigures {
  wall_s: number;
  machine: { busy_s: number };
  groups: Record<string, number>;
}
interface Target {
  id: string;
  measured: number | null;
  met: boolean | null;
  why?: string;
}
interface BenchFigures {
  PHASES: string[];
  benchOptions(values: Record<string, string | boolean | undefined>): {
    cases: number;
    concurrency: number;
    serialCases: number;
    readClients: number[];
    burstConcurrency: number;
    burstCases: number;
    only: string[];
    compare: boolean;
  };
  bareRunsFor(options: { only: string[]; cases: number; concurrency: number; serialCases: number }): Array<{ name: string; cases: number; concurrency: number }>;
  percentile(values: number[], p: number): number | null;
  ratio(product: unknown, bare: unknown): number | null;
  ratios(product: Record<string, Record<string, number>>, bare: Record<string, Record<string, number>> | null): Record<string, number | null> | null;
  formatRatio(r: number | null): string;
  judgeTargets(product: Record<string, unknown>, bare: Record<string, unknown> | null): Target[];
  parseProcStat(line: string): ProcStat;
  processTicks(stat: ProcStat): number;
  parseMachineCpu(procStat: string): { busy: number; total: number };
  classifyProcess(proc: { pid: number; comm: string; cmdline: string }, context: Record<string, unknown>): string | null;
  cpuPerUnit(window: CpuWindowFigures | null, units: number): null | { groups: Record<string, { cpu_s: number; ms_per_unit: number | null; cores: number | null }>; machine: { ms_per_unit: number | null; cores: number | null } };
  formatTable(header: string[], rows: unknown[][]): string;
  wrap(text: string, width: number, first?: string, indent?: string): string;
}

describe('the bench’s options', () => {
  it('default to issue 10’s runs: 1000 cases at 32, 300 serial, reads at 1 and 32 clients, a check at 128, every phase', () => {
    const o = figures.benchOptions({});
    expect(o).toMatchObject({ cases: 1000, concurrency: 32, serialCases: 300, readClients: [1, 32], burstConcurrency: 128, burstCases: 1000, compare: false });
    expect(o.only).toEqual(figures.PHASES);
  });

  it('take smaller counts and a subset of phases, kept in the order they run', () => {
    const o = figures.benchOptions({ cases: '100', concurrency: '16', 'serial-cases': '20', only: 'reads,throughput', compare: true });
    expect(o).toMatchObject({ cases: 100, concurrency: 16, serialCases: 20, burstCases: 100, only: ['throughput', 'reads'], compare: true });
  });

  it('refuse what is not a whole number ≥ 1 or not a phase, naming the option', () => {
    expect(() => figures.benchOptions({ cases: '0' })).toThrow('--cases');
    expect(() => figures.benchOptions({ concurrency: '2.5' })).toThrow('--concurrency');
    expect(() => figures.benchOptions({ only: 'throughput,latency' })).toThrow('--only');
    expect(() => figures.benchOptions({ 'read-clients': '1,x' })).toThrow('--read-clients');
  });

  it('run the bare pipeline’s throughput run for throughput, and its latency run (one at a time) for serial or one-in-flight', () => {
    const o = { cases: 100, concurrency: 16, serialCases: 20 };
    expect(figures.bareRunsFor({ ...o, only: ['throughput', 'serial', 'one-in-flight', 'reads'] })).toEqual([
      { name: 'throughput', cases: 100, concurrency: 16 },
      { name: 'latency', cases: 20, concurrency: 1 },
    ]);
    expect(figures.bareRunsFor({ ...o, only: ['one-in-flight'] })).toEqual([{ name: 'latency', cases: 20, concurrency: 1 }]);
    expect(figures.bareRunsFor({ ...o, only: ['reads', 'burst'] })).toEqual([]);
  });
});

describe('percentiles', () => {
  it('interpolate between the closest ranks, as PostgreSQL’s percentile_cont (the bare pipeline’s) does', () => {
    // SELECT percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY x) FROM unnest('{10,20,30,40}'::int[]) x → {25, 39.7}
    expect(figures.percentile([40, 10, 30, 20], 0.5)).toBe(25);
    expect(figures.percentile([40, 10, 30, 20], 0.99)).toBeCloseTo(39.7, 10);
    expect(figures.percentile([7], 0.99)).toBe(7);
    expect(figures.percentile([], 0.5)).toBeNull();
  });

  it('leave the measured values in their order', () => {
    const values = [3, 1, 2];
    figures.percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('ratios', () => {
  it('are accessdesk over the bare pipeline, to two decimals, and n/a when a side is missing', () => {
    expect(figures.ratio(124, 155)).toBe(0.8);
    expect(figures.formatRatio(figures.ratio(74, 37))).toBe('2.00×');
    expect(figures.ratio(10, 0)).toBeNull();
    expect(figures.ratio(10, undefined)).toBeNull();
    expect(figures.ratio(null, 10)).toBeNull();
    expect(figures.formatRatio(null)).toBe('n/a');
  });

  it('pair each accessdesk figure with the bare run it is judged against: serial and one-in-flight with the bare latency run', () => {
    const product = {
      throughput: { e2e_cases_per_s: 31, p50_ms: 900, p99_ms: 2000 },
      serial: { p50_ms: 111 },
      'one-in-flight': { p50_ms: 370, p99_ms: 172 },
    };
    const bare = { throughput: { e2e_cases_per_s: 155, p50_ms: 300, p99_ms: 500 }, latency: { p50_ms: 37, p99_ms: 86 } };
    expect(figures.ratios(product, bare)).toEqual({
      throughput: 0.2,
      under_load_p50: 3,
      under_load_p99: 4,
      serial_p50: 3,
      serial_p99: null,
      one_in_flight_p50: 10,
      one_in_flight_p99: 2,
    });
    expect(figures.ratios(product, null)).toBeNull();
  });
});

describe('the targets of issue 10', () => {
  const bare = { throughput: { e2e_cases_per_s: 155 }, latency: { p50_ms: 37, p99_ms: 86 } };
  const byId = (targets: Target[]) => Object.fromEntries(targets.map((t) => [t.id, t]));

  it('are met at the limits: 0.8× throughput, 2× p50, 3× p99, no failed submission', () => {
    const product = {
      throughput: { e2e_cases_per_s: 124, concurrency: 32, failed_submissions: 0 },
      serial: { p50_ms: 74, p99_ms: 258 },
      burst: { concurrency: 128, failed_submissions: 0 },
    };
    const t = byId(figures.judgeTargets(product, bare));
    expect(Object.values(t).map((x) => x.met)).toEqual([true, true, true, true, true]);
    expect(t.throughput.measured).toBe(0.8);
  });

  it('are not met just beyond them', () => {
    const product = {
      throughput: { e2e_cases_per_s: 123, concurrency: 32, failed_submissions: 1 },
      serial: { p50_ms: 75, p99_ms: 259 },
      burst: { concurrency: 128, failed_submissions: 3 },
    };
    expect(figures.judgeTargets(product, bare).map((x) => x.met)).toEqual([false, false, false, false, false]);
  });

  it('are not judged, and say why, when a figure was not measured', () => {
    const t = byId(figures.judgeTargets({ throughput: { e2e_cases_per_s: 50, concurrency: 32, failed_submissions: 0 } }, null));
    expect(t.throughput).toMatchObject({ met: null, measured: null });
    expect(t.throughput.why).toMatch(/no bare pipeline figures/);
    expect(t.serial_p50.why).toMatch(/serial not measured/);
    expect(t.failed_at_concurrency.met).toBe(true);
    expect(t.failed_at_burst).toMatchObject({ met: null, why: 'burst not measured in this run' });
  });
});

describe('CPU from /proc', () => {
  it('reads a process’s own times after the last ")", whatever its command name holds', () => {
    // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice threads itrealvalue starttime …
    const line = '4242 (node (a) b) S 17 4242 4242 0 -1 4194304 100 0 0 0 250 40 7 3 20 0 11 0 987654 1000000 2000 18446744073709551615';
    const stat = figures.parseProcStat(line);
    expect(stat).toEqual({ pid: 4242, comm: 'node (a) b', ppid: 17, utime: 250, stime: 40, starttime: 987654 });
    expect(figures.processTicks(stat)).toBe(290);
  });

  it('refuses a line that is no stat line', () => {
    expect(() => figures.parseProcStat('garbage')).toThrow('/proc');
  });

  it('takes the machine’s busy time from /proc/stat’s first line: everything but idle and iowait', () => {
    const procStat = 'cpu  100 5 20 1000 30 1 2 3 0 0\ncpu0 50 2 10 500 15 0 1 1 0 0\nintr 1\n';
    expect(figures.parseMachineCpu(procStat)).toEqual({ busy: 131, total: 1161 });
  });

  const context = {
    servicePids: new Map([[101, 'intake']]),
    benchPid: 99,
    databases: ['accessdesk_bench_test_ab12cd34'],
    barePipeline: '/work/shared/bench/bare-pipeline/pipeline.js',
  };
  const classify = (pid: number, comm: string, cmdline: string) => figures.classifyProcess({ pid, comm, cmdline }, context);

  it('counts each process towards its service, the bare pipeline’s role, PostgreSQL or RabbitMQ', () => {
    expect(classify(101, 'node', 'node dist/services/intake/src/main.js')).toBe('intake');
    expect(classify(99, 'node', 'node tools/bench.js')).toBe('bench client');
    expect(classify(200, 'node', '/usr/bin/node /work/shared/bench/bare-pipeline/pipeline.js gateway')).toBe('bare gateway');
    expect(classify(201, 'node', '/usr/bin/node /work/shared/bench/bare-pipeline/pipeline.js 1000 32')).toBe('bare client');
    expect(classify(300, 'postgres', 'postgres: 15/main: postgres accessdesk_bench_test_ab12cd34 127.0.0.1(5555) idle')).toBe('postgres (this run’s database)');
    expect(classify(301, 'postgres', 'postgres: 15/main: postgres accessdesk_bench_test_ab12cd3 127.0.0.1(5556) idle')).toBe('postgres (the rest)');
    expect(classify(302, 'postgres', 'postgres: 15/main: walwriter')).toBe('postgres (the rest)');
    expect(classify(400, 'beam.smp', '/usr/lib/erlang/erts/bin/beam.smp -W w')).toBe('rabbitmq');
    expect(classify(500, 'node', 'node node_modules/.bin/jest')).toBeNull();
  });

  it('gives CPU per case and cores busy per group, and the whole machine’s', () => {
    const perCase = figures.cpuPerUnit({ wall_s: 10, machine: { busy_s: 18 }, groups: { intake: 5, gateway: 2.5 } }, 1000);
    expect(perCase?.groups).toEqual({ gateway: { cpu_s: 2.5, ms_per_unit: 2.5, cores: 0.25 }, intake: { cpu_s: 5, ms_per_unit: 5, cores: 0.5 } });
    expect(perCase?.machine).toMatchObject({ ms_per_unit: 18, cores: 1.8 });
    expect(figures.cpuPerUnit(null, 10)).toBeNull();
  });
});

describe('the printed table', () => {
  it('pads columns to their widest cell, numbers to the right, and shows a missing figure as –', () => {
    const table = figures.formatTable(
      ['figure', 'bare', 'accessdesk'],
      [
        ['throughput', '155 /s', '21.3 /s'],
        ['p50', null, '40 ms'],
      ],
    );
    expect(table.split('\n')).toEqual(['figure        bare  accessdesk', 'throughput  155 /s     21.3 /s', 'p50              –       40 ms']);
  });
});

describe('the printed start and finish points', () => {
  it('break at spaces within the width, hanging under the first line', () => {
    expect(figures.wrap('throughput = cases / (first submit → last case done)', 24, '  - ', '    ')).toBe(['  - throughput = cases /', '    (first submit → last', '    case done)'].join('\n'));
  });

  it('keep a word longer than the width whole, on a line of its own', () => {
    expect(figures.wrap('a review_scheduler.reviews b', 10)).toBe(['a', 'review_scheduler.reviews', 'b'].join('\n'));
  });
});
