import os from 'node:os';
import { benchProactiveThroughput, TEAMS_TENANT_LIMIT_PER_SECOND } from './proactiveThroughput';
import { benchSubmitLatency } from './submitLatency';
import { benchOutboxFairness } from './outboxFairness';
import { table } from './support';
import { benchScale, ScaleFigures } from './scale';
import { benchMorning } from './morning';

/** `npm run bench`: prints figures, asserts no timings. */
async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`Samspil benchmarks — Node ${process.version}, ${os.cpus().length} × ${cpu}\n`);
  const scaleArg = process.argv.indexOf('--scale');
  if (scaleArg > 0) return scaleRun(Number(process.argv[scaleArg + 1]));
  const morningArg = process.argv.indexOf('--morning');
  const rateArg = process.argv.indexOf('--rate');
  if (morningArg > 0)
    return morningRun(
      Number(process.argv[morningArg + 1] ?? 10_000),
      rateArg > 0 ? Number(process.argv[rateArg + 1]) : 5,
    );

  const staff = 300;
  const messagesPerStaff = 2;
  console.log(
    `Proactive send throughput: ${staff * messagesPerStaff} outbox messages to ${staff} personal chats, ` +
      `fake connector answering 429 above ${TEAMS_TENANT_LIMIT_PER_SECOND}/s per tenant and 7/s per conversation`,
  );
  const tp = await benchProactiveThroughput({ staff, messagesPerStaff });
  console.log(
    table([
      [
        'sender',
        'messages',
        'wall s',
        'msg/s',
        `of ${TEAMS_TENANT_LIMIT_PER_SECOND}/s`,
        '429s',
        'retries',
        'parked',
        'exactly once',
      ],
      [
        'OutboxSender',
        String(tp.messages),
        tp.wallSeconds.toFixed(2),
        tp.perSecond.toFixed(1),
        `${(tp.fractionOfLimit * 100).toFixed(1)} %`,
        String(tp.connector429s),
        String(tp.retries),
        String(tp.parked),
        tp.deliveredExactlyOnce ? 'yes' : `NO (${tp.duplicates} duplicated, ${tp.missing} missing)`,
      ],
    ]),
  );
  if (!tp.deliveredExactlyOnce) process.exitCode = 1;
  console.log(
    '  429s: answered by the connector (botbuilder retries these inside one send); ' +
      'retries: messages the sender re-queued\n',
  );

  console.log(
    'Outbox fairness: Teams limits enforced per tenant (50/s) and per conversation (7/s) by the fake connector',
  );
  const runs = [
    { label: '1 tenant, 300 personal', tenants: 1, personalPerTenant: 300, channelBacklog: 0 },
    { label: '2 tenants × 300 personal', tenants: 2, personalPerTenant: 300, channelBacklog: 0 },
    {
      label: '300 personal behind 100 for one channel',
      tenants: 1,
      personalPerTenant: 300,
      channelBacklog: 100,
    },
  ];
  const rows = [
    [
      'run',
      'messages',
      'msg/s per tenant',
      'of 50/s',
      'personal done s',
      'floor s',
      'ratio',
      'queries/msg',
      'lost',
      'dup',
    ],
  ];
  for (const r of runs) {
    const f = await benchOutboxFairness(r);
    rows.push([
      r.label,
      String(f.messages),
      f.perTenantPerSecond.toFixed(1),
      `${((f.perTenantPerSecond / 50) * 100).toFixed(1)} %`,
      f.personalDoneSeconds.toFixed(2),
      f.personalFloorSeconds.toFixed(2),
      (f.personalDoneSeconds / f.personalFloorSeconds).toFixed(2),
      f.queriesPerMessage.toFixed(2),
      String(f.lost),
      String(f.duplicates),
    ]);
    if (f.lost || f.duplicates) process.exitCode = 1;
  }
  console.log(table(rows));
  console.log(
    '  floor: the personal messages at exactly 50/s per tenant; the fault run (3 instances, SIGKILL, database restart) is\n' +
      '  test/outbox/faults.test.ts, which prints delivered / duplicates / lost / parked\n',
  );

  const warmup = 30;
  const samples = 300;
  console.log(
    `Card submission latency: ${samples} sequential POST /api/messages after ${warmup} warm-up, interleaved`,
  );
  const lat = await benchSubmitLatency({ warmup, samples });
  const ms = (v: number) => v.toFixed(2);
  console.log(
    table([
      ['bot', 'n', 'p50 ms', 'p99 ms', 'mean ms', 'max ms'],
      [
        'Samspil (Action.Submit openCase)',
        String(lat.samspil.n),
        ms(lat.samspil.p50),
        ms(lat.samspil.p99),
        ms(lat.samspil.mean),
        ms(lat.samspil.max),
      ],
      [
        'teams-ai echo (message)',
        String(lat.echo.n),
        ms(lat.echo.p50),
        ms(lat.echo.p99),
        ms(lat.echo.mean),
        ms(lat.echo.max),
      ],
      [
        'ratio Samspil / echo',
        '',
        `${(lat.samspil.p50 / lat.echo.p50).toFixed(2)}×`,
        `${(lat.samspil.p99 / lat.echo.p99).toFixed(2)}×`,
        `${(lat.samspil.mean / lat.echo.mean).toFixed(2)}×`,
        '',
      ],
    ]),
  );
}

/**
 * `npm run bench -- --scale N`: the scale run of docs/performance.md at 1 000 cases, 10 000 if N is
 * larger, and N, on PostgreSQL when DATABASE_URL is set, else on PGlite; each figure beside its floor.
 */
async function scaleRun(n: number): Promise<void> {
  if (!Number.isInteger(n) || n < 1000) throw new Error('--scale takes a number of cases, at least 1000');
  const sizes = [...new Set([1000, ...(n > 10_000 ? [10_000] : []), n])];
  const runs: ScaleFigures[] = [];
  for (const size of sizes) {
    console.log(`generating and measuring ${size} cases …`);
    runs.push(await benchScale(size));
  }
  const engine = runs[0]!.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (a data folder)';
  const f = (v: number, d = 2) => v.toFixed(d);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(`\nScale run on ${engine}; one municipality, 25 cases per adviser\n`);
  console.log(
    table([
      ['figure', ...runs.map((r) => `${r.cases} cases`), 'growth'],
      ['follow-up rows imported', ...runs.map((r) => String(r.followUpRows)), ''],
      ['import followups, rows/s', ...runs.map((r) => f(r.importRowsPerSecond, 0)), ''],
      ['  floor: plain multi-row insert, rows/s', ...runs.map((r) => f(r.floorInsertRowsPerSecond, 0)), ''],
      [
        '  ratio floor / import',
        ...runs.map((r) => ratio(r.floorInsertRowsPerSecond, r.importRowsPerSecond)),
        '',
      ],
      ['pass after import (computes every deadline), s', ...runs.map((r) => f(r.initialPassSeconds)), ''],
      [
        'first pass of the day, s',
        ...runs.map((r) => f(r.firstPass.seconds)),
        growth(runs, (r) => r.firstPass.seconds),
      ],
      ['  reminders it planned', ...runs.map((r) => String(r.firstPass.planned)), ''],
      ['  queries', ...runs.map((r) => String(r.firstPass.queries)), ''],
      [
        '  floor: indexed query of due rows + inserting its messages, s',
        ...runs.map((r) => f(r.firstPass.floorSeconds)),
        '',
      ],
      ['  ratio pass / floor', ...runs.map((r) => ratio(r.firstPass.seconds, r.firstPass.floorSeconds)), ''],
      [
        'pass with nothing new, s',
        ...runs.map((r) => f(r.nothingNew.seconds, 3)),
        growth(runs, (r) => r.nothingNew.seconds),
      ],
      ['  queries', ...runs.map((r) => String(r.nothingNew.queries)), ''],
      [
        'card press data (openCase, random case), p50 ms',
        ...runs.map((r) => f(r.cardPress.p50Ms)),
        growth(runs, (r) => r.cardPress.p50Ms),
      ],
      ['  p99 ms', ...runs.map((r) => f(r.cardPress.p99Ms)), ''],
      [
        'samspil start: RSS after its start-up pass, MB',
        ...runs.map((r) => f(r.server.afterPassMb, 0)),
        growth(runs, (r) => r.server.afterPassMb),
      ],
      ['  peak RSS (VmHWM) until then, MB', ...runs.map((r) => f(r.server.peakMb, 0)), ''],
      ['  RSS 5 s later, idle, MB', ...runs.map((r) => f(r.server.settledMb, 0)), ''],
      ['  reminders that pass planned', ...runs.map((r) => String(r.server.planned)), ''],
      ['  start to pass logged, s', ...runs.map((r) => f(r.server.passSeconds)), ''],
      ['RSS of the bench process after the passes, MB', ...runs.map((r) => f(r.rssMb, 0)), ''],
    ]),
  );
}

/**
 * `npm run bench -- --morning N`: the morning run of docs/performance.md on N cases (PostgreSQL with
 * DATABASE_URL, else PGlite): press latency and failures per phase beside the echo floor.
 */
async function morningRun(n: number, rate: number): Promise<void> {
  if (!Number.isInteger(n) || n < 100) throw new Error('--morning takes a number of cases, at least 100');
  console.log(
    `morning run on ${n} cases (load: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}) …`,
  );
  const r = await benchMorning(n, rate);
  const f = (v: number) => v.toFixed(1);
  console.log(
    `\nMorning run on ${r.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${r.cases} cases: ${r.planned} reminders ` +
      `planned, drained at ${f(r.drainPerSecond)}/s (${f((r.drainPerSecond / 50) * 100)} % of 50/s), ` +
      `${r.lost} lost, ${r.sender429s} × 429 answered; load after: ${os.loadavg()[0]!.toFixed(2)}\n`,
  );
  console.log(
    table([
      [
        'phase',
        's',
        'presses',
        'failed',
        'p50 ms',
        'p99 ms',
        'max ms',
        'echo p50',
        'echo p99',
        'p99 / echo p99',
      ],
      ...(['pass', 'drain', 'idle'] as const).map((p) => {
        const x = r.phases[p];
        return [
          p,
          f(x.seconds),
          String(x.presses),
          String(x.failed),
          f(x.p50Ms),
          f(x.p99Ms),
          f(x.maxMs),
          f(x.echoP50Ms),
          f(x.echoP99Ms),
          `${(x.p99Ms / x.echoP99Ms).toFixed(2)}×`,
        ];
      }),
    ]),
  );
}

function growth(runs: ScaleFigures[], pick: (r: ScaleFigures) => number): string {
  const a = runs[0]!;
  const b = runs[runs.length - 1]!;
  return `${(pick(b) / pick(a)).toFixed(1)}× for ${b.cases / a.cases}× cases`;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
