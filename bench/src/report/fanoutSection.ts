import type { FanoutResult } from '../load/fanout';
import { SERVER_KINDS } from '../servers/childProtocol';
import { type BenchReport, fanoutResult, shapeLabel } from './benchReport';
import { formatBytes, formatMs, formatPercent, formatRate, table, withRatio } from './format';

const SERVER_NAMES = {
  accord: 'Accord',
  hocuspocus: 'Hocuspocus',
  'y-websocket': 'y-websocket server',
  relay: 'raw ws relay (floor)',
} as const;

/** How the report names a server. */
export function serverName(kind: keyof typeof SERVER_NAMES): string {
  return SERVER_NAMES[kind];
}

/** The fan-out tables: one per shape, every figure with its ratio to Accord. */
export function fanoutSection(report: BenchReport, chartFile: string | null): string {
  const lines: string[] = ['## Server fan-out', ''];
  const { timing } = report.settings;
  lines.push(
    `Each client is a real Y.Doc on a real WebSocket (loopback), typing one character per transaction at ${timing.charsPerSecond} characters a second into random clauses of the Tiptap fragment of a copy of Accord's demo draft. ` +
      `Latency is from the sender's change to the moment the **last** other client of the room has applied it. ` +
      `Per run: ${timing.warmupMs / 1000} s warm-up, ${timing.measureMs / 1000} s measured, up to ${timing.drainMs / 1000} s for stragglers. ` +
      'In brackets: the ratio to Accord (for latency, CPU and memory, below 1× means less than Accord; for updates/s, below 1× means fewer).',
    '',
  );
  if (chartFile) lines.push(`![Fan-out latency per server and configuration](${chartFile})`, '');
  for (const shape of report.settings.shapes) {
    const accord = fanoutResult(report, 'accord', shape);
    lines.push(`### ${shapeLabel(shape)} (rooms × clients per room)`, '');
    const rows: string[][] = [];
    for (const server of report.settings.servers) {
      const outcome = report.fanout.find(
        (entry) => entry.server === server && shapeLabel(entry.shape) === shapeLabel(shape),
      );
      if (outcome === undefined) continue;
      if (!outcome.result.ok) {
        rows.push([
          serverName(server),
          `failed: ${outcome.result.error.split('\n')[0] ?? ''}`,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ]);
        continue;
      }
      rows.push(fanoutRow(outcome.result.value, accord));
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
    for (const server of SERVER_KINDS) {
      const result = fanoutResult(report, server, shape);
      if (result === undefined) continue;
      rows.push([
        shapeLabel(shape),
        serverName(server),
        formatRate(result.typedPerSecond),
        `${result.latency.count}`,
        formatPercent(result.loadgenCpuPercent),
        formatMs(result.loadgenLagP99Ms),
        formatMs(result.connectMs),
        `${result.undelivered}`,
      ]);
    }
  }
  return [
    '### The load generator itself',
    '',
    'All clients run in one Node process on the same 2 cores as the server. Its CPU and event-loop delay show how much of each latency is the harness: ' +
      'a p99 event-loop delay of several milliseconds is added to every server alike.',
    '',
    table(
      [
        'Shape',
        'Server',
        'typed',
        'samples',
        'load-gen CPU',
        'load-gen event-loop p99',
        'connect + sync all',
        'undelivered',
      ],
      rows,
    ),
  ].join('\n');
}
