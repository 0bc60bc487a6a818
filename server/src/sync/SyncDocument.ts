import { can } from '@accord/shared/policy/policy';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import * as Y from 'yjs';
import { ClientWrites, StagedGroup, type UpdateOutcome } from './ClientWrites';
import type { DocumentPersistence } from './DocumentPersistence';
import type { DocumentPlugin, DocumentPluginFactory, UpdateSender } from './DocumentPlugin';
import { DocumentPresence } from './DocumentPresence';
import { type DocumentQueue, QueueClosedError } from './DocumentQueue';
import {
  encodeSyncStep1,
  encodeSyncStep1FromVector,
  encodeSyncStep2,
  encodeSyncStep2FromUpdate,
  encodeSyncUpdate,
  isEmptyStateVector,
  isEmptyUpdate,
} from './protocol';
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
  /**
   * Hibernation: after this long with no task that used the Y.Doc (no update, no command), the
   * draft keeps only its encoded state and drops the Y.Doc, its plugins and their indexes; the
   * next task that needs them rebuilds them (`hibernated`). 0 or absent: never.
   */
  quietMs?: number;
}

/** The Y.Doc of an awake draft and everything derived from it, dropped while it hibernates. */
interface AwakeState<Api> {
  doc: Y.Doc;
  serverStructs: ServerStructIndex;
  writer: ServerWriter;
  plugins: readonly DocumentPlugin[];
  api: Api;
  writes: ClientWrites;
}

/** A state vector and an update for a hibernated draft, kept instead of its Y.Doc. */
interface HibernatedState {
  /** `Y.encodeStateAsUpdate` of the Y.Doc when it went quiet. */
  update: Uint8Array;
  stateVector: Uint8Array;
}

/**
 * One loaded draft: the authoritative Y.Doc, the server's Awareness and the connections
 * editing it. Every write goes through here, as one task of the document's queue (SPEC S5):
 * authorize, validate (with the plugins' checks) against the document as it is now, commit,
 * apply, broadcast, then the plugins' `afterCommit` (`DocumentPlugin`). Nothing is applied or
 * broadcast before its commit resolved, and no other task runs in between.
 *
 * Hibernation (SPEC S14): a draft quiet for `quietMs` encodes its state, as a task of its
 * queue, and drops its Y.Doc, plugins and indexes; connections, presence and the client-id
 * bindings stay. While hibernated, sync steps 1 and 2 are answered from the encoded state; the
 * first task that needs the document (`awake`) rebuilds it and its plugins synchronously, as
 * the load does, then proceeds as always.
 */
export class SyncDocument<Api = unknown> {
  readonly id: string;
  /** The server's Awareness and who speaks for each of its client ids (S8). */
  readonly presence: DocumentPresence;
  private readonly pluginFactory: DocumentPluginFactory<Api>;
  private readonly persistence: DocumentPersistence;
  private readonly queue: DocumentQueue;
  private readonly onBroken: () => void;
  private readonly log: SyncLog;
  private readonly onIdle: () => void;
  private readonly connections = new Set<DocumentPeer>();
  /** Whether client update frames are grouped (`enqueueUpdate`). */
  readonly groupCommit: boolean;
  /** While a group's update is applied: what the document emits, held back from peers. */
  private held: Uint8Array[] | null = null;
  private broken = false;
  private destroyed = false;
  /** Set while awake; null while hibernated (then `hibernatedState` is set) or destroyed. */
  private awakeState: AwakeState<Api> | null;
  private hibernatedState: HibernatedState | null = null;
  private readonly quietMs: number;
  /** When a task last needed the Y.Doc (`performance.now()`). */
  private lastUsedAt = performance.now();
  private quietTimer: NodeJS.Timeout | null = null;
  private wakeQueued = false;
  private lastWakeMs: number | null = null;
  /** Work waiting for the first sync answer (issue 17: cold load); null once queued. */
  private backgroundTasks: (() => void)[] | null = [() => this.persistence.compactLoadedLog()];

  constructor(options: SyncDocumentOptions<Api>) {
    this.id = options.id;
    this.persistence = options.persistence;
    this.queue = options.queue;
    this.log = options.log;
    this.onIdle = options.onIdle;
    this.onBroken = options.onBroken;
    this.pluginFactory = options.plugins;
    this.groupCommit = options.groupCommit ?? false;
    this.quietMs = options.quietMs ?? 0;
    this.presence = new DocumentPresence(
      () => this.connections,
      (clientId) => this.persistence.ownerOf(clientId),
    );
    this.presence.awareness.on(
      'change',
      (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        // Someone moved their cursor (not a mere renewal, arrival or departure): typing is
        // likely next, so a hibernated draft wakes now rather than on the first keystroke.
        if (origin === 'local' || change.updated.length === 0) return;
        this.lastUsedAt = performance.now();
        this.wakeSoon();
      },
    );
    const unapplied = this.persistence.takeUnapplied();
    if (unapplied === null) {
      this.awakeState = this.build(options.doc);
    } else {
      // Loaded from one stored snapshot, left unapplied: the draft starts hibernated, so its
      // first sync answers come from the snapshot and the first edit builds the Y.Doc (S14).
      options.doc.destroy();
      this.awakeState = null;
      this.hibernatedState = {
        update: unapplied,
        stateVector: Y.encodeStateVectorFromUpdate(unapplied),
      };
    }
    // A compaction writes the encoded state while hibernated; nothing else holds the Y.Doc.
    this.persistence.snapshotFrom(() => this.encodedState());
    this.scheduleQuiet();
  }

  /**
   * The Y.Doc, waking the draft if it hibernates. Read it inside a task of the queue (`run`):
   * it is replaced by a new one after a hibernation.
   */
  get doc(): Y.Doc {
    return this.awake().doc;
  }

  /**
   * What the document's plugins offer the rest of the server (the clause commands and reads),
   * waking the draft if it hibernates; read it inside a task of the queue, like `doc`.
   */
  get api(): Api {
    return this.awake().api;
  }

  /** Whether the draft is hibernated: only its encoded state is in memory (SPEC S14). */
  get hibernated(): boolean {
    return this.awakeState === null && this.hibernatedState !== null;
  }

  /** How long the last wake took (rebuilding the Y.Doc and its plugins), in ms; null if none. */
  get wakeDurationMs(): number | null {
    return this.lastWakeMs;
  }

  /** Builds the plugins and indexes of a Y.Doc that holds the draft's whole state. */
  private build(doc: Y.Doc): AwakeState<Api> {
    const serverStructs = new ServerStructIndex(doc);
    for (const clientId of this.persistence.serverClientIds()) {
      serverStructs.addClient(clientId);
    }
    const writer = new ServerWriter({
      documentId: this.id,
      doc,
      persistence: this.persistence,
      serverStructs,
      broadcast: (frame) => {
        for (const connection of this.connections) connection.send(frame);
      },
      onDiverged: () => this.break(),
      log: this.log,
    });
    const built = this.pluginFactory({
      documentId: this.id,
      doc,
      write: (change) => this.queue.run(() => this.awake().writer.write(change)),
      background: (task) => this.background(task),
      log: this.log,
    });
    const writes = new ClientWrites({
      documentId: this.id,
      doc,
      applyHeld: (update, origin) => this.applyHeld(update, origin),
      persistence: this.persistence,
      serverStructs,
      plugins: built.plugins,
      log: this.log,
    });
    doc.on('update', (update: Uint8Array, origin: unknown) => {
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
    return { doc, serverStructs, writer, plugins: built.plugins, api: built.api, writes };
  }

  /**
   * The awake state, rebuilt from the encoded one if the draft hibernates: synchronously, so
   * the task that asks goes on at once with the document exactly as it was (SPEC S14).
   */
  private awake(): AwakeState<Api> {
    this.lastUsedAt = performance.now();
    if (this.awakeState !== null) return this.awakeState;
    const hibernated = this.hibernatedState;
    if (hibernated === null) throw new Error(`Document ${this.id} was unloaded.`);
    const started = performance.now();
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, hibernated.update);
      if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
        this.log(
          'error',
          `Document ${this.id}: its stored state has changes with missing dependencies; they stay unapplied.`,
        );
      }
      this.awakeState = this.build(doc);
    } catch (error) {
      doc.destroy();
      throw error;
    }
    this.hibernatedState = null;
    this.lastWakeMs = performance.now() - started;
    this.log('info', `Document ${this.id} woke in ${this.lastWakeMs.toFixed(0)} ms.`);
    this.scheduleQuiet();
    return this.awakeState;
  }

  /** The awake state for a read that does not count as use (a sync step); never wakes. */
  private peek(): AwakeState<Api> {
    if (this.awakeState === null) throw new Error(`Document ${this.id} was unloaded.`);
    return this.awakeState;
  }

  /** Wakes a hibernated draft as a task of its queue (ahead of the keystroke a cursor heralds). */
  private wakeSoon(): void {
    if (this.awakeState !== null || this.wakeQueued || this.destroyed) return;
    this.wakeQueued = true;
    this.queue
      .later(() => {
        this.wakeQueued = false;
        if (!this.destroyed && !this.broken) this.awake();
      })
      .catch(() => {
        // Unloaded first, or the wake failed: the next task that needs the document retries.
        this.wakeQueued = false;
      });
  }

  /** The whole state, as a compaction writes it: encoded now, or as it hibernated. */
  private encodedState(): Uint8Array {
    if (this.awakeState !== null) return Y.encodeStateAsUpdate(this.awakeState.doc);
    if (this.hibernatedState !== null) return this.hibernatedState.update;
    throw new Error(`Document ${this.id} was unloaded.`);
  }

  /** Looks again once the draft may have been quiet for `quietMs`. */
  private scheduleQuiet(delay = this.lastUsedAt + this.quietMs - performance.now()): void {
    if (this.quietMs <= 0 || this.quietTimer !== null || this.destroyed) return;
    this.quietTimer = setTimeout(
      () => {
        this.quietTimer = null;
        this.checkQuiet();
      },
      Math.max(1, delay),
    );
    // A quiet draft must not keep the process alive.
    this.quietTimer.unref();
  }

  private checkQuiet(): void {
    if (this.awakeState === null || this.broken || this.destroyed) return;
    if (performance.now() - this.lastUsedAt < this.quietMs) {
      this.scheduleQuiet();
      return;
    }
    if (this.queue.busy) {
      // Frames that do not need the document (presence) keep the queue busy: look again soon.
      this.scheduleQuiet(this.quietMs);
      return;
    }
    this.queue
      .later(() => this.hibernate())
      .catch(() => {
        // Unloaded first: nothing to hibernate.
      });
  }

  /**
   * A task of the queue: keeps the encoded state and drops the Y.Doc and everything derived from
   * it, unless a task needed the document since the quiet period was seen.
   */
  private hibernate(): void {
    const state = this.awakeState;
    if (state === null || this.broken || this.destroyed) return;
    if (performance.now() - this.lastUsedAt < this.quietMs) {
      this.scheduleQuiet();
      return;
    }
    this.hibernatedState = {
      // Unchanged since a load from one stored snapshot: that snapshot is the encoded state.
      update: this.persistence.takeStoredState() ?? Y.encodeStateAsUpdate(state.doc),
      stateVector: Y.encodeStateVector(state.doc),
    };
    this.awakeState = null;
    this.tearDown(state);
  }

  /** Stops an awake state's plugins and frees its Y.Doc. */
  private tearDown(state: AwakeState<Api>): void {
    for (const plugin of state.plugins) {
      try {
        plugin.destroy?.();
      } catch (error) {
        this.log('error', `Document ${this.id}: plugin ${plugin.name} failed (${String(error)}).`);
      }
    }
    state.doc.destroy();
  }

  /**
   * What a hibernated draft answers to an update without waking: an observer's is dropped (S4)
   * and an empty one (the step 2 of a client with nothing new) is already known. Null: wake.
   */
  private quietAnswer(sender: UpdateSender, update: Uint8Array): SyncResult<UpdateOutcome> | null {
    if (this.awakeState !== null) return null;
    if (!can(sender, 'editText')) return { ok: true, value: 'droppedReadOnly' };
    if (isEmptyUpdate(update)) {
      return { ok: true, value: 'alreadyKnown' };
    }
    return null;
  }

  /** Queues `task` after the first sync answer (`DocumentPluginHost.background`). */
  private background(task: () => void): void {
    if (this.backgroundTasks !== null) this.backgroundTasks.push(task);
    else this.queueBackground(task);
  }

  /** Queues the background work waiting for the first sync answer (issue 17: cold load). */
  private startBackground(): void {
    const tasks = this.backgroundTasks;
    if (tasks === null) return;
    this.backgroundTasks = null;
    for (const task of tasks) this.queueBackground(task);
  }

  private queueBackground(task: () => void): void {
    this.queue.later(task).catch((error: unknown) => {
      if (error instanceof QueueClosedError) return;
      this.log('error', `Document ${this.id}: background work failed (${String(error)}).`);
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
        const hibernated = this.hibernatedState;
        connection.send(
          hibernated === null
            ? encodeSyncStep1(this.peek().doc)
            : encodeSyncStep1FromVector(hibernated.stateVector),
        );
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
          result =
            this.quietAnswer(peer.principal, taken.update) ??
            this.awake().writes.stage(peer.principal, taken.update, peer, group);
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
      await this.awake().writes.afterGroupCommit(staged, seqs[index]!);
    }
    return !this.broken;
  }

  /** Applies a group's update to the document; what the document emits is held back. */
  private applyHeld(update: Uint8Array, origin: DocumentPeer): Uint8Array | null {
    const held: Uint8Array[] = [];
    this.held = held;
    try {
      Y.applyUpdate(this.awake().doc, update, origin);
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
        const hibernated = this.hibernatedState;
        // Right after a cold load, a client that has nothing gets the stored state as it is.
        const stored = this.persistence.takeStoredState();
        const empty = isEmptyStateVector(clientStateVector);
        // Hibernated: the answer comes from the encoded state, no Y.Doc is built (S14).
        const frame =
          hibernated !== null
            ? encodeSyncStep2FromUpdate(
                empty ? hibernated.update : Y.diffUpdate(hibernated.update, clientStateVector),
              )
            : stored !== null && empty
              ? encodeSyncStep2FromUpdate(stored)
              : encodeSyncStep2(this.peek().doc, clientStateVector);
        this.startBackground();
        return { ok: true, value: frame };
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
    return this.queue.run(
      () =>
        this.quietAnswer(connection.principal, update) ??
        this.awake().writes.applyAs(connection.principal, update, connection),
    );
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
    return this.queue.run(() => this.awake().writes.writeTextAs(author, change));
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
    if (this.destroyed) return;
    this.destroyed = true;
    this.queue.close();
    if (this.quietTimer !== null) clearTimeout(this.quietTimer);
    this.quietTimer = null;
    const state = this.awakeState;
    this.awakeState = null;
    this.hibernatedState = null;
    if (state !== null) this.tearDown(state);
    this.presence.destroy();
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
