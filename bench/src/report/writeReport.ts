import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SERVER_KINDS } from '../servers/childProtocol';
import { type BenchReport, fanoutResult, shapeLabel } from './benchReport';
import { serverName } from './fanoutSection';
import { renderReport } from './markdown';
import { type ChartGroup, latencyChartSvg } from './svgChart';

const COLOURS = {
  'accord-ungrouped': '#b7a6d6',
  accord: '#6b4fa0',
  hocuspocus: '#e07b39',
  'y-websocket': '#2f7ebc',
  relay: '#7a7a7a',
  'accord-pg': '#9b7fd0',
  'accord-cluster': '#c9b3ef',
} as const;

/** The files a run wrote. */
export interface WrittenReport {
  report: string;
  chart: string;
  json: string;
}

/**
 * Writes the report (`<date>-report.md`), its chart (`<date>-latency.svg`) and the raw figures
 * (`<date>-results.json`) into `outDir`; with `latest`, also `latest.md` pointing at them.
 */
export function writeReport(
  report: BenchReport,
  outDir: string,
  latest: string | null,
): WrittenReport {
  mkdirSync(outDir, { recursive: true });
  // A second run on one day gets its start time in its names, so that it keeps the first.
  const day = report.startedAt.slice(0, 10);
  const date = existsSync(join(outDir, `${day}-report.md`))
    ? `${day}-${report.startedAt.slice(11, 16).replace(':', '')}`
    : day;
  const chart = join(outDir, `${date}-latency.svg`);
  const file = join(outDir, `${date}-report.md`);
  const json = join(outDir, `${date}-results.json`);
  const groups: ChartGroup[] = report.settings.shapes.map((shape) => ({
    label: shapeLabel(shape),
    bars: SERVER_KINDS.flatMap((server) => {
      const result = fanoutResult(report, server, shape);
      return result ? [{ series: serverName(server), ...result.latency }] : [];
    }),
  }));
  const series = report.settings.servers.map((server) => ({
    name: serverName(server),
    colour: COLOURS[server],
  }));
  writeFileSync(
    chart,
    latencyChartSvg('Fan-out latency, sender → every peer (ms)', groups, series),
  );
  writeFileSync(file, renderReport(report, relative(outDir, chart)));
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  if (latest !== null) {
    writeFileSync(
      latest,
      [
        '# Latest benchmark',
        '',
        `The latest full run (${report.startedAt}) is [${relative(join(latest, '..'), file)}](${relative(join(latest, '..'), file)}), with its chart [${relative(join(latest, '..'), chart)}](${relative(join(latest, '..'), chart)}).`,
        '',
        'Run it again with `pnpm bench` from the repository root (under five minutes on 2 cores).',
        '',
      ].join('\n'),
    );
  }
  return { report: file, chart, json };
}
