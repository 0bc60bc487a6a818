import type * as Y from 'yjs';
import type { SyncLog, SyncPrincipal, SyncRejection, SyncResult } from './syncTypes';

/** A Yjs update (v1) as `Y.decodeUpdate` reads it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Who sent an update: a connection's principal, or the person the server writes for. */
export type UpdateSender = Pick<SyncPrincipal, 'userId' | 'delegation' | 'role'>;

/** What a plugin's `check` sees besides the update: the document before it, and its sender. */
export interface UpdateCheckContext {
  /** The server's document, not yet changed by the update; read only. */
  doc: Y.Doc;
  sender: UpdateSender;
}

/** A client update that was committed to the log, applied and broadcast. */
export interface CommittedUpdate {
  /** Its sequence number in the document's update log. */
  seq: number;
  sender: UpdateSender;
  /**
   * In a group commit, what this plugin's `staged` took of this very update when it was applied
   * (before the later updates of its group); undefined when the update was committed alone.
   */
  staged?: unknown;
}

/** What a plugin's `staged` took of an update, and whether the group must be committed there. */
export interface StagedWork {
  /** Handed back to `afterCommit` of the same update as `commit.staged`. */
  work: unknown;
  /**
   * True when this update's `afterCommit` will change what later checks read (it writes server
   * state the checks depend on): the group is committed up to this update and its `afterCommit`
   * runs before the next update is checked, exactly as without group commit.
   */
  barrier: boolean;
}

/**
 * A rule or tracker of one loaded document that is not about Yjs itself (clause locks,
 * brackets, clause history). The sync core does what every update needs (S1–S8 of SPEC.md:
 * size, decoding, nothing pending, authorship, server-owned state, observers read-only, commit,
 * broadcast) and calls the plugins at two points, in the order they were given, inside the
 * task of the document's queue that handles the update (SPEC S5):
 * - `check` before the update is committed, synchronously, on the document as it is now: the
 *   first plugin that returns a refusal wins, and the sender's socket is closed with its reason
 *   and message; nothing is stored or applied.
 * - `afterCommit` once the update is committed, applied and broadcast (S5); it may be async
 *   (history is written to storage) and is awaited before the next task starts. A plugin may
 *   write server state then (`DocumentPluginHost.write`), which is committed and broadcast in
 *   turn. A plugin that throws or rejects is logged; the committed update stands.
 * The queue, not synchrony, keeps any other update from slipping in between check, commit,
 * broadcast and `afterCommit`.
 *
 * Group commit (several client updates queued at once): each update is checked, then applied to
 * the document (not broadcast) and `staged` is called at once, before the next update of the
 * group is checked against the document it left; then the group is committed, broadcast, and
 * each update's `afterCommit` runs, in order, with what `staged` took of it. A plugin whose
 * `afterCommit` reads the document or derived state as the update left it must take that in
 * `staged`; one whose `afterCommit` writes what later checks read must say `barrier`. A plugin
 * with `afterCommit` and no `staged` is a barrier after every update (no grouping past it).
 */
export interface DocumentPlugin {
  /** For log lines: which plugin failed. */
  readonly name: string;
  check?(update: DecodedUpdate, context: UpdateCheckContext): SyncRejection | undefined;
  afterCommit?(commit: CommittedUpdate): void | Promise<void>;
  /**
   * Group commit: the update was just applied to the document, ahead of its commit (see above);
   * synchronous. Not called for an update committed alone.
   */
  staged?(sender: UpdateSender): StagedWork;
  /** The document is unloaded or hibernates (S14): stop listening to it. */
  destroy?(): void;
}

/** What a document offers its plugins. */
export interface DocumentPluginHost {
  documentId: string;
  doc: Y.Doc;
  /**
   * Runs `change` as one server transaction (server-owned state, S3), as a task of the
   * document's queue (at once when called from inside one), and resolves once it is committed
   * and broadcast (`ServerWriter.write`).
   */
  write(change: (doc: Y.Doc) => void): Promise<SyncResult<boolean>>;
  /**
   * Queues `task` as a task of the document's queue once the document has answered its first
   * sync step 1 (at once if it has): a cold load answers its first client before this. For work
   * that may wait, such as building an index that its readers build on demand, synchronously,
   * when they come first (an update checked before the task runs).
   */
  background(task: () => void): void;
  log: SyncLog;
}

/**
 * A document's plugins and what they offer the rest of the server (`Api`: the clause commands
 * and reads, reached through `SyncServer.withClauses`).
 */
export interface DocumentPlugins<Api> {
  plugins: readonly DocumentPlugin[];
  api: Api;
}

/**
 * Builds the plugins of one document when it is loaded, and again each time it wakes from
 * hibernation (S14; wired once, in `server.ts`). A plugin derives what it keeps from the Y.Doc
 * and storage, never from its own past: a hibernating draft destroys its plugins between two
 * tasks, and the ones built on waking must decide exactly as they would have.
 */
export type DocumentPluginFactory<Api> = (host: DocumentPluginHost) => DocumentPlugins<Api>;

/** Runs the plugins' checks in order; the first refusal wins. */
export function firstRefusal(
  plugins: readonly DocumentPlugin[],
  update: DecodedUpdate,
  context: UpdateCheckContext,
): SyncRejection | undefined {
  for (const plugin of plugins) {
    const refusal = plugin.check?.(update, context);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}
