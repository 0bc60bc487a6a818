import { join } from 'node:path';
import { accordSignIn } from '../load/accordSignIn';
import { ACCORD_IMPORT_ENV, AUTHOR_USERNAMES, reportedLogs } from '../servers/accordImport';
import { type ChildServer, startChildServer } from '../servers/childServer';
import { makeTempDir, removeTempDir } from '../servers/tempDirs';
import type { CommuniqueHistory } from './buildCommunique';
import { timeFirstSync } from './firstSync';
import { writeHistoryFile } from './historyFile';
import { memoryPerDocument } from './memoryProbe';
import type { AccordScale, LogStats } from './scaleTypes';

const COMPACTION_WAIT_MS = 30_000;

/**
 * Accord at document scale, in three server processes over one data folder: (1) the history is
 * appended through Accord's storage, update by update; (2) a cold server loads the uncompacted
 * log for one client, then compacts it in the background; (3) a restarted server loads the
 * compacted log for one client, then memory per open document is measured.
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
    const { coldLoadLogMs, logAfter } = await stopAfter(first, async () => {
      const cold = await timeFirstSync(
        'accord',
        first.ready.url,
        documentId,
        await headersFor(first),
        history.clauses,
      );
      cold.close();
      return {
        coldLoadLogMs: cold.ms,
        logAfter: await waitForCompaction(first, documentId, logBefore),
      };
    });

    const second = await start(importEnv);
    return await stopAfter(second, async () => {
      const headers = await headersFor(second);
      const cold = await timeFirstSync(
        'accord',
        second.ready.url,
        documentId,
        headers,
        history.clauses,
      );
      try {
        const memory = await memoryPerDocument(second, 'accord', copies, headers);
        return {
          importMs: imported.importMs ?? Number.NaN,
          logBefore,
          logAfter,
          coldLoadLogMs,
          coldLoadCompactedMs: cold.ms,
          memoryPerDocument: memory,
        };
      } finally {
        cold.close();
      }
    });
  } finally {
    removeTempDir(dataDir);
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
