import type { FailoverResult } from '../cluster/failover';
import type { FanoutResult } from '../load/fanout';
import type { Outcome } from '../outcome';
import type { ServerKind } from '../servers/childProtocol';
import {
  type BenchReport,
  fanoutOutcomes,
  fanoutResult,
  fanoutRuns,
  shapeLabel,
} from './benchReport';
import { formatSpread, serverName } from './fanoutSection';
import { formatMicros, formatMs, formatPercent, formatRate, ratio, table } from './format';
import { median, spreadOfRuns } from './repeats';

/** One series of fail-over kills at one lease length. */
export interface FailoverOutcome {
  leaseMs: number;
  result: Outcome<FailoverResult>;
}

const COMPARED: ServerKind[] = ['accord', 'accord-pg', 'accord-cluster', 'hocuspocus'];

/**
 * Issue 19: Accord on PostgreSQL (one server) and over two servers (PostgreSQL + Redis, clients
 * split across them) next to Accord on SQLite and Hocuspocus of the same rounds, then the
 * fail-over times.
 */
export function clusterSection(report: BenchReport): string {
  const shapes = report.settings.clusterShapes ?? [];
  const ran = shapes.some((shape) => fanoutOutcomes(report, 'accord-cluster', shape).length > 0);
  const failover = report.failover ?? null;
  if (!ran && failover === null) return '';
  const lines: string[] = ['## Accord over PostgreSQL and over several servers (issue 19)', ''];
  if (ran) {
    lines.push(
      'Same rounds, same clients and typing as the fan-out above. **Accord on PostgreSQL**: one server, its storage in a fresh PostgreSQL schema (loopback), dropped after the run. ' +
        "**Accord, 2 servers**: two server processes over one fresh schema and Redis (lease 5000 ms, the production default), client k of the room on server k mod 2, as a load balancer would spread them; one server owns the draft (validation, commit, broadcast), the other relays its clients' frames over Redis. " +
        'Its CPU is the **sum of both processes**, its memory the sum of both. Ratios: to Accord on SQLite and to Hocuspocus of the same runs (medians of the runs).',
      '',
    );
    const rows: string[][] = [];
    for (const shape of shapes) {
      const sqlite = fanoutResult(report, 'accord', shape);
      const hocuspocus = fanoutResult(report, 'hocuspocus', shape);
      for (const server of COMPARED) {
        const result = fanoutResult(report, server, shape);
        const runs = fanoutRuns(report, server, shape);
        const outcomes = fanoutOutcomes(report, server, shape);
        if (result === undefined) {
          const failed = outcomes.find((entry) => !entry.result.ok);
          if (failed && !failed.result.ok) {
            rows.push([
              shapeLabel(shape),
              serverName(server),
              `failed: ${failed.result.error.split('\n')[0]}`,
            ]);
          }
          continue;
        }
        const vs = (
          pick: (run: FanoutResult) => number,
          base: FanoutResult | undefined,
          self: boolean,
        ) => `${ratio(pick(result), base ? pick(base) : Number.NaN, self)}`;
        const cpu = (run: FanoutResult) => run.serverCpuPerDeliveryUs;
        const p50 = (run: FanoutResult) => run.latency.p50;
        const p99 = (run: FanoutResult) => run.latency.p99;
        rows.push([
          shapeLabel(shape),
          serverName(server),
          formatSpread(spreadOfRuns(runs, cpu), formatMicros),
          vs(cpu, sqlite, server === 'accord'),
          vs(cpu, hocuspocus, server === 'hocuspocus'),
          `${formatMs(result.latency.p50)} (${vs(p50, sqlite, server === 'accord')})`,
          `${formatMs(result.latency.p95)}`,
          `${formatSpread(spreadOfRuns(runs, p99), formatMs)} (${vs(p99, sqlite, server === 'accord')} SQLite, ${vs(p99, hocuspocus, server === 'hocuspocus')} Hocuspocus)`,
          formatRate(result.deliveredPerSecond),
          formatPercent(result.serverCpuPercent),
          `${runs.length}/${outcomes.length}`,
          result.errors === 0 ? '0' : `${result.errors}: ${result.errorDetail}`,
        ]);
      }
    }
    lines.push(
      table(
        [
          'Shape',
          'Server',
          'server CPU per delivered update',
          '× Accord on SQLite',
          '× Hocuspocus',
          'p50 (× SQLite)',
          'p95',
          'p99',
          'delivered',
          'server CPU (all processes)',
          'runs ok',
          'errors',
        ],
        rows,
      ),
      '',
    );
    for (const shape of shapes) lines.push(...costNotes(report, shape));
  }
  if (report.commits)
    lines.push(commitTable(report.commits, report.settings.timing.charsPerSecond));
  if (report.redisHop) lines.push(redisHopTable(report.redisHop));
  if (failover !== null) lines.push(failoverTable(failover));
  return lines.join('\n');
}

/** Where the extra cost of PostgreSQL and of a second server shows, in this run's numbers. */
function costNotes(
  report: BenchReport,
  shape: BenchReport['settings']['shapes'][number],
): string[] {
  const sqlite = fanoutResult(report, 'accord', shape);
  const pg = fanoutResult(report, 'accord-pg', shape);
  const cluster = fanoutResult(report, 'accord-cluster', shape);
  const commits = report.commits?.ok ? report.commits.value : [];
  const pgCommit = commits.find((entry) => entry.store === 'PostgreSQL');
  const fencedCommit = commits.find((entry) => entry.store === 'PostgreSQL, fenced');
  const sqliteCommit = commits.find((entry) => entry.store === 'SQLite');
  const notes: string[] = [];
  const label = shapeLabel(shape);
  const offered = report.settings.timing.charsPerSecond * shape.clientsPerRoom;
  if (sqlite && pg) {
    const capacity =
      pgCommit && fencedCommit
        ? ` The commit probe below timed an append at ${formatMs(sqliteCommit?.append.p50 ?? Number.NaN)} on SQLite and ${formatMs(pgCommit.append.p50)} on PostgreSQL (${formatMs(fencedCommit.append.p50)} fenced), p99 ${formatMs(pgCommit.append.p99)}: one draft on PostgreSQL commits at most about ${formatRate(pgCommit.perSecond)} back to back here, against ${offered}/s offered by ${shape.clientsPerRoom} typists in one room${pgCommit.perSecond < offered * 1.5 ? ' — at or near saturation, so commits queue and the latency is mostly that queue (it grows while the run lasts, hence the wide spread)' : ''}.`
        : '';
    notes.push(
      `- ${label}, PostgreSQL vs SQLite (one server): p50 ${formatMs(sqlite.latency.p50)} → ${formatMs(pg.latency.p50)} (${ratio(pg.latency.p50, sqlite.latency.p50)}), delivered ${formatRate(sqlite.deliveredPerSecond)} → ${formatRate(pg.deliveredPerSecond)}, server CPU per delivered update ${formatMicros(sqlite.serverCpuPerDeliveryUs)} → ${formatMicros(pg.serverCpuPerDeliveryUs)} (${ratio(pg.serverCpuPerDeliveryUs, sqlite.serverCpuPerDeliveryUs)}). ` +
        "Accord commits every update before it broadcasts it, one at a time per draft (the draft's queue). On SQLite that commit is a local call of microseconds; on PostgreSQL it is a transaction of several round-trips over a socket (BEGIN, lock the draft's row, INSERT, COMMIT with its WAL flush; a cluster adds the lease-row lock, the fence), each a query encoded and a reply parsed by the server process (the extra CPU per delivery; PostgreSQL's own CPU is not counted)." +
        capacity,
    );
  }
  if (pg && cluster) {
    const hop = report.redisHop?.ok ? report.redisHop.value : undefined;
    const hops = hop
      ? ` One Redis hop took ${formatMs(hop.p50)} p50, ${formatMs(hop.p99)} p99 (probe below): the two hops add about ${formatMs(2 * hop.p50)} to an edge client's keystroke reaching the other edge clients, next to a commit of ${formatMs(pgCommit?.append.p50 ?? Number.NaN)}.`
      : '';
    notes.push(
      `- ${label}, two servers vs one (both on PostgreSQL): p50 ${formatMs(pg.latency.p50)} → ${formatMs(cluster.latency.p50)} (${ratio(cluster.latency.p50, pg.latency.p50)}), delivered ${formatRate(pg.deliveredPerSecond)} → ${formatRate(cluster.deliveredPerSecond)}, CPU per delivered update (both processes) ${formatMicros(pg.serverCpuPerDeliveryUs)} → ${formatMicros(cluster.serverCpuPerDeliveryUs)} (${ratio(cluster.serverCpuPerDeliveryUs, pg.serverCpuPerDeliveryUs)}). ` +
        "Half the clients sit on the server that does not own the draft: each of their keystrokes goes client → edge server → Redis → owner (validate, commit, broadcast) → Redis → edge server → its clients: two Redis hops, and the edge server decodes and re-sends every frame of its half of the room, which is the extra CPU of the pair (Redis's own CPU is not counted). The owner's commit queue is the same as one PostgreSQL server's, so where that queue dominates the latency the Redis hops cannot be told apart in it." +
        hops,
    );
  }
  if (notes.length > 0) notes.push('');
  return notes;
}

function redisHopTable(hop: NonNullable<BenchReport['redisHop']>): string {
  if (!hop.ok) return `Redis hop probe failed: ${hop.error.split('\n')[0]}\n`;
  return [
    '### One hop between servers over Redis',
    '',
    `A keystroke-sized frame from one server's \`RedisBus\` (a publish to the other server's inbox) until the other's bus hands it over, one at a time, ${hop.value.count} times, on loopback. An edge client's keystroke crosses one such hop to the owner; the owner's broadcast crosses one back to the edge server's clients.`,
    '',
    table(
      ['hop p50', 'p95', 'p99', 'max'],
      [
        [
          formatMs(hop.value.p50),
          formatMs(hop.value.p95),
          formatMs(hop.value.p99),
          formatMs(hop.value.max),
        ],
      ],
    ),
    '',
  ].join('\n');
}

function commitTable(commits: NonNullable<BenchReport['commits']>, charsPerSecond: number): string {
  if (!commits.ok) return `Commit probe failed: ${commits.error.split('\n')[0]}\n`;
  const sqlite = commits.value.find((entry) => entry.store === 'SQLite');
  return [
    '### Commit time per update',
    '',
    `Accord commits every update before it broadcasts it, one at a time per draft (the draft's queue, SPEC S5): a draft takes at most 1 / commit time updates a second, however many servers there are. ` +
      `Timed here through Accord's own stores, ${commits.value[0]?.append.count ?? 0} keystroke-sized appends to one draft, each awaited before the next (PostgreSQL on loopback, a fresh schema; "fenced": as in a cluster, each write first locks and checks the draft's lease row). ` +
      `A room of C clients typing ${charsPerSecond} characters a second offers ${charsPerSecond} × C updates a second (250/s at 1 × 50).`,
    '',
    table(
      ['Store', 'append p50', 'p95', 'p99', '× SQLite (p50)', 'appends/s back to back'],
      commits.value.map((entry) => [
        entry.store,
        formatMs(entry.append.p50),
        formatMs(entry.append.p95),
        formatMs(entry.append.p99),
        ratio(entry.append.p50, sqlite?.append.p50 ?? Number.NaN, entry.store === 'SQLite'),
        formatRate(entry.perSecond),
      ]),
    ),
    '',
  ].join('\n');
}

function failoverTable(series: FailoverOutcome[]): string {
  const rows = series.map(({ leaseMs, result }) => {
    if (!result.ok) return [`${leaseMs} ms`, `failed: ${result.error.split('\n')[0]}`];
    const value = result.value;
    const left = median(value.kills.map((kill) => kill.leaseLeftMs));
    const after = median(value.kills.map((kill) => kill.resumedMs - kill.leaseLeftMs));
    return [
      `${leaseMs} ms`,
      `${value.kills.length} of ${value.kills.length + value.stuck}`,
      formatMs(value.resumed.p50),
      formatMs(value.resumed.p99),
      formatMs(value.allResumed.p50),
      formatMs(value.allResumed.p99),
      formatMs(left),
      formatMs(after),
      `${value.kills.filter((kill) => kill.converged).length} of ${value.kills.length}`,
      `${value.kills.reduce((sum, kill) => sum + kill.refusals, 0)}`,
      `${value.kills.reduce((sum, kill) => sum + kill.lostKeystrokes, 0)}`,
    ];
  });
  const first = series.find((entry) => entry.result.ok);
  const clients = first?.result.ok ? first.result.value.clients : 0;
  return [
    "### Fail-over: the draft's owner killed",
    '',
    `Two Accord servers over a fresh PostgreSQL schema and Redis, ${clients} clients on the stock y-websocket provider (its default reconnect back-off) split across them, all typing. ` +
      "The server holding the draft's lease is killed with SIGKILL (no shutdown, no lease released); its clients reconnect at once to the survivor (a load balancer that knows which servers are up), the survivor's clients keep their sockets. " +
      '**Resumed**: from the kill until an update typed after the kill by one client reaches another client. **Every client**: until every client has received such an update from every other. ' +
      "The survivor cannot take the draft before the dead owner's lease runs out (renewed every third of its length, so 2/3 to all of it is left at a kill); then the survivor closes the links it held to the dead owner (it checks owners every second at most), the clients reconnect, it takes the lease and loads the draft from PostgreSQL. " +
      'Between kills the killed server is restarted on the same schema and the clients start afresh, split over both again. With this few kills, p99 is the slowest kill. ' +
      "**Refused, started over**: reconnections the survivor closed because a change skipped ones it had never seen (4409, `missingDependencies`); the client then does what Accord's browser client does (`closeDisposition`: refused → start over from a fresh document), and what it had typed that never reached the server is **lost** (counted: its clock minus the most any other client received of it).",
    '',
    table(
      [
        'ACCORD_LEASE_MS',
        'kills resumed',
        'resumed p50',
        'resumed p99',
        'every client p50',
        'every client p99',
        'lease left at the kill (median)',
        'resumed − lease left (median)',
        'clients converged',
        'refused (4409…), started over',
        'keystrokes lost',
      ],
      rows,
    ),
    '',
  ].join('\n');
}
