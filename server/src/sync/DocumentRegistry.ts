import * as Y from 'yjs';
import type { DocumentStore, UpdateLogStore } from '../storage/storage';
import { DocumentPersistence } from './DocumentPersistence';
import type { DocumentPluginFactory } from './DocumentPlugin';
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
  log: SyncLog;
  now: () => number;
}

/**
 * The documents in memory. A document is loaded on its first connection and shared by all later
 * ones; storage is synchronous, so two connections can never race to load it (a second load is
 * impossible, not merged). It is unloaded after `idleUnloadMs` with no connections, once its
 * background compaction has finished; a connection arriving meanwhile keeps it. Every update is
 * committed before it is applied, so unloading never has anything left to save.
 */
export class DocumentRegistry<Api> {
  private readonly loaded = new Map<string, SyncDocument<Api>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: DocumentRegistryOptions<Api>) {}

  /** The loaded document, loading it from storage if needed. */
  acquire(documentId: string): SyncResult<SyncDocument<Api>> {
    this.cancelUnload(documentId);
    const existing = this.loaded.get(documentId);
    if (existing !== undefined) return { ok: true, value: existing };
    const { updates, documents, plugins, compactEvery, log, now } = this.options;
    const doc = new Y.Doc();
    try {
      const persistence = new DocumentPersistence(
        { documentId, updates, documents, compactEvery, log, now },
        doc,
      );
      persistence.load();
      const document: SyncDocument<Api> = new SyncDocument({
        id: documentId,
        doc,
        persistence,
        plugins,
        log,
        onIdle: () => this.scheduleUnload(document),
        onBroken: () => this.discard(document),
      });
      this.loaded.set(documentId, document);
      log('info', `Document ${documentId} loaded.`);
      return { ok: true, value: document };
    } catch (error) {
      doc.destroy();
      log('error', `Document ${documentId} could not be loaded (${String(error)}).`);
      return {
        ok: false,
        error: { reason: 'internalError', message: 'The draft could not be loaded.' },
      };
    }
  }

  /**
   * Runs `use` on a document outside any connection (an HTTP command), loading it if needed;
   * a document nobody is connected to is unloaded again after the idle delay.
   */
  withDocument<T>(documentId: string, use: (document: SyncDocument<Api>) => T): SyncResult<T> {
    const acquired = this.acquire(documentId);
    if (!acquired.ok) return acquired;
    const document = acquired.value;
    try {
      return { ok: true, value: use(document) };
    } finally {
      if (this.loaded.get(documentId) === document && document.connectionCount === 0) {
        this.scheduleUnload(document);
      }
    }
  }

  /** Every loaded document. */
  documents(): SyncDocument<Api>[] {
    return [...this.loaded.values()];
  }

  /** Whether a document is in memory (for tests and diagnostics). */
  isLoaded(documentId: string): boolean {
    return this.loaded.has(documentId);
  }

  /** Unloads every document, waiting for background compactions. */
  async unloadAll(): Promise<void> {
    for (const documentId of this.unloadTimers.keys()) this.cancelUnload(documentId);
    await Promise.all(this.documents().map((document) => this.unload(document, true)));
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
      void this.unload(document, false);
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
    await document.settled();
    // A connection may have arrived while the compaction finished: it keeps the document.
    if (!force && document.connectionCount > 0) return;
    if (this.loaded.get(document.id) !== document) return;
    this.loaded.delete(document.id);
    document.destroy();
    this.options.log('info', `Document ${document.id} unloaded.`);
  }
}
