import type {
  DocumentRecord,
  DocumentStore,
  StoredUpdate,
  UpdateLogEntry,
  UpdateLogStore,
} from '../storage';
import type { MemoryNegotiationStore } from './MemoryNegotiationStore';

/** Documents' metadata in memory. */
export class MemoryDocumentStore implements DocumentStore {
  private readonly documents = new Map<string, DocumentRecord>();

  constructor(private readonly negotiations: MemoryNegotiationStore) {}

  /** Whether a document exists (the other memory stores' reference checks, synchronous). */
  has(id: string): boolean {
    return this.documents.has(id);
  }

  async create(document: Omit<DocumentRecord, 'createdAt' | 'updatedAt'>): Promise<DocumentRecord> {
    if (this.documents.has(document.id)) throw new Error('Document already exists.');
    if (!this.negotiations.has(document.negotiationId)) {
      throw new Error('Unknown negotiation.');
    }
    const now = Date.now();
    const record: DocumentRecord = { ...document, createdAt: now, updatedAt: now };
    this.documents.set(record.id, record);
    return { ...record };
  }

  async byId(id: string): Promise<DocumentRecord | undefined> {
    const document = this.documents.get(id);
    return document && { ...document };
  }

  async listByNegotiation(negotiationId: string): Promise<DocumentRecord[]> {
    return [...this.documents.values()]
      .filter((document) => document.negotiationId === negotiationId)
      .map((document) => ({ ...document }));
  }

  async touch(id: string, at: number): Promise<void> {
    const document = this.documents.get(id);
    if (document) document.updatedAt = at;
  }
}

/** The Yjs update logs and client-id bindings in memory; seqs are global, like SQLite's. */
export class MemoryUpdateLogStore implements UpdateLogStore {
  private readonly logs = new Map<string, StoredUpdate[]>();
  private readonly owners = new Map<string, Map<number, string>>();
  private lastSeq = 0;

  constructor(private readonly documents: MemoryDocumentStore) {}

  async append(documentId: string, update: Uint8Array, _userId: string | null): Promise<number> {
    if (!this.documents.has(documentId)) throw new Error('Unknown document.');
    this.lastSeq += 1;
    this.logOf(documentId).push({ seq: this.lastSeq, update: update.slice() });
    return this.lastSeq;
  }

  async appendMany(documentId: string, entries: readonly UpdateLogEntry[]): Promise<number[]> {
    // Checked before anything is appended: all or nothing, as in one transaction.
    if (!this.documents.has(documentId)) throw new Error('Unknown document.');
    const log = this.logOf(documentId);
    return entries.map(({ update }) => {
      this.lastSeq += 1;
      log.push({ seq: this.lastSeq, update: update.slice() });
      return this.lastSeq;
    });
  }

  async load(documentId: string): Promise<StoredUpdate[]> {
    return (this.logs.get(documentId) ?? []).map(({ seq, update }) => ({
      seq,
      update: update.slice(),
    }));
  }

  async compact(documentId: string, upToSeq: number, snapshot: Uint8Array): Promise<void> {
    const log = this.logOf(documentId);
    const replaced = log.filter((entry) => entry.seq <= upToSeq);
    const kept = log.filter((entry) => entry.seq > upToSeq);
    const last = replaced.at(-1);
    if (last === undefined) {
      await this.append(documentId, snapshot, null);
      return;
    }
    this.logs.set(documentId, [{ seq: last.seq, update: snapshot.slice() }, ...kept]);
  }

  async stats(documentId: string): Promise<{ updates: number; bytes: number }> {
    const log = this.logs.get(documentId) ?? [];
    return {
      updates: log.length,
      bytes: log.reduce((total, entry) => total + entry.update.byteLength, 0),
    };
  }

  async clientOwners(documentId: string): Promise<Map<number, string>> {
    return new Map(this.owners.get(documentId));
  }

  async bindClientIds(
    documentId: string,
    clientIds: readonly number[],
    userId: string,
  ): Promise<number[]> {
    let owners = this.owners.get(documentId);
    if (owners === undefined) {
      owners = new Map();
      this.owners.set(documentId, owners);
    }
    const foreign: number[] = [];
    for (const clientId of clientIds) {
      const owner = owners.get(clientId);
      if (owner === undefined) owners.set(clientId, userId);
      else if (owner !== userId) foreign.push(clientId);
    }
    return foreign;
  }

  private logOf(documentId: string): StoredUpdate[] {
    let log = this.logs.get(documentId);
    if (log === undefined) {
      log = [];
      this.logs.set(documentId, log);
    }
    return log;
  }
}
