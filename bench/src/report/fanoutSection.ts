import type { FanoutResult, FanoutShape } from '../load/fanout';
import type { ServerKind } from '../servers/childProtocol';
import {
  type BenchReport,
  fanoutOutcomes,
  fanoutResult,
  fanoutRuns,
  shapeLabel,
} from './benchReport';
import {
  formatBytes,
  formatMicros,
  formatMs,
  formatPercent,
  formatRate,
  ratio,
  table,
  withRatio,
} from './format';
import { type Spread, spreadOf, spreadOfRuns } from './repeats';

const SERVER_NAMES = {
  'accord-ungrouped': 'Accord, group commit and coalescing off',
  accord: 'Accord',
  hocuspocus: 'Hocuspocus',
  'y-websocket': 'y-websocket server',
  relay: 'raw ws relay (floor)',
  'accord-pg': 'Accord on PostgreSQL',
  'accord-cluster': 'Accord, 2 servers (PostgreSQL + Redis)',
} as const;

/** How the report names a server. */
export function serverName(kind: keyof typeof SERVER_NAMES): string {
  return SERVER_NAMES[kind];
}

/** "median (min–max)" of a spread, each formatted by `format`; just the value for one run. */
export function formatSpread(spread: Spread, format: (value: number) => string): string {
  if (spread.runs <= 1) return format(spread.median);
  return `${format(spread.median)} (${format(spread.min)}–${format(spread.max)})`;
}

/** The fan-out section: the headline table, then one table per shape, then the generator's. */
export function fanoutSection(report: BenchReport, chartFile: string | null): string {
  const lines: string[] = ['## Server fan-out', ''];
  const { timing, repetitions } = report.settings;
  lines.push(
    `Every client types one character per transaction at ${timing.charsPerSecond} characters a second into random clauses of the Tiptap fragment of a copy of Accord's demo draft, on a real WebSocket (loopback). ` +
      'Two clients per room are full Y.Doc clients on the server\'s own provider; the others decode only the struct ids of what they receive (see "How it measures" in bench/README.md). ' +
      `Latency is from the sender's change to the moment the **last** other client of the room has received it. ` +
      `Per run: ${timing.warmupMs / 1000} s warm-up, ${timing.measureMs / 1000} s measured, up to ${timing.drainMs / 1000} s for stragglers. ` +
      `Each shape ran ${repetitions} time${repetitions === 1 ? '' : 's'}, the servers taking turns in each round; every figure is the **median** of the runs, with the range (min–max) in brackets where it matters.`,
    '',
    headline(report),
    '',
  );
  const tuning = tuningSection(report);
  if (tuning !== null) lines.push(tuning, '');
  if (chartFile) lines.push(`![Fan-out latency per server and configuration](${chartFile})`, '');
  for (const shape of report.settings.shapes) {
    const accord = fanoutResult(report, 'accord', shape);
    lines.push(`### ${shapeLabel(shape)} (rooms × clients per room)`, '');
    lines.push(
      'Medians of the runs; in brackets the ratio to Accord (for latency, CPU and memory, below 1× means less than Accord; for updates/s, below 1× means fewer).',
      '',
    );
    const rows: string[][] = [];
    for (const server of report.settings.servers) {
      const failed = failures(report, server, shape);
      const result = fanoutResult(report, server, shape);
      if (result === undefined) {
        if (failed.length > 0) rows.push([serverName(server), `failed: ${failed[0]}`, ...blank(8)]);
        continue;
      }
      const row = fanoutRow(result, accord);
      if (failed.length > 0)
        row[row.length - 1] += `; ${failed.length} run(s) failed: ${failed[0]}`;
      rows.push(row);
    }
    lines.push(
      table(
        [
          'Server',
          'p50',
          'p95',
          'p99',
          'max',
          'delivered',
          'server CPU',
          'server peak RSS (typing)',
          'errors',
        ],
        rows,
      ),
      '',
    );
  }
  lines.push(harnessTable(report), '');
  return lines.join('\n');
}

const blank = (count: number) => Array.from({ length: count }, () => '');

/** The first line of each failed run's error. */
function failures(report: BenchReport, server: ServerKind, shape: FanoutShape): string[] {
  return fanoutOutcomes(report, server, shape).flatMap((entry) =>
    entry.result.ok ? [] : [entry.result.error.split('\n')[0] ?? ''],
  );
}

/**
 * The headline: server CPU time per delivered update (one typist's update reaching one peer),
 * which the generator's own delays barely move, against Hocuspocus and the raw relay.
 */
function headline(report: BenchReport): string {
  const rows: string[][] = [];
  for (const shape of report.settings.shapes) {
    const hocuspocus = fanoutResult(report, 'hocuspocus', shape);
    const relay = fanoutResult(report, 'relay', shape);
    for (const server of report.settings.servers) {
      const runs = fanoutRuns(report, server, shape);
      const result = fanoutResult(report, server, shape);
      if (result === undefined) continue;
      const cpu = spreadOfRuns(runs, (run) => run.serverCpuPerDeliveryUs);
      const p99 = spreadOfRuns(runs, (run) => run.latency.p99);
      rows.push([
        shapeLabel(shape),
        serverName(server),
        formatSpread(cpu, formatMicros),
        ratio(
          result.serverCpuPerDeliveryUs,
          hocuspocus?.serverCpuPerDeliveryUs ?? Number.NaN,
          server === 'hocuspocus',
        ),
        ratio(
          result.serverCpuPerDeliveryUs,
          relay?.serverCpuPerDeliveryUs ?? Number.NaN,
          server === 'relay',
        ),
        formatMs(result.latency.p50),
        formatSpread(p99, formatMs),
        formatRate(result.deliveredPerSecond),
        `${runs.length}/${fanoutOutcomes(report, server, shape).length}`,
      ]);
    }
  }
  return [
    '### Headline: server CPU per delivered update',
    '',
    "The server process's CPU time in the measured window (every thread's time on a CPU, from `/proc/<pid>/task/*/schedstat`, in nanoseconds), divided by the updates it delivered in that window (one typist's update reaching one peer; a server that packs several updates into one WebSocket message is not charged more for it). " +
      'It counts only what the server spent, so a busy load generator moves it far less than it moves latency.',
    '',
    table(
      [
        'Shape',
        'Server',
        'server CPU per delivered update',
        '× Hocuspocus',
        '× raw relay',
        'p50',
        'p99',
        'delivered',
        'runs ok',
      ],
      rows,
    ),
  ].join('\n');
}

function fanoutRow(result: FanoutResult, accord: FanoutResult | undefined): string[] {
  const isAccord = result.server === 'accord';
  const base = (pick: (value: FanoutResult) => number) => (accord ? pick(accord) : Number.NaN);
  const latency = (key: 'p50' | 'p95' | 'p99' | 'max') =>
    withRatio(
      formatMs(result.latency[key]),
      result.latency[key],
      base((value) => value.latency[key]),
      isAccord,
    );
  const errors = result.errors === 0 ? '0' : `${result.errors}: ${result.errorDetail}`;
  return [
    serverName(result.server),
    latency('p50'),
    latency('p95'),
    latency('p99'),
    latency('max'),
    withRatio(
      formatRate(result.deliveredPerSecond),
      result.deliveredPerSecond,
      base((v) => v.deliveredPerSecond),
      isAccord,
    ),
    withRatio(
      formatPercent(result.serverCpuPercent),
      result.serverCpuPercent,
      base((v) => v.serverCpuPercent),
      isAccord,
    ),
    withRatio(
      formatBytes(result.serverPeakRssBytes),
      result.serverPeakRssBytes,
      base((v) => v.serverPeakRssBytes),
      isAccord,
    ),
    errors,
  ];
}

/** The load generator's own figures: when it is saturated, every server's latency includes it. */
function harnessTable(report: BenchReport): string {
  const rows: string[][] = [];
  for (const shape of report.settings.shapes) {
    for (const server of report.settings.servers) {
      const runs = fanoutRuns(report, server, shape);
      const result = fanoutResult(report, server, shape);
      if (result === undefined) continue;
      rows.push([
        shapeLabel(shape),
        serverName(server),
        formatRate(result.typedPerSecond),
        formatRate(result.framesPerSecond),
        `${result.latency.count}`,
        formatSpread(
          spreadOfRuns(runs, (run) => run.loadgenCpuPercent),
          formatPercent,
        ),
        formatSpread(
          spreadOfRuns(runs, (run) => run.loadgenBusiestThreadPercent),
          formatPercent,
        ),
        formatMs(result.loadgenLagP99Ms),
        formatMs(result.connectMs),
        `${result.undelivered}`,
        `${result.convergedRooms} of ${shape.rooms} rooms (${result.fullClientsPerRoom} full clients each)`,
      ]);
    }
  }
  const threads = report.fanout.find((entry) => entry.result.ok);
  const threadCount = threads?.result.ok ? threads.result.value.loadgenThreads : 0;
  return [
    '### The load generator itself',
    '',
    `The clients run in ${threadCount} worker threads of one Node process, on the same 2 cores as the server. ` +
      "Its CPU (all threads, in percent of one core) and the busiest thread's event-loop utilisation (which on a loaded machine also counts time spent waiting for a CPU) and delay show how much of each latency is the harness. " +
      '"Converged" counts rooms whose full clients ended with identical state vectors and drafts holding every keystroke typed (a run whose rooms diverge fails). ' +
      '"Frames" are the WebSocket messages the clients received, whatever they carried.',
    '',
    table(
      [
        'Shape',
        'Server',
        'typed',
        'frames received',
        'samples',
        'load-gen CPU',
        'busiest thread',
        'event-loop p99 (worst thread)',
        'connect + sync all',
        'undelivered',
        'converged',
      ],
      rows,
    ),
  ].join('\n');
}

/**
 * Issue 17 part 2, before and after in the same run: Accord with group commit and coalesced
 * frames off (`accord-ungrouped`) against Accord as shipped (both on), when both ran. Besides the ratio of
 * the medians, the median of the per-round ratios (each round runs both back to back, so a slow
 * spell of the shared machine hits both).
 */
export function tuningSection(report: BenchReport): string | null {
  const rows: string[][] = [];
  for (const shape of report.settings.shapes) {
    const offRuns = fanoutOutcomes(report, 'accord-ungrouped', shape);
    const onRuns = fanoutOutcomes(report, 'accord', shape);
    const off = fanoutResult(report, 'accord-ungrouped', shape);
    const on = fanoutResult(report, 'accord', shape);
    if (off === undefined || on === undefined) continue;
    const perRound = (pick: (run: FanoutResult) => number) =>
      spreadOf(
        onRuns.flatMap((entry) => {
          const pair = offRuns.find((other) => other.repetition === entry.repetition);
          if (!entry.result.ok || pair === undefined || !pair.result.ok) return [];
          return [pick(entry.result.value) / pick(pair.result.value)];
        }),
      );
    const cpu = perRound((run) => run.serverCpuPerDeliveryUs);
    const p99 = perRound((run) => run.latency.p99);
    const times = (value: number) => `${value.toFixed(2)}×`;
    rows.push([
      shapeLabel(shape),
      `${formatMicros(off.serverCpuPerDeliveryUs)} → ${formatMicros(on.serverCpuPerDeliveryUs)}`,
      times(on.serverCpuPerDeliveryUs / off.serverCpuPerDeliveryUs),
      formatSpread(cpu, times),
      `${formatMs(off.latency.p99)} → ${formatMs(on.latency.p99)}`,
      times(on.latency.p99 / off.latency.p99),
      formatSpread(p99, times),
      `${formatRate(off.framesPerSecond)} → ${formatRate(on.framesPerSecond)}`,
      `${formatRate(off.deliveredPerSecond)} → ${formatRate(on.deliveredPerSecond)}`,
    ]);
  }
  if (rows.length === 0) return null;
  return [
    '### Group commit and one frame per peer per turn (issue 17): off → on',
    '',
    'Accord with both settings off (`ACCORD_GROUP_COMMIT=false ACCORD_COALESCE_FRAMES=false`) and on (the default), interleaved in the same rounds. ' +
      'Ratios are on ÷ off (below 1× is better): of the medians, and the median (range) of the ratios within each round.',
    '',
    table(
      [
        'Shape',
        'server CPU per delivered update',
        'ratio of medians',
        'per-round ratio',
        'p99',
        'ratio of medians',
        'per-round ratio',
        'frames received/s',
        'delivered',
      ],
      rows,
    ),
  ].join('\n');
}
