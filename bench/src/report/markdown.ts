import { type BenchReport, shapeLabel } from './benchReport';
import { clusterSection } from './clusterSection';
import { fanoutSection } from './fanoutSection';
import { table } from './format';
import { gapNotes } from './gapNotes';
import { profileSection } from './profileSection';
import { browserSection, scaleSection } from './scaleSection';
import { checkTargets } from './targets';

/** The whole Markdown report of a run. */
export function renderReport(report: BenchReport, chartFile: string | null): string {
  const checks = checkTargets(report);
  const missed = checks.filter((check) => check.met === false);
  const unmeasured = checks.filter((check) => check.met === null);
  const { environment: env, settings } = report;
  const lines: string[] = [
    `# Accord benchmark — ${report.startedAt.slice(0, 10)}`,
    '',
    `Command: \`${report.command}\` · started ${report.startedAt} · took ${(report.durationMs / 1000).toFixed(0)} s · commit ${env.commit} · settings "${settings.name}"`,
    '',
    '## Targets (issues 7 and 17)',
    '',
    'Fan-out targets are checked on the median of the repeated runs: a target is met only if it holds in the median.',
    '',
    table(
      ['Target', 'Measured', 'Met'],
      checks.map((check) => [
        check.target,
        check.measured,
        check.met === null ? 'not measured' : check.met ? 'yes' : '**NO**',
      ]),
    ),
    '',
  ];
  if (missed.length === 0 && unmeasured.length === 0) {
    lines.push('Accord met every target in this run.', '');
  } else {
    if (missed.length > 0) {
      lines.push(
        `**Accord fell short of ${missed.length} of ${checks.length} targets in this run:**`,
        '',
      );
      for (const check of missed) lines.push(`- ${check.target}: measured ${check.measured}.`);
      lines.push('');
    }
    if (unmeasured.length > 0) {
      lines.push(
        `${unmeasured.length} targets were not measured in this run (not part of it, or their part failed: see below).`,
        '',
      );
    }
    const notes = gapNotes(report, checks);
    if (notes.length > 0) {
      lines.push('What the figures say about the gaps, and what would close them:', '');
      for (const note of notes) lines.push(`- ${note}`);
      lines.push('');
    }
  }
  lines.push(
    '## Environment',
    '',
    table(
      ['', ''],
      [
        ['CPU', `${env.cpuModel} × ${env.cores} cores`],
        ['Memory', `${env.memoryGiB} GiB`],
        ['Node', env.node],
        ['Kernel', env.kernel],
        ...(report.loadAverage
          ? [
              [
                'Load average (1 min) at start / end',
                `${report.loadAverage.start.toFixed(1)} / ${report.loadAverage.end.toFixed(1)} on ${env.cores} cores${
                  Math.max(report.loadAverage.start, report.loadAverage.end) > env.cores
                    ? ': other work was running on the machine during this run, so absolute figures are slower than on an idle one; ratios between servers of the same round are what to compare'
                    : ''
                }`,
              ],
            ]
          : []),
        ...Object.entries(env.versions).map(([name, version]) => [name, version]),
      ],
    ),
    '',
    'Every server under test runs as its own Node process (compiled to plain JavaScript first, no TypeScript loader in the measured process); the load generator, the browser and the servers share the machine, on loopback only.',
    '',
    '## Settings',
    '',
    table(
      ['Setting', 'Value'],
      [
        ['Servers', settings.servers.join(', ')],
        ['Fan-out shapes (rooms × clients)', settings.shapes.map(shapeLabel).join(', ')],
        [
          'Runs per shape',
          `${settings.repetitions}, servers interleaved (${settings.servers.join(' ')}, ${settings.servers.join(' ')}, …); medians reported`,
        ],
        [
          'Clients',
          "per room, 2 full Y.Doc clients on the server's provider (convergence check) and the rest light receivers that decode only struct ids; all type; spread over the load generator's worker threads",
        ],
        [
          'Typing rate',
          `${settings.timing.charsPerSecond} characters/s per client, one character per transaction, bursts of 5–30 characters per clause`,
        ],
        [
          'Warm-up / measured / drain',
          `${settings.timing.warmupMs / 1000} s / ${settings.timing.measureMs / 1000} s / ≤ ${settings.timing.drainMs / 1000} s`,
        ],
        [
          'Accord',
          'real `startServer`, temporary data folder, demo seeded; client k of a room is delegate user k mod 20 (bench.delegate.NNN, sharing the demo password; beyond 20 clients a delegate has several connections, as with several tabs), each signs in once through `POST /api/login`; validation and commit-before-broadcast on, as in production',
        ],
        [
          'Hocuspocus',
          "`@hocuspocus/server` storing through its Database extension over better-sqlite3 (the table and upsert of `@hocuspocus/extension-sqlite`; WAL, synchronous NORMAL, as Accord) on a temporary file, default settings (store debounce 2 s, max 10 s); full clients on `@hocuspocus/provider`, light ones speaking its framing (document name, message type) with `@hocuspocus/common`'s auth encoder; one socket each",
        ],
        [
          'y-websocket server',
          '`@y/websocket-server` `setupWSConnection`, in memory (its default: no persistence), rooms seeded on creation',
        ],
        [
          'raw relay',
          '`ws` server relaying each frame to the other sockets of its room; clients start from the seed (full ones apply what they receive)',
        ],
        [
          'Accord on PostgreSQL / 2 servers',
          `at ${(settings.clusterShapes ?? []).map(shapeLabel).join(', ') || 'no shape'}: one Accord server on PostgreSQL (fresh schema per run, dropped after); two Accord servers over PostgreSQL + Redis (lease 5000 ms), client k on server k mod 2; CPU and memory summed over both processes`,
        ],
        [
          'Fail-over',
          settings.failover
            ? `2 servers, ${settings.failover.clients} clients typing ${settings.failover.charsPerSecond} characters/s each, ${settings.failover.kills} kills of the draft's owner at each ACCORD_LEASE_MS of ${settings.failover.leaseMs.join(', ')}`
            : 'not run',
        ],
        [
          'Document scale',
          settings.scale
            ? `${settings.scale.clauses} clauses, ${settings.scale.edits} edits, ${settings.scale.authors} authors; memory over ${settings.scale.copies} open copies; validation at ${settings.scale.validationSizes.join(', ')} clauses × ${settings.scale.validationUpdates} updates`
            : 'not run',
        ],
        [
          'Browser',
          settings.browser
            ? `${settings.browser.keystrokes} keystrokes, ${settings.browser.remoteTypists} remote typists, Chromium ${process.env.ACCORD_CHROMIUM ?? '/usr/bin/chromium'}`
            : 'not run',
        ],
      ],
    ),
    '',
    fanoutSection(report, chartFile),
    clusterSection(report),
    profileSection(report),
    scaleSection(report.scale),
    browserSection(report.browser),
  );
  const failures = report.fanout.filter((entry) => !entry.result.ok);
  if (failures.length > 0) {
    lines.push('## Failed runs', '');
    for (const failure of failures) {
      if (!failure.result.ok) {
        lines.push(
          `- ${failure.server} at ${shapeLabel(failure.shape)}:`,
          '',
          '```',
          failure.result.error.slice(0, 2000),
          '```',
          '',
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
