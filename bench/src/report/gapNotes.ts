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
    const label = shapeLabel(shape);
    if (!missed(`${label}: Accord server CPU per delivered update`)) continue;
    const note = cpuGapNote(report, shape);
    if (note !== null) notes.push(note);
  }
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
          ? ' Sending is the bulk of the work: each update reaches each peer in one `writev` system call, as on every server here; the update frames of one turn already leave for each peer in one write, which saves calls only when a turn carries several updates of the same draft.'
          : '') +
        (validation >= 15
          ? ' Validation is a large share: decoding each update twice (validator and Y.applyUpdate) could be avoided by integrating the decoded structs directly.'
          : ''),
    );
  }
  if (missed('compacted log, as')) {
    notes.push(
      "Cold load (compacted): profiled in `results/2026-12-05-cold-load-profile.md`. Before its first answer the server now only reads the stored snapshot, applies it to a Y.Doc and sends the stored bytes back (no re-encoding); the clause indexes are built on first use and the compaction runs after the answer. What remains is `Y.applyUpdate` of the snapshot, which Hocuspocus does too, so the ratio moves with the machine's noise around 0.7–0.9×. Answering a cold draft's first sync without building its Y.Doc at all (loading it straight into hibernation, SPEC S14) would remove that too, and move the build to the first edit.",
    );
  }
  if (missed('uncompacted')) {
    notes.push(
      'Cold load (uncompacted): applying every edit of the log one by one is the worst case that compaction (every 500 updates by default) exists to prevent; a running Accord server never leaves a log that long.',
    );
  }
  if (missed('memory per open draft')) {
    notes.push(
      "Memory (open draft): most of it is the Y.Doc both servers hold (a bare Y.Doc of this draft is 25.8 MiB, Hocuspocus's whole figure); Accord's extra is its own per-draft bookkeeping (clause, lock and bracket indexes, the client-id owners, presence). A draft nobody has changed for `ACCORD_QUIET_MS` hibernates and keeps only its encoded state (the open-but-quiet target); halving an open draft that is being edited would need Yjs itself to hold less.",
    );
  }
  if (missed('Keystroke to paint')) {
    notes.push(
      'Keystroke to paint: the next frame comes on the display\'s clock, so up to one frame (16.7 ms at 60 Hz) is spent waiting for it however fast the editor is; the p95 of "keydown → next frame" carries that wait. The editor work itself is the difference between the frame wait and the measured time.',
    );
  }
  return notes;
}

/** Microseconds per delivered update spent in each area of a server's profile at `shape`. */
function microsByArea(
  report: BenchReport,
  kind: 'accord' | 'hocuspocus',
  shape: FanoutShape,
): Map<string, number> | null {
  const result = fanoutResult(report, kind, shape);
  if (result?.profile === undefined) return null;
  return new Map(
    result.profile.buckets.map((bucket) => [
      bucket.name,
      (bucket.percent / 100) * result.serverCpuPerDeliveryUs,
    ]),
  );
}

/**
 * Why Accord's server spent more CPU per delivered update than Hocuspocus's, from both profiles
 * of this run: each area's share of the busy samples times the CPU per delivered update, so the
 * areas add up to the headline figure, and the difference shows where the extra goes.
 */
function cpuGapNote(report: BenchReport, shape: FanoutShape): string | null {
  const accord = microsByArea(report, 'accord', shape);
  const hocuspocus = microsByArea(report, 'hocuspocus', shape);
  if (accord === null || hocuspocus === null) return null;
  const areas = [...new Set([...accord.keys(), ...hocuspocus.keys()])]
    .map((area) => ({
      area,
      accord: accord.get(area) ?? 0,
      hocuspocus: hocuspocus.get(area) ?? 0,
    }))
    .filter((entry) => Math.abs(entry.accord - entry.hocuspocus) >= 0.5)
    .sort((a, b) => b.accord - b.hocuspocus - (a.accord - a.hocuspocus));
  const micros = (value: number) => `${value.toFixed(1)} µs`;
  const listed = areas
    .map(
      (entry) =>
        `${entry.area} ${micros(entry.accord)} vs ${micros(entry.hocuspocus)} (${entry.accord >= entry.hocuspocus ? '+' : '−'}${micros(Math.abs(entry.accord - entry.hocuspocus))})`,
    )
    .join('; ');
  const sockets = {
    accord: accord.get(SOCKETS_BUCKET) ?? 0,
    hocuspocus: hocuspocus.get(SOCKETS_BUCKET) ?? 0,
  };
  return (
    `${shapeLabel(shape)}, server CPU per delivered update by area, Accord vs Hocuspocus (each profile's shares times its CPU per delivered update): ${listed || 'no area differs by 0.5 µs or more'}. ` +
    `Sockets cost both about the same per delivered update (${micros(sockets.accord)} vs ${micros(sockets.hocuspocus)}): one system call per frame and peer. ` +
    "What Accord adds is per update, not per peer, and is what it promises: each update validated against the draft's rules, committed to SQLite before anyone hears of it, then its clause history and meta written (Accord's own code and SQLite above); Hocuspocus applies and relays, and stores a whole snapshot once every 2–10 s. " +
    'Per delivered update that extra shrinks as the room grows (it is shared by more peers) and as updates arrive together (group commit: one transaction for the turn).'
  );
}
