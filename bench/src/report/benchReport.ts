import type { BrowserResults } from '../browser/browserRun';
import type { CommitTimes } from '../cluster/commitProbe';
import type { FanoutResult, FanoutShape } from '../load/fanout';
import type { LatencySummary } from '../load/stats';
import type { Outcome } from '../outcome';
import type { ScaleResults } from '../scale/scaleTypes';
import type { ServerKind } from '../servers/childProtocol';
import type { BenchSettings } from '../settings';
import type { FailoverOutcome } from './clusterSection';
import type { Environment } from './environment';
import { medianResult } from './repeats';

/** One run of one server at one shape: its figures or why the run failed. */
export interface FanoutOutcome {
  server: ServerKind;
  shape: FanoutShape;
  /** Which of the repeated runs of this shape (1-based). */
  repetition: number;
  result: Outcome<FanoutResult>;
}

/** Everything a run measured, as the report renders it. */
export interface BenchReport {
  /** ISO timestamp of the start. */
  startedAt: string;
  durationMs: number;
  command: string;
  environment: Environment;
  /** One-minute load average of the machine at the start and end of the run (other work shows here). */
  loadAverage?: { start: number; end: number };
  settings: BenchSettings;
  fanout: FanoutOutcome[];
  /** null when the part was not run. */
  scale: Outcome<ScaleResults> | null;
  browser: Outcome<BrowserResults> | null;
  /** Fail-over series, one per lease length; null (or absent, in older results) when not run. */
  failover?: FailoverOutcome[] | null;
  /** Commit time per update on SQLite and PostgreSQL (why PostgreSQL is slower); null if not run. */
  commits?: Outcome<CommitTimes[]> | null;
  /** One server-to-server hop through Accord's RedisBus, one way, in ms; null if not run. */
  redisHop?: Outcome<LatencySummary> | null;
}

/** The label of a shape, as tables and the chart show it. */
export function shapeLabel(shape: FanoutShape): string {
  return `${shape.rooms} × ${shape.clientsPerRoom}`;
}

/** Every run of one server at one shape, failed ones included, in order. */
export function fanoutOutcomes(
  report: BenchReport,
  server: ServerKind,
  shape: FanoutShape,
): FanoutOutcome[] {
  return report.fanout.filter(
    (entry) =>
      entry.server === server &&
      entry.shape.rooms === shape.rooms &&
      entry.shape.clientsPerRoom === shape.clientsPerRoom,
  );
}

/** The figures of every successful run of one server at one shape. */
export function fanoutRuns(
  report: BenchReport,
  server: ServerKind,
  shape: FanoutShape,
): FanoutResult[] {
  return fanoutOutcomes(report, server, shape).flatMap((entry) =>
    entry.result.ok ? [entry.result.value] : [],
  );
}

/**
 * One server at one shape over its repeated runs: the median of each figure (`medianResult`),
 * or undefined if no run succeeded. Targets are checked on this.
 */
export function fanoutResult(
  report: BenchReport,
  server: ServerKind,
  shape: FanoutShape,
): FanoutResult | undefined {
  return medianResult(fanoutRuns(report, server, shape));
}
