import type { FanoutResult } from '../load/fanout';
import type { LatencySummary } from '../load/stats';

/** A figure over repeated runs: the median and the smallest and largest value. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Runs that measured it (NaN values are left out). */
  runs: number;
}

/** The median of `values` (the mean of the two middle ones for an even count); NaN if none. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? Number.NaN;
  return ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Median and range of `values`, NaN values left out. */
export function spreadOf(values: readonly number[]): Spread {
  const measured = values.filter((value) => !Number.isNaN(value));
  return {
    median: median(measured),
    min: measured.length === 0 ? Number.NaN : Math.min(...measured),
    max: measured.length === 0 ? Number.NaN : Math.max(...measured),
    runs: measured.length,
  };
}

/** `pick` over every run, as a spread. */
export function spreadOfRuns(runs: readonly FanoutResult[], pick: (run: FanoutResult) => number) {
  return spreadOf(runs.map(pick));
}

const NUMERIC_FIELDS = [
  'deliveredPerSecond',
  'typedPerSecond',
  'framesPerSecond',
  'serverCpuPercent',
  'serverCpuPerDeliveryUs',
  'serverPeakRssBytes',
  'loadgenCpuPercent',
  'loadgenBusiestThreadPercent',
  'loadgenLagP99Ms',
  'connectMs',
] as const;

/**
 * One result standing for repeated runs of one server at one shape: every figure is the median
 * of that figure over the runs (each taken on its own, so the median p99 and the median CPU may
 * come from different runs). Counts of problems (undelivered keystrokes, errors) are summed, so
 * that a problem in any run shows; the profile is the first run's. Targets are checked on this.
 */
export function medianResult(runs: readonly FanoutResult[]): FanoutResult | undefined {
  const first = runs[0];
  if (first === undefined) return undefined;
  const latency = Object.fromEntries(
    (['count', 'p50', 'p95', 'p99', 'max', 'mean'] as const).map((key) => [
      key,
      median(runs.map((run) => run.latency[key])),
    ]),
  ) as unknown as LatencySummary;
  const result: FanoutResult = {
    ...first,
    latency,
    undelivered: runs.reduce((sum, run) => sum + run.undelivered, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    errorDetail: runs
      .map((run) => run.errorDetail)
      .filter((detail) => detail.length > 0)
      .join('; '),
    convergedRooms: Math.min(...runs.map((run) => run.convergedRooms)),
  };
  for (const field of NUMERIC_FIELDS) result[field] = median(runs.map((run) => run[field]));
  return result;
}
