import type { Outcome } from '../outcome';
import type { LockedValidationCost, ValidationCost } from './validationCost';

/** Rows and bytes of one document's stored update log. */
export interface LogStats {
  updates: number;
  bytes: number;
}

/** Memory one more open document costs a server, measured after a full GC. */
export interface MemoryPerDocument {
  heapBytes: number;
  rssBytes: number;
}

/** Accord's figures at document scale. */
export interface AccordScale {
  /** Time to append the whole history through Accord's storage, one update at a time. */
  importMs: number;
  logBefore: LogStats;
  logAfter: LogStats;
  /** Cold load from the uncompacted log of every edit, to a client's first complete sync. */
  coldLoadLogMs: number;
  /** Cold load after compaction (what a restarted server normally finds). */
  coldLoadCompactedMs: number;
  /** Server CPU time of each cold load (all threads); absent in reports made before. */
  coldLoadLogCpuMs?: number;
  coldLoadCompactedCpuMs?: number;
  memoryPerDocument: MemoryPerDocument;
  /** Open but quiet drafts (hibernated, SPEC S14); absent in reports made before hibernation. */
  quietDrafts?: QuietDrafts;
}

/** Accord's open-but-quiet drafts: connected, hibernated after `ACCORD_QUIET_MS`. */
export interface QuietDrafts {
  /** The quiet period the server ran with. */
  quietMs: number;
  /** Memory one more connected, hibernated copy costs, after GC. */
  memoryPerDocument: MemoryPerDocument;
  /** Server-side time to rebuild each copy's Y.Doc and plugins on its first read after the quiet. */
  wakeMs: number[];
  /** The same first reads (HTTP clause list) as the client saw them: wake + read + reply. */
  firstReadMs: number[];
  /**
   * Cold load of the (compacted) large draft to a client's first complete sync, on the same
   * server right after the wakes: the budget a wake is compared with, measured alike.
   */
  coldLoadMs: number;
}

/** Hocuspocus' figures at document scale. */
export interface HocuspocusScale {
  /** Bytes of the stored document state (Hocuspocus stores one merged state per document). */
  storedBytes: number;
  coldLoadMs: number;
  /** Server CPU time of the cold load (all threads); absent in reports made before. */
  coldLoadCpuMs?: number;
  memoryPerDocument: MemoryPerDocument;
}

/** The document-scale part's results. */
export interface ScaleResults {
  clauses: number;
  edits: number;
  authors: number;
  buildMs: number;
  /** Bytes of every update of the history, and of its final state as one update. */
  historyBytes: number;
  stateBytes: number;
  accord: Outcome<AccordScale>;
  hocuspocus: Outcome<HocuspocusScale>;
  validation: Outcome<ValidationCost[]>;
  /** The same with every other clause locked (issue 4); absent in reports made before locks. */
  lockedValidation?: Outcome<LockedValidationCost[]>;
}
