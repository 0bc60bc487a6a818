import type { BrowserResults } from '../browser/browserRun';
import type { FanoutResult, FanoutShape } from '../load/fanout';
import type { Outcome } from '../outcome';
import type { ScaleResults } from '../scale/scaleTypes';
import type { ServerKind } from '../servers/childProtocol';
import type { BenchSettings } from '../settings';
import type { Environment } from './environment';

/** One server at one shape: its figures or why the run failed. */
export interface FanoutOutcome {
  server: ServerKind;
  shape: FanoutShape;
  result: Outcome<FanoutResult>;
}

/** Everything a run measured, as the report renders it. */
export interface BenchReport {
  /** ISO timestamp of the start. */
  startedAt: string;
  durationMs: number;
  command: string;
  environment: Environment;
  settings: BenchSettings;
  fanout: FanoutOutcome[];
  /** null when the part was not run. */
  scale: Outcome<ScaleResults> | null;
  browser: Outcome<BrowserResults> | null;
}

/** The label of a shape, as tables and the chart show it. */
export function shapeLabel(shape: FanoutShape): string {
  return `${shape.rooms} × ${shape.clientsPerRoom}`;
}

/** The result of one server at one shape, if it succeeded. */
export function fanoutResult(
  report: BenchReport,
  server: ServerKind,
  shape: FanoutShape,
): FanoutResult | undefined {
  const outcome = report.fanout.find(
    (entry) =>
      entry.server === server &&
      entry.shape.rooms === shape.rooms &&
      entry.shape.clientsPerRoom === shape.clientsPerRoom,
  );
  return outcome?.result.ok ? outcome.result.value : undefined;
}
