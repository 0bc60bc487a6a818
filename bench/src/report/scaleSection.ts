import type { BrowserResults } from '../browser/browserRun';
import type { Outcome } from '../outcome';
import type { ScaleResults } from '../scale/scaleTypes';
import { formatBytes, formatMicros, formatMs, ratio, table } from './format';

/** The document-scale section: storage, cold load, memory, validation cost. */
export function scaleSection(outcome: Outcome<ScaleResults> | null): string {
  const lines = ['## Document scale', ''];
  if (outcome === null) return [...lines, 'Not run.', ''].join('\n');
  if (!outcome.ok) return [...lines, `Failed: ${outcome.error}`, ''].join('\n');
  const scale = outcome.value;
  lines.push(
    `A communiqué of ${scale.clauses} clauses built by ${scale.edits.toLocaleString('en')} edits from ${scale.authors} authors ` +
      `(generated in ${formatMs(scale.buildMs)}; ${formatBytes(scale.historyBytes)} of updates; final state ${formatBytes(scale.stateBytes)}). ` +
      "Accord stores it through its own storage, one `append` per edit; Hocuspocus gets the final state in its SQLite extension's table, which is what it stores.",
    '',
  );
  const accord = scale.accord.ok ? scale.accord.value : undefined;
  const hocuspocus = scale.hocuspocus.ok ? scale.hocuspocus.value : undefined;
  const quiet = accord?.quietDrafts;
  if (!scale.accord.ok) lines.push(`Accord failed: ${scale.accord.error}`, '');
  if (!scale.hocuspocus.ok) lines.push(`Hocuspocus failed: ${scale.hocuspocus.error}`, '');
  const pair = (
    a: number | undefined,
    h: number | undefined,
    format: (value: number) => string,
  ) => [
    a === undefined ? 'n/a' : format(a),
    h === undefined ? 'n/a' : format(h),
    a === undefined || h === undefined ? 'n/a' : ratio(h, a),
  ];
  lines.push(
    table(
      ['Measure', 'Accord', 'Hocuspocus', 'Hocuspocus ÷ Accord'],
      [
        [
          'Cold load → first complete sync, compacted log (what a restarted server finds)',
          ...pair(accord?.coldLoadCompactedMs, hocuspocus?.coldLoadMs, formatMs),
        ],
        [
          'Cold load → first complete sync, uncompacted log of every edit (worst case)',
          ...pair(accord?.coldLoadLogMs, hocuspocus?.coldLoadMs, formatMs),
        ],
        [
          'Server CPU of the cold load (connect → first complete sync), compacted log',
          ...pair(accord?.coldLoadCompactedCpuMs, hocuspocus?.coldLoadCpuMs, formatMs),
        ],
        [
          'Server CPU of the cold load (connect → first complete sync), uncompacted log',
          ...pair(accord?.coldLoadLogCpuMs, hocuspocus?.coldLoadCpuMs, formatMs),
        ],
        [
          'Stored bytes before compaction',
          ...pair(accord?.logBefore.bytes, hocuspocus?.storedBytes, formatBytes),
        ],
        [
          'Stored bytes after compaction',
          ...pair(accord?.logAfter.bytes, hocuspocus?.storedBytes, formatBytes),
        ],
        [
          'Server memory per open document (heap + external, after GC)',
          ...pair(
            accord?.memoryPerDocument.heapBytes,
            hocuspocus?.memoryPerDocument.heapBytes,
            formatBytes,
          ),
        ],
        [
          'Server memory per open document (RSS)',
          ...pair(
            accord?.memoryPerDocument.rssBytes,
            hocuspocus?.memoryPerDocument.rssBytes,
            formatBytes,
          ),
        ],
        ...(quiet === undefined
          ? []
          : [
              [
                'Server memory per open-but-quiet document (Accord hibernated; Hocuspocus keeps it open), heap + external after GC',
                ...pair(
                  quiet.memoryPerDocument.heapBytes,
                  hocuspocus?.memoryPerDocument.heapBytes,
                  formatBytes,
                ),
              ],
              [
                'Server memory per open-but-quiet document (RSS)',
                ...pair(
                  quiet.memoryPerDocument.rssBytes,
                  hocuspocus?.memoryPerDocument.rssBytes,
                  formatBytes,
                ),
              ],
            ]),
      ],
    ),
    '',
  );
  if (quiet !== undefined && accord !== undefined) {
    const median = (values: readonly number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    };
    lines.push(
      `Open but quiet: a server with \`ACCORD_QUIET_MS=${quiet.quietMs}\` and one connected client per copy (${quiet.wakeMs.length} copies) hibernates each copy (SPEC S14: only its encoded state stays, no Y.Doc, plugins or indexes). ` +
        `Waking a copy for a read (rebuilding its Y.Doc and plugins from the encoded state, inside the read's task) took ${quiet.wakeMs.map(formatMs).join(', ')} on the server (median ${formatMs(median(quiet.wakeMs))}); ` +
        `the whole first read (HTTP clause list) ${quiet.firstReadMs.map(formatMs).join(', ')}; ` +
        `against a cold load of the compacted draft to a client's first complete sync of ${formatMs(quiet.coldLoadMs)} on the same server right after (${formatMs(accord.coldLoadCompactedMs)} on the open-draft server above): median wake ÷ cold load = ${(median(quiet.wakeMs) / quiet.coldLoadMs).toFixed(2)}.`,
      '',
    );
  }
  if (accord) {
    lines.push(
      `Accord's log: ${accord.logBefore.updates.toLocaleString('en')} rows before compaction, ${accord.logAfter.updates.toLocaleString('en')} after ` +
        `(the server compacts in the background after loading). Appending the ${scale.edits.toLocaleString('en')} edits one by one through the storage took ${formatMs(accord.importMs)}.`,
      '',
    );
  }
  lines.push("### Cost of Accord's update validation", '');
  if (!scale.validation.ok) {
    lines.push(`Failed: ${scale.validation.error}`, '');
  } else {
    const costs = scale.validation.value;
    const first = costs[0];
    lines.push(
      '`validateUpdate` (server/src/sync/UpdateValidator.ts) on one-keystroke updates typed into random clauses, each applied after it is timed; GC pauses show in the max. In brackets: the ratio to the smallest document.',
      '',
      table(
        ['Clauses', 'updates', 'p50', 'p95', 'p99', 'mean', 'max'],
        costs.map((cost) => {
          const cell = (key: 'p50' | 'p95' | 'p99' | 'mean' | 'max') =>
            `${formatMicros(cost.micros[key])} (${first ? ratio(cost.micros[key], first.micros[key]) : 'n/a'})`;
          return [
            String(cost.clauses),
            String(cost.micros.count),
            cell('p50'),
            cell('p95'),
            cell('p99'),
            cell('mean'),
            cell('max'),
          ];
        }),
      ),
      '',
    );
  }
  const locked = scale.lockedValidation;
  if (locked !== undefined) {
    lines.push('### Update validation with locked clauses', '');
    if (!locked.ok) {
      lines.push(`Failed: ${locked.error}`, '');
    } else {
      const first = locked.value[0];
      lines.push(
        'The same keystrokes timed twice: with no clause locked, then with every other clause locked (the locked-clause index is consulted for every origin and delete range). In brackets: locked ÷ unlocked, then the ratio to the smallest document.',
        '',
        table(
          ['Clauses', 'p50 unlocked', 'p50 locked', 'p95 unlocked', 'p95 locked'],
          locked.value.map((cost) => [
            String(cost.clauses),
            formatMicros(cost.unlocked.p50),
            `${formatMicros(cost.locked.p50)} (${ratio(cost.locked.p50, cost.unlocked.p50)}, ${first ? ratio(cost.locked.p50, first.locked.p50) : 'n/a'})`,
            formatMicros(cost.unlocked.p95),
            `${formatMicros(cost.locked.p95)} (${ratio(cost.locked.p95, cost.unlocked.p95)})`,
          ]),
        ),
        '',
      );
    }
  }
  return lines.join('\n');
}

/** The browser section. */
export function browserSection(outcome: Outcome<BrowserResults> | null): string {
  const lines = ['## In the browser', ''];
  if (outcome === null) return [...lines, 'Not run.', ''].join('\n');
  if (!outcome.ok) return [...lines, `Failed: ${outcome.error}`, ''].join('\n');
  const browser = outcome.value;
  lines.push(
    `Accord's built client, served by the real server, in Chromium (headless), signed in as a delegate, with ${browser.remoteTypists} remote Node clients typing into the same draft at 5 characters a second. ` +
      `${browser.keystrokes} keystrokes at the end of a clause (after 5 unmeasured ones), measured in the page: a capturing keydown listener notes performance.now(), then the next requestAnimationFrame callback (the frame that paints the change), then a task posted from it (after the frame).`,
    '',
    table(
      ['Measure', 'p50', 'p95', 'p99', 'max'],
      [
        [
          'Keystroke → next frame',
          formatMs(browser.keyToFrame.p50),
          formatMs(browser.keyToFrame.p95),
          formatMs(browser.keyToFrame.p99),
          formatMs(browser.keyToFrame.max),
        ],
        [
          'Keystroke → after that frame',
          formatMs(browser.keyAfterFrame.p50),
          formatMs(browser.keyAfterFrame.p95),
          formatMs(browser.keyAfterFrame.p99),
          formatMs(browser.keyAfterFrame.max),
        ],
      ],
    ),
    '',
    `Opening the ${browser.largeDraftClauses}-clause draft (stored compacted) until the editor is editable and shows every clause: **${formatMs(browser.openLargeDraftMs)}** from navigation start.`,
    '',
  );
  return lines.join('\n');
}
