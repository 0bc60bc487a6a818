import * as Y from 'yjs';
import { type DocumentStore, SERVER_AUTHOR, type UpdateLogStore } from '../storage/storage';
import type { SyncLog, SyncResult } from './syncTypes';

/** How often a document's `updatedAt` is written while it is being edited, at most. */
const TOUCH_INTERVAL_MS = 5_000;

/** One client update of a group commit (`DocumentPersistence.commitMany`). */
export interface GroupEntry {
  update: Uint8Array;
  userId: string;
  /** Its client ids bound to nobody yet (checked against the cache and the group). */
  unboundClientIds: readonly number[];
}

/** Options of one document's persistence. */
export interface DocumentPersistenceOptions {
  documentId: string;
  updates: UpdateLogStore;
  documents: DocumentStore;
  compactEvery: number;
  log: SyncLog;
  now?: () => number;
  /**
   * Appends a task to the document's queue (`DocumentQueue.later`): compaction runs there, so
   * that the snapshot holds exactly the updates up to the seq it names.
   */
  schedule: (task: () => Promise<void>) => Promise<void>;
}

/**
 * One document's update log: loads it, commits every accepted update before it is applied or
 * broadcast (S5), binds client ids to their authors (S6), and compacts the log as a task of the
 * document's queue. Storage calls resolve once committed; its callers run inside that queue.
 */
export class DocumentPersistence {
  private owners = new Map<number, string>();
  private lastAppliedSeq = 0;
  private storedSinceCompaction = 0;
  private lastTouchAt = Number.NEGATIVE_INFINITY;
  private abandoned = false;
  private compaction: Promise<void> | null = null;
  /** The document `load` fills; dropped by `snapshotFrom` (a hibernating draft replaces it). */
  private doc: Y.Doc | null;
  /** The whole state a compaction writes: the document's, or what `snapshotFrom` says. */
  private snapshot: () => Uint8Array;
  /** The log's one stored update, while the document is exactly it (`takeStoredState`). */
  private loadedState: Uint8Array | null = null;
  /** The log's one stored update, left unapplied by a lazy `load` (`takeUnapplied`). */
  private unapplied: Uint8Array | null = null;
  /** Stops watching the loaded document for changes (`keepLoadedState`). */
  private unwatchLoaded: (() => void) | null = null;

  constructor(
    private readonly options: DocumentPersistenceOptions,
    doc: Y.Doc,
  ) {
    this.doc = doc;
    this.snapshot = () => Y.encodeStateAsUpdate(doc);
  }

  /**
   * From now on a compaction writes what `source` answers (the document's whole state, which a
   * hibernated draft keeps encoded: `SyncDocument`); the document given at construction is no
   * longer held, so that it can be freed.
   */
  snapshotFrom(source: () => Uint8Array): void {
    this.doc = null;
    this.snapshot = source;
  }

  /**
   * Applies the whole stored log to the (fresh) document in one transaction (one event, one
   * cleanup). Never `Y.mergeUpdates` over the log: it is quadratic (100k updates took 806 s).
   */
  async load(options: { lazy?: boolean } = {}): Promise<void> {
    const doc = this.doc;
    if (doc === null) throw new Error('The document was loaded already.');
    this.owners = await this.options.updates.clientOwners(this.options.documentId);
    const stored = await this.options.updates.load(this.options.documentId);
    const [only] = stored;
    if (options.lazy === true && stored.length === 1 && only !== undefined) {
      // A compacted log: the draft starts hibernated from it (`takeUnapplied`, SPEC S14).
      this.unapplied = only.update;
      this.lastAppliedSeq = only.seq;
      this.storedSinceCompaction = 0;
      return;
    }
    let whole = stored.length === 1;
    Y.transact(doc, () => {
      for (const { seq, update } of stored) {
        try {
          Y.applyUpdate(doc, update);
        } catch (error) {
          whole = false;
          this.options.log(
            'error',
            `Document ${this.options.documentId}: stored update ${seq} could not be applied and was skipped (${String(error)}).`,
          );
        }
      }
    });
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      whole = false;
      this.options.log(
        'error',
        `Document ${this.options.documentId}: its update log has changes with missing dependencies; they stay unapplied.`,
      );
    }
    if (whole) this.keepLoadedState(doc, stored[0]!.update);
    this.lastAppliedSeq = stored.at(-1)?.seq ?? 0;
    this.storedSinceCompaction = Math.max(0, stored.length - 1);
  }

  /**
   * The log's one stored update (a compacted draft), once, when `load` was lazy and left it
   * unapplied: the draft starts hibernated with it as its encoded state, so that its first sync
   * answers need no Y.Doc (SPEC S14); null otherwise.
   */
  takeUnapplied(): Uint8Array | null {
    const update = this.unapplied;
    this.unapplied = null;
    return update;
  }

  /**
   * Queues the compaction a long loaded log is due (`compactEvery`). Called once the document
   * answered its first sync (`SyncDocument`): encoding the whole document and rewriting the log
   * must not delay a cold load's first client (issue 17). Until then an update applied, or the
   * unload, compacts as always.
   */
  compactLoadedLog(): void {
    this.compactIfDue();
  }

  /**
   * The whole document as its log stores it, once, or null: right after a load from a log of one
   * update (a compacted draft) that applied whole, until it is taken or a transaction changes the
   * document. The first sync answer takes it: for a client that has nothing, that update as
   * stored is the answer, not an encoding of the whole document again (the same state, perhaps
   * in other bytes). Taken once, so that an open draft does not keep it beside its Y.Doc.
   */
  takeStoredState(): Uint8Array | null {
    const state = this.loadedState;
    this.forgetStoredState();
    return state;
  }

  private keepLoadedState(doc: Y.Doc, update: Uint8Array): void {
    this.loadedState = update;
    // A transaction that changed the document (not merely defined a root type, say) ends it.
    const forgetIfChanged = (transaction: Y.Transaction): void => {
      const changed =
        transaction.deleteSet.clients.size > 0 ||
        [...transaction.afterState].some(
          ([client, clock]) => (transaction.beforeState.get(client) ?? 0) !== clock,
        );
      if (changed) this.forgetStoredState();
    };
    doc.on('afterTransaction', forgetIfChanged);
    this.unwatchLoaded = () => doc.off('afterTransaction', forgetIfChanged);
  }

  private forgetStoredState(): void {
    this.loadedState = null;
    this.unwatchLoaded?.();
    this.unwatchLoaded = null;
  }

  /** The user a Yjs client id of this document is bound to, from the in-memory cache. */
  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId);
  }

  /**
   * Binds the given client ids to the sender and appends the update durably. Returns the
   * update's sequence number; nothing may be applied or broadcast unless this succeeded.
   */
  async commit(
    update: Uint8Array,
    userId: string,
    unboundClientIds: readonly number[],
  ): Promise<SyncResult<number>> {
    const { documentId, updates, log } = this.options;
    try {
      if (unboundClientIds.length > 0) {
        const foreign = await updates.bindClientIds(documentId, unboundClientIds, userId);
        for (const clientId of unboundClientIds) {
          if (!foreign.includes(clientId)) this.owners.set(clientId, userId);
        }
        if (foreign.length > 0) {
          return {
            ok: false,
            error: { reason: 'foreignClientId', message: 'Client id belongs to another author.' },
          };
        }
      }
      const seq = await updates.append(documentId, update, userId);
      await this.touch();
      return { ok: true, value: seq };
    } catch (error) {
      log('error', `Document ${documentId}: storing an update failed (${String(error)}).`);
      return {
        ok: false,
        error: { reason: 'internalError', message: 'The change could not be saved.' },
      };
    }
  }

  /**
   * Group commit: binds each update's new client ids to its sender, then appends every update
   * in one transaction (`appendMany`; one alone with `append`). Returns their sequence numbers,
   * in order. The caller checked the bindings against the cache and the group's earlier ones;
   * a client id that storage finds bound to someone else (the cache was stale) fails the whole
   * group, like a storage failure: its updates were applied already, so the draft is dropped.
   */
  async commitMany(entries: readonly GroupEntry[]): Promise<SyncResult<number[]>> {
    const { documentId, updates, log } = this.options;
    try {
      const bindings = new Map<string, number[]>();
      for (const { userId, unboundClientIds } of entries) {
        if (unboundClientIds.length === 0) continue;
        bindings.set(userId, [...(bindings.get(userId) ?? []), ...unboundClientIds]);
      }
      for (const [userId, clientIds] of bindings) {
        const foreign = await updates.bindClientIds(documentId, clientIds, userId);
        for (const clientId of clientIds) {
          if (!foreign.includes(clientId)) this.owners.set(clientId, userId);
        }
        if (foreign.length > 0) {
          log(
            'error',
            `Document ${documentId}: client ids ${foreign.join(', ')} were bound to someone else in storage, not in memory.`,
          );
          return {
            ok: false,
            error: { reason: 'internalError', message: 'The change could not be saved.' },
          };
        }
      }
      const only = entries.length === 1 ? entries[0] : undefined;
      const seqs =
        only !== undefined
          ? [await updates.append(documentId, only.update, only.userId)]
          : await updates.appendMany(
              documentId,
              entries.map(({ update, userId }) => ({ update, userId })),
            );
      await this.touch();
      return { ok: true, value: seqs };
    } catch (error) {
      log('error', `Document ${documentId}: storing a group of updates failed (${String(error)}).`);
      return {
        ok: false,
        error: { reason: 'internalError', message: 'The change could not be saved.' },
      };
    }
  }

  /** The client ids bound to the server itself, which only server writes may author. */
  serverClientIds(): number[] {
    return [...this.owners].filter(([, owner]) => owner === SERVER_AUTHOR).map(([id]) => id);
  }

  /** Binds a client id to the server; false when someone else holds it already. */
  async bindServerClientId(clientId: number): Promise<SyncResult<boolean>> {
    const { documentId, updates, log } = this.options;
    try {
      const foreign = await updates.bindClientIds(documentId, [clientId], SERVER_AUTHOR);
      if (foreign.length > 0) return { ok: true, value: false };
      this.owners.set(clientId, SERVER_AUTHOR);
      return { ok: true, value: true };
    } catch (error) {
      log(
        'error',
        `Document ${documentId}: binding the server's client id failed (${String(error)}).`,
      );
      return {
        ok: false,
        error: { reason: 'internalError', message: 'The change could not be saved.' },
      };
    }
  }

  /** Appends an update the server made itself (no user), durably, before it is broadcast. */
  async commitServerUpdate(update: Uint8Array): Promise<SyncResult<number>> {
    const { documentId, updates, log } = this.options;
    try {
      const seq = await updates.append(documentId, update, null);
      await this.touch();
      return { ok: true, value: seq };
    } catch (error) {
      log('error', `Document ${documentId}: storing a server update failed (${String(error)}).`);
      return {
        ok: false,
        error: { reason: 'internalError', message: 'The change could not be saved.' },
      };
    }
  }

  /**
   * Gives up on this document's in-memory state (it holds a change the log does not): a
   * scheduled compaction must not write that state into the log.
   */
  abandon(): void {
    this.abandoned = true;
  }

  /** Records that the update with this sequence number is now part of the in-memory document. */
  applied(seq: number): void {
    this.lastAppliedSeq = Math.max(this.lastAppliedSeq, seq);
    this.storedSinceCompaction += 1;
    this.compactIfDue();
  }

  /**
   * Compacts whatever was stored since the last compaction (a draft about to leave memory: its
   * next load reads one snapshot, not its tail of updates). Resolves once done.
   */
  compactNow(): Promise<void> {
    this.compactIfDue(1);
    return this.settled();
  }

  /** Resolves once no compaction is queued or running. */
  settled(): Promise<void> {
    return this.compaction ?? Promise.resolve();
  }

  /**
   * Compaction is a task at the tail of the document's queue, after the messages already
   * queued, never inside the message path, and never two at once.
   */
  private compactIfDue(atLeast = this.options.compactEvery): void {
    if (this.compaction !== null || this.storedSinceCompaction < Math.max(1, atLeast)) return;
    const { documentId, log } = this.options;
    this.compaction = this.options
      .schedule(() => (this.abandoned ? Promise.resolve() : this.compact()))
      .catch((error: unknown) => {
        log('warn', `Document ${documentId}: compaction not run (${String(error)}).`);
      })
      .finally(() => {
        this.compaction = null;
      });
  }

  /**
   * Replaces the log up to the last applied update by one snapshot of the in-memory document,
   * which holds exactly those updates: it runs alone in the document's queue (S5). Updates
   * appended later are kept by the store; a failure leaves the log as it was, complete.
   */
  private async compact(): Promise<void> {
    const { documentId, updates, log } = this.options;
    const upToSeq = this.lastAppliedSeq;
    try {
      await updates.compact(documentId, upToSeq, this.snapshot());
      this.storedSinceCompaction = 0;
      log('info', `Document ${documentId}: update log compacted up to ${upToSeq}.`);
    } catch (error) {
      // The log is still complete; try again after another `compactEvery` updates rather than
      // encoding the whole document after every update while storage keeps failing.
      this.storedSinceCompaction = 0;
      log('error', `Document ${documentId}: compaction failed (${String(error)}).`);
    }
  }

  /**
   * `updatedAt` is metadata for lists: written at most every few seconds, never fatal, and not
   * waited for (the update it follows is committed already).
   */
  private touch(): void {
    const { documents, documentId, log } = this.options;
    const now = (this.options.now ?? Date.now)();
    if (now - this.lastTouchAt < TOUCH_INTERVAL_MS) return;
    this.lastTouchAt = now;
    documents.touch(documentId, now).catch((error: unknown) => {
      log('warn', `Document ${documentId}: touch failed (${String(error)}).`);
    });
  }
}
