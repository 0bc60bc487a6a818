import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserResults, runBrowser } from './browser/browserRun';
import { type CommitTimes, probeCommits, probeRedisHops } from './cluster/commitProbe';
import { runFailover } from './cluster/failover';
import { seedUpdate } from './load/draftModel';
import type { FanoutShape } from './load/fanout';
import { runFanout } from './load/fanout';
import type { LatencySummary } from './load/stats';
import { attempt, type Outcome } from './outcome';
import type { BenchReport, FanoutOutcome } from './report/benchReport';
import type { FailoverOutcome } from './report/clusterSection';
import { describeEnvironment } from './report/environment';
import { writeReport } from './report/writeReport';
import { parseRunOptions } from './runOptions';
import { buildCommunique, type CommuniqueHistory } from './scale/buildCommunique';
import { runScale } from './scale/scaleRun';
import type { ScaleResults } from './scale/scaleTypes';
import { bundleServers } from './servers/bundleServers';
import { isClusterKind, type ServerKind } from './servers/childProtocol';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(benchDir, '..');
const BUDGET_MS = 300_000;
/** Whatever happens, the run ends: a hung part must not keep servers and a browser running. */
const WATCHDOG_MS = 12 * 60_000;

const parsed = parseRunOptions(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.error);
  process.exit(2);
}
const { settings, parts, profile } = parsed.value;
setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; giving up`);
  process.exit(3);
}, WATCHDOG_MS).unref();
// Exiting runs the 'exit' handler that kills the server children.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));
const started = Date.now();
const loadAtStart = loadavg()[0] ?? 0;
const startedAt = new Date(started).toISOString();
const log = (line: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);

const needed = new Set<ServerKind>(parts.includes('fanout') ? settings.servers : []);
if (parts.includes('failover') && settings.failover) needed.add('accord-cluster');
if (parts.includes('scale')) {
  needed.add('accord');
  needed.add('hocuspocus');
}
if (parts.includes('browser')) needed.add('accord');
log(
  `settings "${settings.name}", parts ${parts.join(', ')}; compiling servers ${[...needed].join(', ')}`,
);
const scripts = await bundleServers([...needed]);
const seed = seedUpdate();
const inShapes = (shape: FanoutShape, among: readonly FanoutShape[]) =>
  among.some(
    (other) => other.rooms === shape.rooms && other.clientsPerRoom === shape.clientsPerRoom,
  );

const fanout: FanoutOutcome[] = [];
if (parts.includes('fanout')) {
  // Rounds interleave the servers (A B C D, A B C D, …), so that a slow spell of the shared
  // machine spreads over all of them instead of landing on one server's runs.
  for (const shape of settings.shapes) {
    for (let repetition = 1; repetition <= settings.repetitions; repetition++) {
      for (const server of settings.servers) {
        const script = scripts[server];
        if (script === undefined) continue;
        if (isClusterKind(server) && !inShapes(shape, settings.clusterShapes)) continue;
        const result = await attempt(() =>
          runFanout({ kind: server, script, shape, timing: settings.timing, seed, profile, log }),
        );
        fanout.push({ server, shape, repetition, result });
        const label = `${server} ${shape.rooms}×${shape.clientsPerRoom} run ${repetition}/${settings.repetitions}`;
        log(
          result.ok
            ? `${label}: ${result.value.serverCpuPerDeliveryUs.toFixed(1)} µs server CPU per delivery, p50 ${result.value.latency.p50.toFixed(2)} ms, p99 ${result.value.latency.p99.toFixed(2)} ms, ${result.value.deliveredPerSecond.toFixed(0)} deliveries/s, generator ${result.value.loadgenCpuPercent.toFixed(0)}% CPU, ${result.value.errors} errors`
            : `${label} FAILED: ${result.error.split('\n')[0]}`,
        );
      }
    }
  }
}

let failover: FailoverOutcome[] | null = null;
const clusterScript = scripts['accord-cluster'];
if (parts.includes('failover') && settings.failover && clusterScript !== undefined) {
  failover = [];
  for (const leaseMs of settings.failover.leaseMs) {
    const failoverSettings = settings.failover;
    log(`fail-over: ACCORD_LEASE_MS=${leaseMs}, ${failoverSettings.kills} kills`);
    const result = await attempt(() =>
      runFailover({ script: clusterScript, leaseMs, settings: failoverSettings, seed, log }),
    );
    failover.push({ leaseMs, result });
    log(
      result.ok
        ? `fail-over lease ${leaseMs} ms: resumed p50 ${result.value.resumed.p50.toFixed(0)} ms, p99 ${result.value.resumed.p99.toFixed(0)} ms; every client p50 ${result.value.allResumed.p50.toFixed(0)} ms${result.value.stuck > 0 ? `; ${result.value.stuck} kills never resumed` : ''}`
        : `fail-over lease ${leaseMs} ms FAILED: ${result.error.split('\n')[0]}`,
    );
  }
}

// Why Accord on PostgreSQL differs: its commit time per update, next to SQLite's (seconds).
let commits: Outcome<CommitTimes[]> | null = null;
let redisHop: Outcome<LatencySummary> | null = null;
if (failover !== null || settings.servers.some(isClusterKind)) {
  commits = await attempt(() => probeCommits(settings.commitProbeAppends));
  log(
    commits.ok
      ? `commit probe: ${commits.value.map((entry) => `${entry.store} p50 ${entry.append.p50.toFixed(2)} ms (${entry.perSecond.toFixed(0)}/s)`).join(', ')}`
      : `commit probe FAILED: ${commits.error}`,
  );
  redisHop = await attempt(() => probeRedisHops(settings.commitProbeAppends));
  log(
    redisHop.ok
      ? `Redis hop probe: p50 ${redisHop.value.p50.toFixed(3)} ms, p99 ${redisHop.value.p99.toFixed(3)} ms`
      : `Redis hop probe FAILED: ${redisHop.error}`,
  );
}

let scale: Outcome<ScaleResults> | null = null;
let history: CommuniqueHistory | undefined;
if (parts.includes('scale') && settings.scale) {
  const scaleSettings = settings.scale;
  scale = await attempt(async () => {
    const ran = await runScale(scaleSettings, scripts, log);
    history = ran.history;
    return ran.results;
  });
  if (!scale.ok) log(`scale FAILED: ${scale.error}`);
}

let browser: Outcome<BrowserResults> | null = null;
if (parts.includes('browser') && settings.browser) {
  const browserSettings = settings.browser;
  const accordScript = scripts.accord;
  const clientDir = join(repoRoot, 'client', 'dist');
  browser = await attempt(async () => {
    if (accordScript === undefined) throw new Error('Accord was not compiled');
    if (!existsSync(join(clientDir, 'index.html'))) {
      throw new Error(
        'the client is not built (client/dist/index.html is missing): run `pnpm build` first',
      );
    }
    const large =
      history ?? buildCommunique(settings.scale ?? { clauses: 1_000, edits: 100_000, authors: 5 });
    log('browser: starting');
    return runBrowser(accordScript, clientDir, browserSettings, seed, large);
  });
  log(
    browser.ok
      ? `browser: keystroke → frame p95 ${browser.value.keyToFrame.p95.toFixed(1)} ms`
      : `browser FAILED: ${browser.error}`,
  );
}

const report: BenchReport = {
  startedAt,
  durationMs: Date.now() - started,
  command: `pnpm bench${
    process.argv.length > 2
      ? ` -- ${process.argv
          .slice(2)
          .filter((arg) => arg !== '--')
          .join(' ')}`
      : ''
  }`,
  environment: describeEnvironment(),
  loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
  settings,
  fanout,
  scale,
  browser,
  failover,
  commits,
  redisHop,
};
const full = !parsed.value.customised;
const outDir = parsed.value.outDir ?? join(benchDir, 'results', full ? '' : 'tmp');
const written = writeReport(report, outDir, full ? join(benchDir, 'results', 'latest.md') : null);
log(
  `report: ${relative(process.cwd(), written.report)} (chart ${relative(process.cwd(), written.chart)})`,
);
if (report.durationMs > BUDGET_MS) {
  log(
    `WARNING: the run took ${(report.durationMs / 1000).toFixed(0)} s, over the ${BUDGET_MS / 1000} s budget`,
  );
}
const failed =
  fanout.some((entry) => !entry.result.ok) ||
  scale?.ok === false ||
  browser?.ok === false ||
  failover?.some((entry) => !entry.result.ok || entry.result.value.stuck > 0) === true;
process.exit(failed ? 1 : 0);
