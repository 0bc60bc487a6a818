import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import type * as Y from 'yjs';
import type { DocumentClauses } from '../clauses/DocumentClauses';
import type { DocumentStore, UpdateLogStore } from '../storage/storage';
import type { Closable } from './AccessGate';
import { AccessGate, recheckAll } from './AccessGate';
import type { DocumentPluginFactory } from './DocumentPlugin';
import { DocumentRegistry } from './DocumentRegistry';
import { LIVENESS_DEFAULTS, Liveness } from './Liveness';
import { PendingConnection } from './PendingConnection';
import { SyncConnection } from './SyncConnection';
import type { SyncDocument } from './SyncDocument';
import type {
  LivenessOptions,
  SyncAccess,
  SyncConnectionHandle,
  SyncLog,
  SyncPrincipal,
  SyncRejection,
  SyncResult,
  SyncSocket,
} from './syncTypes';

export type {
  SyncAccess,
  SyncConnectionHandle,
  SyncLog,
  SyncLogLevel,
  SyncPrincipal,
  SyncSocket,
} from './syncTypes';

/** Options of `SyncServer`. */
export interface SyncServerOptions {
  updates: UpdateLogStore;
  documents: DocumentStore;
  /**
   * Builds each loaded document's plugins and their API (`clausePlugins`): the one place
   * clause rules meet the sync core.
   */
  plugins: DocumentPluginFactory<DocumentClauses>;
  /** How long a document with no connections stays in memory, in milliseconds. */
  idleUnloadMs?: number;
  /**
   * How long a loaded draft stays quiet (no update, no command) before it hibernates: it keeps
   * its encoded state and drops its Y.Doc and plugins until a task needs them (SPEC S14).
   * 0: never. `DEFAULT_QUIET_MS` by default.
   */
  quietMs?: number;
  /** Compact a document's update log after this many stored updates. */
  compactEvery?: number;
  log?: SyncLog;
  /** The clock of the update log (tests); `Date.now` by default. */
  now?: () => number;
  /** Ping rhythm and silence limit (tests shorten them); `LIVENESS_DEFAULTS` otherwise. */
  liveness?: LivenessOptions;
  /** Live rights; without it a connection keeps the rights it was opened with (unit tests). */
  access?: SyncAccess;
  /**
   * Group commit (issue 17; default on): the client updates of a draft queued at once (the
   * frames of one event-loop turn, or those that arrived during a commit) are checked one by
   * one, committed in one storage transaction, then broadcast (`SyncDocument.enqueueUpdate`).
   */
  groupCommit?: boolean;
  /**
   * One frame per peer per turn (issue 17; default on): the updates sent to one socket in one
   * event-loop turn go out as one y-websocket update frame (`SyncConnection.send`).
   */
  coalesceFrames?: boolean;
}

/** A loaded document stays in memory this long after its last connection left, by default. */
const DEFAULT_IDLE_UNLOAD_MS = 30_000;

/**
 * A loaded draft hibernates after this long without an update or command, by default. A minute
 * is the history's coalescing window (C3), so a draft that quiet has no typing run going; an
 * editing session pauses far less than that between keystrokes, so it never pays a wake, and a
 * quiet draft pays one wake (the 1000-clause draft rebuilds in well under a second) per minute
 * of silence at most.
 */
export const DEFAULT_QUIET_MS = 60_000;

/** The update log is compacted after this many stored updates, by default. */
const DEFAULT_COMPACT_EVERY = 500;

const INERT_HANDLE: SyncConnectionHandle = { receive: () => {}, heard: () => {}, closed: () => {} };

function consoleLog(level: 'info' | 'warn' | 'error', message: string): void {
  console[level](`[sync] ${message}`);
}

/**
 * The WebSocket sync core (y-websocket protocol), independent of any transport: the HTTP layer
 * authenticates and authorizes a socket, then hands it over with `connect`. Each loaded draft
 * has one queue in which every read-decide-write runs alone (SPEC S5, `DocumentQueue`).
 */
export class SyncServer {
  private readonly registry: DocumentRegistry<DocumentClauses>;
  private readonly connections = new Set<SyncConnection>();
  /** Sockets handed over whose draft is still loading. */
  private readonly opening = new Set<PendingConnection>();
  private readonly log: SyncLog;
  private readonly liveness: Liveness;
  private readonly clock = () => performance.now();
  private readonly access: SyncAccess | undefined;
  private readonly gate: AccessGate;
  private shuttingDown = false;
  private readonly coalesceFrames: boolean;

  constructor(options: SyncServerOptions) {
    this.log = options.log ?? consoleLog;
    this.access = options.access;
    this.gate = new AccessGate(options.access);
    this.coalesceFrames = options.coalesceFrames ?? true;
    this.registry = new DocumentRegistry({
      updates: options.updates,
      documents: options.documents,
      plugins: options.plugins,
      idleUnloadMs: options.idleUnloadMs ?? DEFAULT_IDLE_UNLOAD_MS,
      compactEvery: options.compactEvery ?? DEFAULT_COMPACT_EVERY,
      groupCommit: options.groupCommit ?? true,
      quietMs: options.quietMs ?? DEFAULT_QUIET_MS,
      log: this.log,
      now: options.now ?? Date.now,
    });
    this.liveness = new Liveness(
      options.liveness ?? LIVENESS_DEFAULTS,
      () => this.connections,
      this.clock,
    );
    this.liveness.start();
  }

  /**
   * Attaches an authenticated, authorized socket to its document and starts the handshake.
   * Returns at once: frames the socket receives while the draft loads are kept and handled in
   * order once it is loaded; a draft that cannot be loaded closes the socket.
   */
  connect(socket: SyncSocket, principal: SyncPrincipal): SyncConnectionHandle {
    if (this.shuttingDown) {
      socket.close(CLOSE_CODES.serverShutdown, 'The server is shutting down.');
      return INERT_HANDLE;
    }
    const pending = new PendingConnection(socket, principal);
    this.opening.add(pending);
    this.open(pending).catch((error: unknown) => {
      this.log('error', `${pending.describe()}: opening failed (${String(error)}).`);
      pending.close(CLOSE_CODES.internalError, 'The server failed to open the draft.');
    });
    return pending;
  }

  private async open(pending: PendingConnection): Promise<void> {
    const document = await this.registry.acquire(pending.principal.documentId);
    this.opening.delete(pending);
    if (!document.ok) {
      pending.close(CLOSE_CODES[document.error.reason], document.error.message);
      return;
    }
    try {
      if (pending.isEnded) return;
      const connection = new SyncConnection({
        socket: pending.socket,
        principal: pending.principal,
        document: document.value,
        log: this.log,
        onClosed: (closed) => this.connections.delete(closed),
        clock: this.clock,
        gate: this.gate,
        coalesceFrames: this.coalesceFrames,
      });
      this.connections.add(connection);
      pending.attach(connection);
    } finally {
      this.registry.release(document.value);
    }
  }

  /**
   * Runs `use` on a draft's clauses (positions, locks, alternatives, history, consensus: the
   * API of its plugins, `DocumentClauses`), loading the draft if it is not in memory, as one
   * task of the draft's queue (S5). Whatever `use` writes into the document is committed and
   * broadcast to every connection before it resolves. The entry point of server-side writes to
   * clause meta (`ClauseMetaStore`).
   */
  withClauses<T>(
    documentId: string,
    use: (clauses: DocumentClauses) => T | Promise<T>,
  ): Promise<SyncResult<T>> {
    return this.withDocument(documentId, (document) => use(document.api));
  }

  /**
   * Runs `use` with a draft's document loaded (from the log if need be), as one task of its
   * queue, for commands that write text on someone's behalf (`SyncDocument.writeTextAs`).
   */
  async withDocument<T>(
    documentId: string,
    use: (document: SyncDocument<DocumentClauses>) => T | Promise<T>,
  ): Promise<SyncResult<T>> {
    if (this.shuttingDown) return { ok: false, error: SHUTTING_DOWN };
    return await this.registry.withDocument(documentId, use);
  }

  /**
   * Runs `read` on a draft's current state (exports), loading the draft if it is not in memory.
   * `read` must only read: every change to a draft goes through its connections or `withClauses`.
   */
  readDocument<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<SyncResult<T>> {
    return this.withDocument(documentId, (document) => read(document.doc));
  }

  /** Users with at least one open sync connection (to a draft of `negotiationId`, if given). */
  onlineUserIds(negotiationId?: string): Set<string> {
    return new Set(
      [...this.connections]
        .filter(
          (connection) =>
            negotiationId === undefined || connection.principal.negotiationId === negotiationId,
        )
        .map((connection) => connection.principal.userId),
    );
  }

  /** Closes every socket of a session (sign-out) with `CLOSE_CODES.unauthorized`. */
  disconnectSession(sessionId: string): void {
    for (const connection of this.closables()) {
      if (connection.principal.sessionId === sessionId) {
        connection.close(CLOSE_CODES.unauthorized, 'Signed out.');
      }
    }
  }

  /**
   * Checks every open connection's rights again (once per session, negotiation and granted
   * rights) and closes those that no longer hold, with the reason: `forbidden` (removed,
   * disabled), `unauthorized` (session ended) or `accessChanged` (role or delegation changed;
   * the client opens the draft again with its new rights). Called when the access version
   * moved, and periodically for sessions that simply expired. Rejects if storage cannot be read.
   */
  async recheckAccess(): Promise<void> {
    if (this.access !== undefined) await recheckAll(this.access, this.closables(), this.log);
  }

  /**
   * Closes every connection of a draft with `code` and `reason` and drops the draft from
   * memory (this process no longer serves it: the cluster layer lost its lease). A task of its
   * queue that is running finishes first; waiting ones are refused. Loaded again on next use.
   */
  /** Sets what is asked before a draft is loaded here (the cluster's lease; SPEC H5). */
  guardLoads(guard: (documentId: string) => Promise<SyncResult<void>>): void {
    this.registry.loadGuard = guard;
  }

  async evict(documentId: string, code: number, reason: string): Promise<void> {
    for (const pending of [...this.opening]) {
      if (pending.principal.documentId === documentId) pending.close(code, reason);
    }
    await this.registry.evict(documentId, code, reason);
  }

  /** Closes every socket with `CLOSE_CODES.serverShutdown` and unloads every document. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    this.liveness.stop();
    for (const connection of this.closables()) {
      connection.close(CLOSE_CODES.serverShutdown, 'The server is shutting down.');
    }
    await this.registry.unloadAll();
  }

  /**
   * Resolves once no draft is loading and every loaded draft's queue is empty: whatever was
   * received before has been handled (tests, diagnostics, a graceful hand-over).
   */
  async settled(): Promise<void> {
    do {
      await Promise.all(this.registry.documents().map((document) => document.settled()));
      await new Promise((resolve) => setImmediate(resolve));
    } while (this.opening.size > 0 || this.registry.busy);
  }

  /** Whether a document is in memory (for tests and diagnostics). */
  isLoaded(documentId: string): boolean {
    return this.registry.isLoaded(documentId);
  }

  /**
   * Whether a loaded draft hibernates (SPEC S14) and how long its last wake took; undefined when
   * it is not in memory (tests and diagnostics: reading this never wakes it).
   */
  hibernation(documentId: string): { hibernated: boolean; wakeMs: number | null } | undefined {
    const document = this.registry.loadedDocument(documentId);
    if (document === undefined) return undefined;
    return { hibernated: document.hibernated, wakeMs: document.wakeDurationMs };
  }

  private closables(): Closable[] {
    return [...this.connections, ...this.opening];
  }
}

const SHUTTING_DOWN: SyncRejection = {
  reason: 'serverShutdown',
  message: 'The server is shutting down.',
};
