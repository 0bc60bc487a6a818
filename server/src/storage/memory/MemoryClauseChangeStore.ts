import type { ClauseChangeRecord, ClauseChangeStore } from '../storage';
import type { MemoryUserStore } from './MemoryAccountStores';
import type { MemoryDocumentStore } from './MemoryDocumentStores';

/** The history of clause texts in memory; ids are global and increasing, like SQLite's. */
export class MemoryClauseChangeStore implements ClauseChangeStore {
  private readonly records: ClauseChangeRecord[] = [];
  private lastId = 0;

  constructor(
    private readonly documents: MemoryDocumentStore,
    private readonly users: MemoryUserStore,
  ) {}

  async append(change: Omit<ClauseChangeRecord, 'id'>): Promise<ClauseChangeRecord> {
    if (!this.documents.has(change.documentId)) throw new Error('Unknown document.');
    if (!this.users.has(change.userId)) throw new Error('Unknown user.');
    this.lastId += 1;
    const record = { id: this.lastId, ...change };
    this.records.push(record);
    return { ...record };
  }

  async amend(
    id: number,
    change: Pick<ClauseChangeRecord, 'seq' | 'at' | 'textAfter'>,
  ): Promise<void> {
    const record = this.records.find((candidate) => candidate.id === id);
    if (record !== undefined) Object.assign(record, change);
  }

  async latest(documentId: string, clauseId: string): Promise<ClauseChangeRecord | undefined> {
    return (await this.list(documentId, clauseId))[0];
  }

  async list(documentId: string, clauseId: string): Promise<ClauseChangeRecord[]> {
    return this.records
      .filter((record) => record.documentId === documentId && record.clauseId === clauseId)
      .reverse()
      .map((record) => ({ ...record }));
  }

  async latestOfEachClause(documentId: string): Promise<ClauseChangeRecord[]> {
    const seen = new Set<string>();
    const latest: ClauseChangeRecord[] = [];
    for (let index = this.records.length - 1; index >= 0; index--) {
      const record = this.records[index]!;
      if (record.documentId !== documentId || seen.has(record.clauseId)) continue;
      seen.add(record.clauseId);
      latest.push({ ...record });
    }
    return latest;
  }
}
