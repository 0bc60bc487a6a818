import type { ClauseChangeRecord, ClauseChangeStore, DocumentStore, UserStore } from '../storage';

/** The history of clause texts in memory; ids are global and increasing, like SQLite's. */
export class MemoryClauseChangeStore implements ClauseChangeStore {
  private readonly records: ClauseChangeRecord[] = [];
  private lastId = 0;

  constructor(
    private readonly documents: DocumentStore,
    private readonly users: UserStore,
  ) {}

  append(change: Omit<ClauseChangeRecord, 'id'>): ClauseChangeRecord {
    if (this.documents.byId(change.documentId) === undefined) throw new Error('Unknown document.');
    if (this.users.byId(change.userId) === undefined) throw new Error('Unknown user.');
    this.lastId += 1;
    const record = { id: this.lastId, ...change };
    this.records.push(record);
    return { ...record };
  }

  amend(id: number, change: Pick<ClauseChangeRecord, 'seq' | 'at' | 'textAfter'>): void {
    const record = this.records.find((candidate) => candidate.id === id);
    if (record !== undefined) Object.assign(record, change);
  }

  latest(documentId: string, clauseId: string): ClauseChangeRecord | undefined {
    return this.list(documentId, clauseId)[0];
  }

  list(documentId: string, clauseId: string): ClauseChangeRecord[] {
    return this.records
      .filter((record) => record.documentId === documentId && record.clauseId === clauseId)
      .reverse()
      .map((record) => ({ ...record }));
  }

  latestOfEachClause(documentId: string): ClauseChangeRecord[] {
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
