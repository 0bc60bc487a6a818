import { join } from 'node:path';
import { accordSignIn } from '../load/accordSignIn';
import { ACCORD_IMPORT_ENV, AUTHOR_USERNAMES, reportedLogs } from '../servers/accordImport';
import { type ChildServer, startChildServer } from '../servers/childServer';
import { makeTempDir, removeTempDir } from '../servers/tempDirs';
import type { CommuniqueHistory } from './buildCommunique';
import { measuredColdLoad } from './coldLoadProfile';
import { timeFirstSync } from './firstSync';
import { writeHistoryFile } from './historyFile';
import { memoryPerDocument } from './memoryProbe';
import type { AccordScale, LogStats, QuietDrafts } from './scaleTypes';

const COMPACTION_WAIT_MS = 30_000;

/**
 * The quiet period of the server that measures open-but-quiet drafts: short, so the run does
 * not wait a minute, long enough that no copy hibernates before its first sync is complete.
 */
const QUIET_PROBE_MS = 2_000;

/** How long the copies may take to hibernate after they synced. */
const HIBERNATION_WAIT_MS = 60_000;

/**
 * Accord at document scale, in four server processes over one data folder: (1) the history is
 * appended through Accord's storage, update by update; (2) a cold server loads the uncompacted
 * log for one client, then compacts it in the background; (3) a restarted server loads the
 * compacted log for one client, then memory per open document is measured; (4) a server with
 * a short `ACCORD_QUIET_MS` measures memory per open-but-quiet (hibernated) copy, then how long
 * each copy takes to wake for a read, then the cold load of the compacted large draft as shipped
 * (drafts may hibernate, so it loads straight into hibernation: SPEC S14). Servers (2) and (3)
 * never hibernate (`ACCORD_QUIET_MS=0`): their drafts load awake.
 */
export async function accordScale(
  script: string,
  history: CommuniqueHistory,
  documentId: string,
  copies: readonly string[],
): Promise<AccordScale> {
  const dataDir = makeTempDir('accord-bench-scale-accord-');
  const historyFile = join(dataDir, 'history.bin');
  writeHistoryFile(historyFile, history);
  const launch = { dataDir, rooms: [], users: 0, seedFile: null };
  const importEnv = {
    [ACCORD_IMPORT_ENV.historyFile]: historyFile,
    [ACCORD_IMPORT_ENV.document]: documentId,
    [ACCORD_IMPORT_ENV.copies]: copies.join(','),
    // Open drafts stay awake, as they were measured before hibernation (SPEC S14).
    ACCORD_QUIET_MS: '0',
  };
  const start = (env: Record<string, string>) =>
    startChildServer('accord', script, launch, {
      env,
      nodeArgs: ['--expose-gc'],
      startTimeoutMs: 300_000,
    });
  try {
    const importer = await start(importEnv);
    const imported = await stopAfter(importer, async () =>
      reportedLogs((await importer.memory()).extra),
    );
    const logBefore = imported.logs[documentId];
    if (logBefore === undefined) throw new Error('the import reported no log');

    // Same variables, so that the child reports the same documents; it imports nothing twice.
    const first = await start(importEnv);
    const { coldLoadLogMs, coldLoadLogCpuMs, logAfter } = await stopAfter(first, async () => {
      const firstHeaders = await headersFor(first);
      const measured = await measuredColdLoad(first, 'accord-coldload-log', () =>
        timeFirstSync('accord', first.ready.url, documentId, firstHeaders, history.clauses),
      );
      const cold = measured.result;
      cold.close();
      return {
        coldLoadLogMs: cold.ms,
        coldLoadLogCpuMs: measured.serverCpuMs,
        logAfter: await waitForCompaction(first, documentId, logBefore),
      };
    });

    const second = await start(importEnv);
    const measured = await stopAfter(second, async () => {
      const headers = await headersFor(second);
      const measured = await measuredColdLoad(second, 'accord-coldload-compacted', () =>
        timeFirstSync('accord', second.ready.url, documentId, headers, history.clauses),
      );
      const cold = measured.result;
      try {
        const memory = await memoryPerDocument(second, 'accord', copies, headers);
        return {
          importMs: imported.importMs ?? Number.NaN,
          logBefore,
          logAfter,
          coldLoadLogMs,
          coldLoadLogCpuMs,
          coldLoadCompactedMs: cold.ms,
          coldLoadCompactedCpuMs: measured.serverCpuMs,
          memoryPerDocument: memory,
        };
      } finally {
        cold.close();
      }
    });

    const quiet = await start({ ...importEnv, ACCORD_QUIET_MS: String(QUIET_PROBE_MS) });
    const quietDrafts = await stopAfter(quiet, () =>
      measureQuietDrafts(quiet, copies, documentId, history.clauses),
    );
    return { ...measured, quietDrafts };
  } finally {
    removeTempDir(dataDir);
  }
}

/**
 * Memory per open-but-quiet copy (each connected, then hibernated; `memoryPerDocument` with a
 * wait), then one read per copy through the HTTP API (the clause list, which needs the
 * plugins): the server's wake time of each, and the read as the client saw it; then, as the
 * budget to compare with, a cold load of the large draft on the same server.
 */
async function measureQuietDrafts(
  server: ChildServer,
  copies: readonly string[],
  documentId: string,
  clauses: number,
): Promise<QuietDrafts> {
  const headers = await headersFor(server);
  const wakeMs: number[] = [];
  const firstReadMs: number[] = [];
  let coldLoadMs = Number.NaN;
  const memory = await memoryPerDocument(server, 'accord', copies, headers, {
    settle: () => waitForHibernation(server, copies),
    whileOpen: async () => {
      for (const copy of copies) {
        const start = performance.now();
        const response = await fetch(`${server.ready.url}/api/documents/${copy}/clauses`, {
          headers,
        });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`reading the clauses of ${copy}: ${response.status}`);
        firstReadMs.push(performance.now() - start);
        const state = reportedLogs((await server.memory()).extra).hibernation?.[copy];
        if (state?.wakeMs === null || state?.wakeMs === undefined) {
          throw new Error(`${copy} did not wake for the read`);
        }
        wakeMs.push(state.wakeMs);
      }
      const cold = await timeFirstSync('accord', server.ready.url, documentId, headers, clauses);
      cold.close();
      coldLoadMs = cold.ms;
    },
  });
  return { quietMs: QUIET_PROBE_MS, memoryPerDocument: memory, wakeMs, firstReadMs, coldLoadMs };
}

/** Polls the server until every copy is loaded and hibernated. */
async function waitForHibernation(server: ChildServer, copies: readonly string[]): Promise<void> {
  const deadline = performance.now() + HIBERNATION_WAIT_MS;
  for (;;) {
    const states = reportedLogs((await server.memory()).extra).hibernation ?? {};
    if (copies.every((copy) => states[copy]?.hibernated === true)) return;
    if (performance.now() > deadline) {
      throw new Error(`the copies did not hibernate within ${HIBERNATION_WAIT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopAfter<T>(server: ChildServer, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } finally {
    await server.stop();
  }
}

async function headersFor(server: ChildServer): Promise<Record<string, string>> {
  const url = server.ready.url;
  return { cookie: await accordSignIn(url, AUTHOR_USERNAMES[0]), origin: url };
}

/** Polls the server's log stats until its background compaction has shrunk the log. */
async function waitForCompaction(
  server: ChildServer,
  documentId: string,
  before: LogStats,
): Promise<LogStats> {
  const deadline = performance.now() + COMPACTION_WAIT_MS;
  for (;;) {
    const stats = reportedLogs((await server.memory()).extra).logs[documentId];
    if (stats !== undefined && stats.updates < before.updates) return stats;
    if (performance.now() > deadline) {
      throw new Error(`the log of ${documentId} was not compacted within ${COMPACTION_WAIT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
