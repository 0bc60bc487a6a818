import type { FanoutShape } from '../load/fanout';
import { type BenchReport, fanoutResult, shapeLabel } from './benchReport';
import { SOCKETS_BUCKET } from './cpuProfile';
import { formatMs, formatPercent } from './format';
import type { TargetCheck } from './targets';

/** Percent share of an area in Accord's profile at `shape`, 0 when unknown. */
function share(report: BenchReport, shape: FanoutShape, area: string): number {
  return (
    fanoutResult(report, 'accord', shape)?.profile?.buckets.find((entry) => entry.name === area)
      ?.percent ?? 0
  );
}

/**
 * Notes, derived from this run's own figures, on why a target was missed and what would close the
 * gap. They point at the evidence (the profile, the harness's load); they are not a substitute
 * for reading it.
 */
export function gapNotes(report: BenchReport, checks: readonly TargetCheck[]): string[] {
  const notes: string[] = [];
  const missed = (fragment: string) =>
    checks.some((check) => check.met === false && check.target.includes(fragment));
  for (const shape of report.settings.shapes) {
    const accord = fanoutResult(report, 'accord', shape);
    if (accord === undefined) continue;
    const label = shapeLabel(shape);
    const latencyMissed = checks.some(
      (check) => check.met === false && check.target.startsWith(label) && /p99/.test(check.target),
    );
    if (!latencyMissed) continue;
    if (accord.loadgenCpuPercent / accord.loadgenThreads > 70 || accord.loadgenLagP99Ms > 10) {
      notes.push(
        `${label}: the load generator was busy (${formatPercent(accord.loadgenCpuPercent)} CPU over ${accord.loadgenThreads} threads, busiest thread ${formatPercent(accord.loadgenBusiestThreadPercent)}, event-loop p99 ${formatMs(accord.loadgenLagP99Ms)}): part of every server's latency here is the harness, on a 2-core machine it shares with the server. Server CPU per delivered update does not include it.`,
      );
    }
    const dropped = /closed 1006 ×(\d+)/g;
    const drops = [...accord.errorDetail.matchAll(dropped)].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    );
    if (drops > 0) {
      notes.push(
        `${label}: over the runs, Accord's server dropped ${drops} connections without a close frame (1006: its liveness check heard no frame or pong for 6 s, so its event loop or its sockets were that far behind); a light receiver it drops does not reconnect, so its keystrokes after the drop are missing from the figures and the run counts them as errors.`,
      );
    }
    const sqlite = share(report, shape, 'SQLite');
    const validation = share(report, shape, 'update validation');
    const yjs = share(report, shape, 'Yjs');
    const gc = share(report, shape, 'garbage collection');
    const ws = share(report, shape, SOCKETS_BUCKET);
    notes.push(
      `${label}: Accord's server used ${formatPercent(accord.serverCpuPercent)} of a core; its profile: SQLite ${formatPercent(sqlite)}, Yjs ${formatPercent(yjs)}, validation ${formatPercent(validation)}, sockets ${formatPercent(ws)}, GC ${formatPercent(gc)}.` +
        (sqlite >= 20
          ? ' Commit-before-broadcast costs one SQLite transaction per keystroke: committing every update that arrived in one event-loop turn in a single transaction (group commit), then broadcasting them, keeps the guarantee at a fraction of the cost.'
          : '') +
        (ws >= 30
          ? ' Sending is the bulk of the work: the frame is encoded once per update, but each peer still costs one `ws.send` and one `writev` system call per keystroke, as on every server here. Sending each peer one frame per event-loop turn that carries every update of that turn (merged with `Y.mergeUpdates`, cheap on a handful of small updates) would cut the system calls when typists overlap.'
          : '') +
        (validation >= 15
          ? ' Validation is a large share: decoding each update twice (validator and Y.applyUpdate) could be avoided by integrating the decoded structs directly.'
          : ''),
    );
  }
  if (missed('Cold load') && missed('compacted log, as')) {
    notes.push(
      'Cold load (compacted): both servers then load one state of the same size, and the client applies the same first sync, so a gap comes from what happens around the load. Likely contributors, to confirm with a profile of a cold start: reading the log rows, the client-id owners map, and anything the server does before it answers the first sync step.',
    );
  }
  if (missed('uncompacted')) {
    notes.push(
      'Cold load (uncompacted): applying every edit of the log one by one is the worst case that compaction (every 500 updates by default) exists to prevent; a running Accord server never leaves a log that long.',
    );
  }
  if (missed('memory per open draft')) {
    notes.push(
      "Memory: most of an open draft is its Y.Doc, which both servers hold, so halving Hocuspocus's footprint cannot come from trimming Accord's own bookkeeping alone; it would need a different in-memory representation (for example, keeping idle drafts as their encoded state and building the Y.Doc only while someone edits).",
    );
  }
  if (missed('Keystroke to paint')) {
    notes.push(
      'Keystroke to paint: the next frame comes on the display\'s clock, so up to one frame (16.7 ms at 60 Hz) is spent waiting for it however fast the editor is; the p95 of "keydown → next frame" carries that wait. The editor work itself is the difference between the frame wait and the measured time.',
    );
  }
  return notes;
}
