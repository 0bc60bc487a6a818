import { can } from '@accord/shared/policy/policy';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { uint32 } from 'lib0/random';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { PositionsCleared } from '../clauses/DocumentClauses';
import { DocumentClauses } from '../clauses/DocumentClauses';
import type { ClauseChangeStore } from '../storage/storage';
import { awarenessUserOf, stampAwarenessUpdate } from './awarenessStamp';
import type { DocumentPersistence } from './DocumentPersistence';
import {
  encodeAwarenessFrame,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './protocol';
import { ServerStructIndex } from './ServerStructIndex';
import { SERVER_WRITE_ORIGIN, ServerWriter } from './ServerWriter';
import type { SyncConnection } from './SyncConnection';
import type { SyncLog, SyncPrincipal, SyncResult } from './syncTypes';
import { validateUpdate } from './UpdateValidator';

/** What happened to an update a connection sent. */
export type UpdateOutcome = 'applied' | 'alreadyKnown' | 'droppedReadOnly';

/** What a document needs from its surroundings. */
export interface SyncDocumentOptions {
  id: string;
  doc: Y.Doc;
  persistence: DocumentPersistence;
  /** Where the history of clause texts is recorded. */
  clauseChanges: ClauseChangeStore;
  log: SyncLog;
  now: () => number;
  /** Told when a text change cleared positions (the audit log's seam). */
  onPositionsCleared?: ((cleared: PositionsCleared) => void) | undefined;
  /** Called when the last connection has left. */
  onIdle: (document: SyncDocument) => void;
  /** Called when the document holds a change its log does not: drop it from memory now. */
  onBroken: (document: SyncDocument) => void;
}

/**
 * One loaded draft: the authoritative Y.Doc, the server's Awareness and the connections
 * editing it. Every write goes through here: authorize, validate, commit, apply, broadcast.
 */
export class SyncDocument {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** The draft's clauses: proposers, positions, history (server-authoritative state). */
  readonly clauses: DocumentClauses;
  private readonly persistence: DocumentPersistence;
  private readonly serverStructs: ServerStructIndex;
  private readonly writer: ServerWriter;
  private readonly onBroken: (document: SyncDocument) => void;
  private readonly log: SyncLog;
  private readonly onIdle: (document: SyncDocument) => void;
  private readonly connections = new Set<SyncConnection>();
  /** Which connection speaks for each awareness client id (DESIGN.md decision 4). */
  private readonly awarenessOwners = new Map<number, SyncConnection>();

  constructor(options: SyncDocumentOptions) {
    this.id = options.id;
    this.doc = options.doc;
    this.persistence = options.persistence;
    this.log = options.log;
    this.onIdle = options.onIdle;
    this.onBroken = options.onBroken;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant: it must not show up as a peer.
    this.awareness.setLocalState(null);
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
    this.clauses = new DocumentClauses({
      documentId: this.id,
      doc: this.doc,
      write: (change) => this.writer.write(change),
      changes: options.clauseChanges,
      log: this.log,
      now: options.now,
      onPositionsCleared: options.onPositionsCleared,
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // The server's own writes are broadcast by the writer, once committed.
      if (origin === SERVER_WRITE_ORIGIN) return;
      const frame = encodeSyncUpdate(update);
      for (const connection of this.connections) {
        if (connection !== origin) connection.send(frame);
      }
    });
    this.awareness.on(
      'update',
      (change: { added: number[]; updated: number[]; removed: number[] }) => {
        const changed = [...change.added, ...change.updated, ...change.removed];
        const frame = encodeAwarenessFrame(this.awareness, changed);
        for (const connection of this.connections) connection.send(frame);
      },
    );
  }

  /** How many sockets are connected to this document. */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** The connections of this document, for the server's session and presence queries. */
  connectionList(): SyncConnection[] {
    return [...this.connections];
  }

  /** Starts the y-websocket handshake: sync step 1, then everyone's presence. */
  add(connection: SyncConnection): void {
    this.connections.add(connection);
    connection.send(encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) connection.send(encodeAwarenessFrame(this.awareness, present));
  }

  /** Forgets a closed connection and withdraws the presence it spoke for. */
  remove(connection: SyncConnection): void {
    if (!this.connections.delete(connection)) return;
    const own = connection.awarenessClientId;
    if (own !== undefined && this.awarenessOwners.get(own) === connection) {
      this.awarenessOwners.delete(own);
      awarenessProtocol.removeAwarenessStates(this.awareness, [own], connection);
    }
    if (this.connections.size === 0) this.onIdle(this);
  }

  /** Answers a client's sync step 1 with everything it lacks. */
  syncStep2For(clientStateVector: Uint8Array): SyncResult<Uint8Array> {
    try {
      return { ok: true, value: encodeSyncStep2(this.doc, clientStateVector) };
    } catch {
      return {
        ok: false,
        error: { reason: 'malformedMessage', message: 'State vector could not be decoded.' },
      };
    }
  }

  /**
   * Takes one update from a connection (sync step 2 or update). Observers' updates are dropped
   * without closing them: a stock client sends a (possibly empty) step 2 on every connect.
   */
  receiveUpdate(connection: SyncConnection, update: Uint8Array): SyncResult<UpdateOutcome> {
    return this.applyAs(connection.principal, update, connection);
  }

  /**
   * Makes a text change on a person's behalf (a moderator's choice of an alternative wording),
   * exactly as if their editor had sent it: the change is made in a copy of the document under
   * a fresh Yjs client id, and the resulting update goes through the same checks, binding, log,
   * broadcast and clause tracking as a client's. So the text is theirs (clients can build on
   * it, unlike the server's own structs) and its history names them.
   */
  writeTextAs(
    author: Pick<SyncPrincipal, 'userId' | 'delegation' | 'role'>,
    change: (doc: Y.Doc) => void,
  ): SyncResult<UpdateOutcome> {
    const copy = new Y.Doc();
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
      while (
        Y.getState(this.doc.store, copy.clientID) > 0 ||
        this.persistence.ownerOf(copy.clientID) !== undefined
      ) {
        copy.clientID = uint32();
      }
      let made: Uint8Array | null = null;
      copy.on('update', (update: Uint8Array) => {
        made = update;
      });
      copy.transact(() => change(copy));
      const update = made as Uint8Array | null;
      if (update === null) return { ok: true, value: 'alreadyKnown' };
      return this.applyAs(author, update, null);
    } finally {
      copy.destroy();
    }
  }

  /** Authorize, validate, commit, apply, broadcast (to all but `origin`), track clauses. */
  private applyAs(
    principal: Pick<SyncPrincipal, 'userId' | 'delegation' | 'role'>,
    update: Uint8Array,
    origin: SyncConnection | null,
  ): SyncResult<UpdateOutcome> {
    if (!can(principal, 'editText')) return { ok: true, value: 'droppedReadOnly' };
    const checked = validateUpdate(update, {
      doc: this.doc,
      userId: principal.userId,
      ownerOf: (clientId) => this.persistence.ownerOf(clientId),
      hasLiveServerStruct: (clientId, clock, end) =>
        this.serverStructs.hasLiveIn(clientId, clock, end),
      mayDeleteRange: (clientId, clock, end) =>
        this.clauses.mayDeleteRange(principal, clientId, clock, end),
      locks: this.clauses.locks.index,
      lockedRefusal: (clauseId) => this.clauses.locks.refusalMessage(clauseId),
    });
    if (!checked.ok) return checked;
    if (!checked.value.novel) return { ok: true, value: 'alreadyKnown' };
    const committed = this.persistence.commit(
      update,
      principal.userId,
      checked.value.unboundClientIds,
    );
    if (!committed.ok) return committed;
    try {
      // Committed before this line: the broadcast in the 'update' listener follows the commit.
      Y.applyUpdate(this.doc, update, origin);
    } catch (error) {
      this.log(
        'error',
        `Document ${this.id}: applying a validated update failed (${String(error)}).`,
      );
    }
    this.persistence.applied(committed.value);
    try {
      this.clauses.afterClientUpdate(
        { userId: principal.userId, delegation: principal.delegation },
        committed.value,
      );
    } catch (error) {
      // The update is committed and broadcast: a bug in clause tracking must not undo that.
      this.log('error', `Document ${this.id}: tracking clause changes failed (${String(error)}).`);
    }
    return { ok: true, value: 'applied' };
  }

  /** Applies a connection's awareness update after stamping the server's identity into it. */
  receiveAwareness(connection: SyncConnection, update: Uint8Array): SyncResult<void> {
    const stamped = stampAwarenessUpdate(update, {
      user: awarenessUserOf(connection.principal),
      mayWrite: (clientId, removal) => this.mayWriteAwareness(connection, clientId, removal),
    });
    if (!stamped.ok) return stamped;
    if (stamped.value !== null) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped.value, connection);
    }
    return { ok: true, value: undefined };
  }

  /** Everyone's presence, for a client that asks (queryAwareness). */
  awarenessFrame(): Uint8Array {
    return encodeAwarenessFrame(this.awareness, [...this.awareness.getStates().keys()]);
  }

  /** Waits for background work (a scheduled compaction) to finish. */
  settled(): Promise<void> {
    return this.persistence.settled();
  }

  /** Frees the document; called by the registry once nobody is connected. */
  destroy(): void {
    this.clauses.destroy();
    // Destroying the doc also destroys its Awareness and stops its timeout timer.
    this.doc.destroy();
  }

  /**
   * The document holds a server change that could not be committed: everyone is disconnected
   * (they reconnect and resync from the log, which never had that change) and the registry
   * drops the document, so the change is never seen or stored.
   */
  private break(): void {
    this.persistence.abandon();
    for (const connection of [...this.connections]) {
      connection.close(CLOSE_CODES.internalError, 'The server could not save a change.');
    }
    this.onBroken(this);
  }

  /**
   * The first awareness client id a connection announces becomes its own, unless another
   * user's connection speaks for it or it authors another user's changes. A newer connection of
   * the same user takes it over (a reconnect can race the old socket's close). A connection may
   * remove only its own state.
   */
  private mayWriteAwareness(
    connection: SyncConnection,
    clientId: number,
    removal: boolean,
  ): boolean {
    const own = connection.awarenessClientId;
    if (own !== undefined) return own === clientId;
    if (removal) return false;
    const userId = connection.principal.userId;
    const holder = this.awarenessOwners.get(clientId);
    if (holder !== undefined && holder.principal.userId !== userId) return false;
    const author = this.persistence.ownerOf(clientId);
    if (author !== undefined && author !== userId) return false;
    if (holder !== undefined) holder.awarenessClientId = undefined;
    connection.awarenessClientId = clientId;
    this.awarenessOwners.set(clientId, connection);
    return true;
  }
}
