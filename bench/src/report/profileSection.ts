import { type BenchReport, fanoutResult, shapeLabel } from './benchReport';
import type { ProfileSummary } from './cpuProfile';
import { formatPercent, table } from './format';

/** Where Accord's server spent its CPU in each fan-out configuration (warm-up and measured window). */
export function profileSection(report: BenchReport): string {
  const lines = ["### Where Accord's server spends its CPU", ''];
  const profiled = report.settings.shapes
    .map((shape) => ({ shape, profile: fanoutResult(report, 'accord', shape)?.profile }))
    .filter(
      (entry): entry is { shape: typeof entry.shape; profile: ProfileSummary } =>
        entry.profile !== undefined,
    );
  if (profiled.length === 0) return [...lines, 'No profile was taken in this run.', ''].join('\n');
  lines.push(
    "Every server ran V8's sampling profiler (through `node:inspector`, the same overhead for all) from the start of the warm-up to the end of the measured window (starting the profiler stalls a process briefly, so it starts before the window); the profile shown is the first run's of each shape. Self time, in percent of the busy (non-idle) samples.",
    '',
  );
  for (const { shape, profile } of profiled) {
    lines.push(
      `**${shapeLabel(shape)}** — ${profile.busyMs.toFixed(0)} ms of CPU profiled`,
      '',
      table(
        ['Area', 'share'],
        profile.buckets.slice(0, 8).map((entry) => [entry.name, formatPercent(entry.percent)]),
      ),
      '',
      table(
        ['Top functions (self time)', 'share'],
        profile.topFunctions.map((entry) => [entry.name, formatPercent(entry.percent)]),
      ),
      '',
    );
  }
  return lines.join('\n');
}
