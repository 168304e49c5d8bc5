import os from 'node:os';
import { benchProactiveThroughput, TEAMS_TENANT_LIMIT_PER_SECOND } from './proactiveThroughput';
import { benchSubmitLatency } from './submitLatency';
import { benchOutboxFairness } from './outboxFairness';
import { table } from './support';

/** `npm run bench`: prints figures, asserts no timings. */
async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`Samspil benchmarks — Node ${process.version}, ${os.cpus().length} × ${cpu}\n`);

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

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
