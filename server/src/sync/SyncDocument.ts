import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import * as Y from 'yjs';
import { ClientWrites, StagedGroup, type UpdateOutcome } from './ClientWrites';
import type { DocumentPersistence } from './DocumentPersistence';
import type { DocumentPlugin, DocumentPluginFactory, UpdateSender } from './DocumentPlugin';
import { DocumentPresence } from './DocumentPresence';
import type { DocumentQueue } from './DocumentQueue';
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './protocol';
import { ServerStructIndex } from './ServerStructIndex';
import { SERVER_WRITE_ORIGIN, ServerWriter } from './ServerWriter';
import type { DocumentPeer, SyncLog, SyncResult, TakenUpdate } from './syncTypes';

/**
 * A connection whose update frames a group commit takes (`SyncConnection`): the document asks
 * it for each frame's update in turn and tells it what became of it.
 */
export interface UpdatingPeer extends DocumentPeer {
  /** Handles the frame on its own, as any frame (a group of one). */
  handleFrame(data: Uint8Array, stamp: number): Promise<void>;
  /** The update the frame carries, once its rights are fresh; null when closed or refused. */
  takeUpdate(data: Uint8Array, stamp: number): Promise<TakenUpdate | null>;
  /** What became of the update (a refusal closes the connection, but see S2). */
  settleUpdate(taken: TakenUpdate, result: SyncResult<UpdateOutcome>): void;
}

/** A client's update frame waiting in the queue for its group. */
export interface QueuedUpdate {
  peer: UpdatingPeer;
  data: Uint8Array;
  /** `AccessGate` stamp of its arrival. */
  stamp: number;
}

export type { UpdateOutcome } from './ClientWrites';

const HANDLING_FAILED = {
  reason: 'internalError',
  message: 'The server failed to handle a message.',
} as const;

/** What a document needs from its surroundings. */
export interface SyncDocumentOptions<Api> {
  id: string;
  doc: Y.Doc;
  persistence: DocumentPersistence;
  /** The document's one queue (SPEC S5); the persistence schedules its compactions in it. */
  queue: DocumentQueue;
  /** Builds the document's plugins (clause rules and tracking) and the API they offer. */
  plugins: DocumentPluginFactory<Api>;
  log: SyncLog;
  /** Called when the last connection has left. */
  onIdle: () => void;
  /** Called when the document holds a change its log does not: drop it from memory now. */
  onBroken: () => void;
  /**
   * Group commit (default on): client updates queued at once are checked one by one, committed
   * in one transaction, then broadcast (`enqueueUpdate`). Off: each is its own task.
   */
  groupCommit?: boolean;
}

/**
 * One loaded draft: the authoritative Y.Doc, the server's Awareness and the connections
 * editing it. Every write goes through here, as one task of the document's queue (SPEC S5):
 * authorize, validate (with the plugins' checks) against the document as it is now, commit,
 * apply, broadcast, then the plugins' `afterCommit` (`DocumentPlugin`). Nothing is applied or
 * broadcast before its commit resolved, and no other task runs in between.
 */
export class SyncDocument<Api = unknown> {
  readonly id: string;
  readonly doc: Y.Doc;
  /** The server's Awareness and who speaks for each of its client ids (S8). */
  readonly presence: DocumentPresence;
  /** What the document's plugins offer the rest of the server (the clause commands and reads). */
  readonly api: Api;
  private readonly plugins: readonly DocumentPlugin[];
  private readonly writes: ClientWrites;
  private readonly persistence: DocumentPersistence;
  private readonly queue: DocumentQueue;
  private readonly serverStructs: ServerStructIndex;
  private readonly writer: ServerWriter;
  private readonly onBroken: () => void;
  private readonly log: SyncLog;
  private readonly onIdle: () => void;
  private readonly connections = new Set<DocumentPeer>();
  /** Whether client update frames are grouped (`enqueueUpdate`). */
  readonly groupCommit: boolean;
  /** While a group's update is applied: what the document emits, held back from peers. */
  private held: Uint8Array[] | null = null;
  private broken = false;

  constructor(options: SyncDocumentOptions<Api>) {
    this.id = options.id;
    this.doc = options.doc;
    this.persistence = options.persistence;
    this.queue = options.queue;
    this.log = options.log;
    this.onIdle = options.onIdle;
    this.onBroken = options.onBroken;
    this.groupCommit = options.groupCommit ?? false;
    this.presence = new DocumentPresence(
      this.doc,
      () => this.connections,
      (clientId) => this.persistence.ownerOf(clientId),
    );
    this.serverStructs = new ServerStructIndex(this.doc);
    for (const clientId of this.persistence.serverClientIds()) {
      this.serverStructs.addClient(clientId);
    }
    this.writer = new ServerWriter({
      documentId: this.id,
      doc: this.doc,
      persistence: this.persistence,
      serverStructs: this.serverStructs,
      broadcast: (frame) => {
        for (const connection of this.connections) connection.send(frame);
      },
      onDiverged: () => this.break(),
      log: this.log,
    });
    const built = options.plugins({
      documentId: this.id,
      doc: this.doc,
      write: (change) => this.queue.run(() => this.writer.write(change)),
      log: this.log,
    });
    this.plugins = built.plugins;
    this.api = built.api;
    this.writes = new ClientWrites({
      documentId: this.id,
      doc: this.doc,
      applyHeld: (update, origin) => this.applyHeld(update, origin),
      persistence: this.persistence,
      serverStructs: this.serverStructs,
      plugins: this.plugins,
      log: this.log,
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // The server's own writes are broadcast by the writer, once committed.
      if (origin === SERVER_WRITE_ORIGIN) return;
      // A group's update: broadcast once the group is committed.
      if (this.held !== null) {
        this.held.push(update);
        return;
      }
      // One update alone (not a group): nothing to coalesce it with, so it goes at once.
      const frame = encodeSyncUpdate(update);
      for (const connection of this.connections) {
        if (connection !== origin) connection.send(frame, false);
      }
    });
  }

  /** How many sockets are connected to this document. */
  get connectionCount(): number {
    return this.connections.size;
  }

  /**
   * Starts the y-websocket handshake: sync step 1, then everyone's presence, from the document
   * as the tasks queued before leave it. The connection counts (and hears broadcasts) at once.
   */
  add(connection: DocumentPeer): void {
    this.connections.add(connection);
    this.queue
      .later(() => {
        if (!this.connections.has(connection)) return;
        connection.send(encodeSyncStep1(this.doc));
        if (!this.presence.empty) connection.send(this.presence.frame());
      })
      .catch(() => {
        // The draft was unloaded first: the connection was closed with it.
      });
  }

  /** Forgets a closed connection and withdraws the presence it spoke for. */
  remove(connection: DocumentPeer): void {
    if (!this.connections.delete(connection)) return;
    this.presence.left(connection);
    if (this.connections.size === 0) this.onIdle();
  }

  /** Closes every connection (the draft is evicted from this process). */
  closeAll(code: number, reason: string): void {
    for (const connection of [...this.connections]) connection.close(code, reason);
  }

  /**
   * Runs `task` as one task of the document's queue (at once when already inside one): what
   * it reads of the document stays true until it returns, and what it writes is committed and
   * broadcast before it resolves.
   */
  run<T>(task: () => T | Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

  /** Appends `task` at the tail of the queue (a connection's frame, in arrival order). */
  enqueue(task: () => Promise<void>): Promise<void> {
    return this.queue.later(task);
  }

  /**
   * Appends a client's update frame (sync step 2 or update) at the tail of the queue, to be
   * handled in a group with the update frames queued right after it (group commit): see
   * `commitGroups`. Resolves once its group has been handled.
   */
  enqueueUpdate(queued: QueuedUpdate): Promise<void> {
    return this.queue.laterBatch(this.commitGroups, queued);
  }

  /**
   * One task of the queue for client update frames that were queued one after another (S5).
   * Alone, a frame is handled as any frame: check, commit, apply, broadcast, `afterCommit`.
   * Together, each update is checked in order against the document as the earlier accepted
   * ones of the group left it, and applied, broadcasting nothing (as a server write is, before
   * its commit); a refused one closes its connection and changes nothing. Then the accepted
   * ones are committed in one transaction, broadcast, and their `afterCommit`s run in order.
   * A plugin whose `afterCommit` changes what checks read ends a group early (`barrier`). A
   * failed commit broadcasts nothing of the group and drops the draft, which reloads from its
   * log; everyone on it (the senders too) is closed with internalError and resyncs.
   */
  private readonly commitGroups = async (queued: QueuedUpdate[]): Promise<void> => {
    const [only] = queued;
    if (queued.length === 1 && only !== undefined) {
      await only.peer.handleFrame(only.data, only.stamp);
      return;
    }
    let group = new StagedGroup();
    try {
      for (const { peer, data, stamp } of queued) {
        if (this.broken) return;
        const taken = await peer.takeUpdate(data, stamp);
        if (taken === null || this.broken) continue;
        let result: SyncResult<UpdateOutcome>;
        try {
          result = this.writes.stage(peer.principal, taken.update, peer, group);
        } catch (error) {
          // Thrown before the update was applied (its checks): it alone is refused.
          this.log('error', `Document ${this.id}: checking an update failed (${String(error)}).`);
          result = { ok: false, error: HANDLING_FAILED };
        }
        peer.settleUpdate(taken, result);
        if (group.barrier) {
          if (!(await this.commitGroup(group))) return;
          group = new StagedGroup();
        }
      }
      await this.commitGroup(group);
    } catch (error) {
      // A bug: whatever the group applied is not committed for sure, so the draft must go.
      this.log('error', `Document ${this.id}: a group of updates failed (${String(error)}).`);
      if (group.updates.length > 0 && !this.broken) this.break();
    }
  };

  /** Commits, broadcasts, then runs `afterCommit` of a group; false when the draft broke. */
  private async commitGroup(group: StagedGroup): Promise<boolean> {
    const updates = group.updates.splice(0);
    if (updates.length === 0) return !this.broken;
    const committed = await this.persistence.commitMany(
      updates.map(({ update, sender, unboundClientIds }) => ({
        update,
        userId: sender.userId,
        unboundClientIds,
      })),
    );
    if (!committed.ok) {
      this.break();
      return false;
    }
    const seqs = committed.value;
    // Committed before this line: peers hear nothing of the group earlier (S5).
    for (const [index, staged] of updates.entries()) {
      this.persistence.applied(seqs[index]!);
      if (staged.applied === null) continue;
      const frame = encodeSyncUpdate(staged.applied);
      for (const connection of this.connections) {
        if (connection !== staged.origin) connection.send(frame);
      }
    }
    // Every peer has the group (one frame each, `coalesceFrames`) before any `afterCommit`.
    const merged = new Map<string, Uint8Array>();
    for (const connection of this.connections) connection.flush?.(merged);
    for (const [index, staged] of updates.entries()) {
      await this.writes.afterGroupCommit(staged, seqs[index]!);
    }
    return !this.broken;
  }

  /** Applies a group's update to the document; what the document emits is held back. */
  private applyHeld(update: Uint8Array, origin: DocumentPeer): Uint8Array | null {
    const held: Uint8Array[] = [];
    this.held = held;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      this.held = null;
    }
    if (held.length <= 1) return held[0] ?? null;
    return Y.mergeUpdates(held);
  }

  /** Answers a client's sync step 1 with everything it lacks, after the tasks queued before. */
  syncStep2For(clientStateVector: Uint8Array): Promise<SyncResult<Uint8Array>> {
    return this.queue.run(() => {
      try {
        return { ok: true, value: encodeSyncStep2(this.doc, clientStateVector) };
      } catch {
        return {
          ok: false,
          error: { reason: 'malformedMessage', message: 'State vector could not be decoded.' },
        };
      }
    });
  }

  /**
   * Takes one update from a connection (sync step 2 or update). Observers' updates are dropped
   * without closing them: a stock client sends a (possibly empty) step 2 on every connect.
   */
  receiveUpdate(connection: DocumentPeer, update: Uint8Array): Promise<SyncResult<UpdateOutcome>> {
    return this.queue.run(() => this.writes.applyAs(connection.principal, update, connection));
  }

  /**
   * Makes a text change on a person's behalf (a moderator's choice of an alternative wording),
   * exactly as if their editor had sent it: the change is made in a copy of the document under
   * a fresh Yjs client id, and the resulting update goes through the same checks, binding, log,
   * broadcast and plugins (clause tracking) as a client's. So the text is theirs (clients can build on
   * it, unlike the server's own structs) and its history names them.
   */
  writeTextAs(
    author: UpdateSender,
    change: (doc: Y.Doc) => void,
  ): Promise<SyncResult<UpdateOutcome>> {
    return this.queue.run(() => this.writes.writeTextAs(author, change));
  }

  /** Applies a connection's awareness update after stamping the server's identity into it. */
  receiveAwareness(connection: DocumentPeer, update: Uint8Array): SyncResult<void> {
    return this.presence.receive(connection, update);
  }

  /** Everyone's presence, for a client that asks (queryAwareness). */
  awarenessFrame(): Uint8Array {
    return this.presence.frame();
  }

  /** Whether a task is queued or running, or a compaction is due. */
  get busy(): boolean {
    return this.queue.busy;
  }

  /** Compacts the log's tail as a task of the queue (before an idle draft is unloaded). */
  compactNow(): Promise<void> {
    return this.persistence.compactNow();
  }

  /** Waits until the queue is empty and no compaction is queued or running. */
  async settled(): Promise<void> {
    await this.queue.idle();
    await this.persistence.settled();
    await this.queue.idle();
  }

  /**
   * Gives up the document's in-memory state for good: no compaction is written from it any
   * more, and tasks still waiting are refused; the running one, if any, finishes first.
   */
  async retire(): Promise<void> {
    this.persistence.abandon();
    this.queue.close();
    await this.queue.idle();
  }

  /** Frees the document; called by the registry once nobody is connected. */
  destroy(): void {
    this.queue.close();
    for (const plugin of this.plugins) plugin.destroy?.();
    // Destroying the doc also destroys its Awareness and stops its timeout timer.
    this.doc.destroy();
  }

  /**
   * The document holds a server change that could not be committed: everyone is disconnected
   * (they reconnect and resync from the log, which never had that change) and the registry
   * drops the document, so the change is never seen or stored.
   */
  private break(): void {
    this.broken = true;
    this.persistence.abandon();
    for (const connection of [...this.connections]) {
      connection.close(CLOSE_CODES.internalError, 'The server could not save a change.');
    }
    this.onBroken();
  }
}
