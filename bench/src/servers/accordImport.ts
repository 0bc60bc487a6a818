/**
 * Environment of the Accord child's import step (document scale): it appends a generated history
 * through Accord's storage before it says it is ready.
 */
export const ACCORD_IMPORT_ENV = {
  /** A file written by `writeHistoryFile`. */
  historyFile: 'BENCH_HISTORY_FILE',
  /** The document the history is appended to, update by update. */
  document: 'BENCH_HISTORY_DOCUMENT',
  /** Comma-separated ids of documents that get the history's final state as one update. */
  copies: 'BENCH_HISTORY_COPIES',
  /** Where the built client is (for the browser part); the bundle cannot find it itself. */
  clientDir: 'BENCH_CLIENT_DIR',
} as const;

/** The demo users the five authors of a generated history sign in as, one per delegation. */
export const AUTHOR_USERNAMES = [
  'us.delegate',
  'ca.delegate',
  'mx.delegate',
  'sv.delegate',
  'gt.delegate',
] as const;

/** What the Accord child reports about a document's log, under `extra.logs` of its memory report. */
export interface ReportedLogs {
  logs: Record<string, { updates: number; bytes: number }>;
  importMs?: number;
  /**
   * Per reported document in memory: whether it hibernates (quiet, SPEC S14) and how long its
   * last wake took; absent when it is not loaded.
   */
  hibernation?: Record<string, { hibernated: boolean; wakeMs: number | null }>;
}

/** Reads `extra` of an Accord memory report. */
export function reportedLogs(extra: Record<string, unknown>): ReportedLogs {
  const logs = (extra.logs ?? {}) as ReportedLogs['logs'];
  const importMs = typeof extra.importMs === 'number' ? extra.importMs : undefined;
  const hibernation = (extra.hibernation ?? {}) as NonNullable<ReportedLogs['hibernation']>;
  return importMs === undefined ? { logs, hibernation } : { logs, importMs, hibernation };
}
