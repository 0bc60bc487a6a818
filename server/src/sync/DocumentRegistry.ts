import * as Y from 'yjs';
import type { DocumentStore, UpdateLogStore } from '../storage/storage';
import { DocumentPersistence } from './DocumentPersistence';
import { SyncDocument } from './SyncDocument';
import type { SyncLog, SyncResult } from './syncTypes';

/** Options of the registry, as `SyncServer` resolves them. */
export interface DocumentRegistryOptions {
  updates: UpdateLogStore;
  documents: DocumentStore;
  idleUnloadMs: number;
  compactEvery: number;
  log: SyncLog;
}

/**
 * The documents in memory. A document is loaded on its first connection and shared by all later
 * ones; storage is synchronous, so two connections can never race to load it (a second load is
 * impossible, not merged). It is unloaded after `idleUnloadMs` with no connections, once its
 * background compaction has finished; a connection arriving meanwhile keeps it. Every update is
 * committed before it is applied, so unloading never has anything left to save.
 */
export class DocumentRegistry {
  private readonly loaded = new Map<string, SyncDocument>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: DocumentRegistryOptions) {}

  /** The loaded document, loading it from storage if needed. */
  acquire(documentId: string): SyncResult<SyncDocument> {
    this.cancelUnload(documentId);
    const existing = this.loaded.get(documentId);
    if (existing !== undefined) return { ok: true, value: existing };
    const { updates, documents, compactEvery, log } = this.options;
    const doc = new Y.Doc();
    try {
      const persistence = new DocumentPersistence(
        { documentId, updates, documents, compactEvery, log },
        doc,
      );
      persistence.load();
      const document = new SyncDocument({
        id: documentId,
        doc,
        persistence,
        log,
        onIdle: (idle) => this.scheduleUnload(idle),
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

  /** Every loaded document. */
  documents(): SyncDocument[] {
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

  private scheduleUnload(document: SyncDocument): void {
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

  private async unload(document: SyncDocument, force: boolean): Promise<void> {
    await document.settled();
    // A connection may have arrived while the compaction finished: it keeps the document.
    if (!force && document.connectionCount > 0) return;
    if (this.loaded.get(document.id) !== document) return;
    this.loaded.delete(document.id);
    document.destroy();
    this.options.log('info', `Document ${document.id} unloaded.`);
  }
}
