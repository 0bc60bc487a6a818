import * as Y from 'yjs';
import type { DocumentStore, UpdateLogStore } from '../storage/storage';
import { DocumentPersistence } from './DocumentPersistence';
import type { DocumentPluginFactory } from './DocumentPlugin';
import { DocumentQueue, QueueClosedError } from './DocumentQueue';
import { SyncDocument } from './SyncDocument';
import type { SyncLog, SyncResult } from './syncTypes';

/** Options of the registry, as `SyncServer` resolves them. */
export interface DocumentRegistryOptions<Api> {
  updates: UpdateLogStore;
  documents: DocumentStore;
  /** Builds each loaded document's plugins (`DocumentPlugin`). */
  plugins: DocumentPluginFactory<Api>;
  idleUnloadMs: number;
  compactEvery: number;
  /** Group commit of the client updates queued at once (`SyncDocument.enqueueUpdate`). */
  groupCommit: boolean;
  /** A loaded draft quiet this long hibernates (`SyncDocument.hibernated`); 0: never. */
  quietMs: number;
  log: SyncLog;
  now: () => number;
}

/**
 * The documents in memory (S9: one load per draft and process). A document is loaded on its
 * first use and shared by all later ones; acquires that arrive while it loads share that one
 * load, and a failed load is reported to each of them and not kept. A document is unloaded after
 * `idleUnloadMs` with no connection and nobody holding it, once its queue is empty and its
 * compaction finished; an acquire arriving meanwhile keeps it. Every update is committed before
 * it is applied, so unloading never has anything left to save.
 */
export class DocumentRegistry<Api> {
  private readonly loaded = new Map<string, SyncDocument<Api>>();
  private readonly loading = new Map<string, Promise<SyncResult<SyncDocument<Api>>>>();
  /** Acquires not yet released, per draft: a held document is never unloaded. */
  private readonly holds = new Map<string, number>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: DocumentRegistryOptions<Api>) {}

  /**
   * The loaded document, loading it from storage if needed, held until `release`: the caller
   * attaches its connection (or runs its task) and then releases it.
   */
  async acquire(documentId: string): Promise<SyncResult<SyncDocument<Api>>> {
    this.cancelUnload(documentId);
    this.holds.set(documentId, (this.holds.get(documentId) ?? 0) + 1);
    const existing = this.loaded.get(documentId);
    if (existing !== undefined) return { ok: true, value: existing };
    let load = this.loading.get(documentId);
    if (load === undefined) {
      load = this.load(documentId).finally(() => this.loading.delete(documentId));
      this.loading.set(documentId, load);
    }
    const loaded = await load;
    if (!loaded.ok) this.unhold(documentId);
    return loaded;
  }

  /** Ends a hold taken by `acquire`; a document nobody uses then starts its idle delay. */
  release(document: SyncDocument<Api>): void {
    this.unhold(document.id);
    this.idleIfUnused(document);
  }

  /**
   * Runs `use` on a document outside any connection (an HTTP command), loading it if needed,
   * as one task of its queue (S5); a document nobody is connected to is unloaded again after
   * the idle delay.
   */
  async withDocument<T>(
    documentId: string,
    use: (document: SyncDocument<Api>) => T | Promise<T>,
  ): Promise<SyncResult<T>> {
    const acquired = await this.acquire(documentId);
    if (!acquired.ok) return acquired;
    const document = acquired.value;
    try {
      return { ok: true, value: await document.run(() => use(document)) };
    } catch (error) {
      if (!(error instanceof QueueClosedError)) throw error;
      return {
        ok: false,
        error: { reason: 'internalError', message: 'The draft was unloaded; try again.' },
      };
    } finally {
      this.release(document);
    }
  }

  /** Every loaded document. */
  documents(): SyncDocument<Api>[] {
    return [...this.loaded.values()];
  }

  /** Whether a draft is loading or a loaded one has a task queued or running. */
  get busy(): boolean {
    return this.loading.size > 0 || this.documents().some((document) => document.busy);
  }

  /** Whether a document is in memory (for tests and diagnostics). */
  isLoaded(documentId: string): boolean {
    return this.loaded.has(documentId);
  }

  /** The document in memory, if any, without holding or loading it (tests and diagnostics). */
  loadedDocument(documentId: string): SyncDocument<Api> | undefined {
    return this.loaded.get(documentId);
  }

  /**
   * Drops a document from memory now, whoever uses it (this process no longer serves it): its
   * connections are closed with `code` and `reason`, its waiting tasks refused, no compaction
   * is written from it; the task running, if any, finishes first. A later acquire loads it anew.
   */
  async evict(documentId: string, code: number, reason: string): Promise<void> {
    this.cancelUnload(documentId);
    await this.loading.get(documentId);
    const document = this.loaded.get(documentId);
    if (document === undefined) return;
    this.loaded.delete(documentId);
    document.closeAll(code, reason);
    await document.retire();
    document.destroy();
    this.options.log('info', `Document ${documentId} evicted.`);
  }

  /** Unloads every document, waiting for their queues and compactions. */
  async unloadAll(): Promise<void> {
    for (const documentId of this.unloadTimers.keys()) this.cancelUnload(documentId);
    await Promise.all(this.documents().map((document) => this.unload(document, true)));
  }

  /**
   * Asked before every load (several servers: whether this process may own the draft, taking
   * its lease if it is free). A refusal is returned to the acquirer; nothing is read.
   */
  loadGuard: ((documentId: string) => Promise<SyncResult<void>>) | null = null;

  private async load(documentId: string): Promise<SyncResult<SyncDocument<Api>>> {
    const { updates, documents, plugins, compactEvery, groupCommit, quietMs, log, now } =
      this.options;
    if (this.loadGuard !== null) {
      const allowed = await this.loadGuard(documentId);
      if (!allowed.ok) return allowed;
    }
    const doc = new Y.Doc();
    const queue = new DocumentQueue(documentId);
    try {
      const persistence = new DocumentPersistence(
        {
          documentId,
          updates,
          documents,
          compactEvery,
          log,
          now,
          schedule: (task) => queue.later(task),
        },
        doc,
      );
      // A draft that may hibernate loads a compacted log straight into hibernation (S14).
      await persistence.load({ lazy: quietMs > 0 });
      const document: SyncDocument<Api> = new SyncDocument({
        id: documentId,
        doc,
        persistence,
        queue,
        plugins,
        log,
        onIdle: () => this.idleIfUnused(document),
        onBroken: () => this.discard(document),
        groupCommit,
        quietMs,
      });
      this.loaded.set(documentId, document);
      log('info', `Document ${documentId} loaded.`);
      return { ok: true, value: document };
    } catch (error) {
      queue.close();
      doc.destroy();
      log('error', `Document ${documentId} could not be loaded (${String(error)}).`);
      return {
        ok: false,
        error: { reason: 'internalError', message: 'The draft could not be loaded.' },
      };
    }
  }

  private unhold(documentId: string): void {
    const holds = (this.holds.get(documentId) ?? 1) - 1;
    if (holds > 0) this.holds.set(documentId, holds);
    else this.holds.delete(documentId);
  }

  private unused(document: SyncDocument<Api>): boolean {
    return document.connectionCount === 0 && !this.holds.has(document.id);
  }

  private idleIfUnused(document: SyncDocument<Api>): void {
    if (this.loaded.get(document.id) === document && this.unused(document)) {
      this.scheduleUnload(document);
    }
  }

  /** Drops a broken document at once: the next connection loads it again from the log. */
  private discard(document: SyncDocument<Api>): void {
    this.cancelUnload(document.id);
    if (this.loaded.get(document.id) !== document) return;
    this.loaded.delete(document.id);
    document.destroy();
    this.options.log(
      'warn',
      `Document ${document.id} dropped from memory; it reloads from its log.`,
    );
  }

  private scheduleUnload(document: SyncDocument<Api>): void {
    this.cancelUnload(document.id);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(document.id);
      this.unload(document, false).catch((error: unknown) => {
        this.options.log('error', `Document ${document.id}: unload failed (${String(error)}).`);
      });
    }, this.options.idleUnloadMs);
    // An idle document must not keep the process alive.
    timer.unref();
    this.unloadTimers.set(document.id, timer);
  }

  private cancelUnload(documentId: string): void {
    const timer = this.unloadTimers.get(documentId);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.unloadTimers.delete(documentId);
  }

  private async unload(document: SyncDocument<Api>, force: boolean): Promise<void> {
    // An idle draft leaves memory compacted: its next load reads one snapshot.
    if (!force && this.unused(document)) await document.compactNow();
    await document.settled();
    // Whoever acquired it meanwhile keeps it (checked and dropped in one synchronous step).
    if (!force && !this.unused(document)) return;
    if (this.loaded.get(document.id) !== document) return;
    this.loaded.delete(document.id);
    document.destroy();
    this.options.log('info', `Document ${document.id} unloaded.`);
  }
}
