import type Database from 'better-sqlite3';
import {
  type ClauseChangeRow,
  type ClauseChangeValues,
  clauseChangeValues,
  toClauseChange,
} from '../rows/clauseChangeRows';
import type { ClauseChangeRecord, ClauseChangeStore } from '../storage';

/** The history of clause texts in SQLite. */
export class SqliteClauseChangeStore implements ClauseChangeStore {
  private readonly insert: Database.Statement<ClauseChangeValues>;
  private readonly update: Database.Statement<[number, number, string, number]>;
  private readonly selectLatest: Database.Statement<[string, string], ClauseChangeRow>;
  private readonly selectAll: Database.Statement<[string, string], ClauseChangeRow>;
  private readonly selectLatestOfEach: Database.Statement<[string, string], ClauseChangeRow>;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO clause_changes
         (document_id, clause_id, seq, user_id, delegation, at, text_before, text_after, event)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.update = db.prepare(
      'UPDATE clause_changes SET seq = ?, at = ?, text_after = ? WHERE id = ?',
    );
    this.selectLatest = db.prepare(
      `SELECT * FROM clause_changes WHERE document_id = ? AND clause_id = ?
       ORDER BY id DESC LIMIT 1`,
    );
    this.selectAll = db.prepare(
      'SELECT * FROM clause_changes WHERE document_id = ? AND clause_id = ? ORDER BY id DESC',
    );
    this.selectLatestOfEach = db.prepare(
      `SELECT * FROM clause_changes WHERE document_id = ? AND id IN (
         SELECT MAX(id) FROM clause_changes WHERE document_id = ? GROUP BY clause_id
       ) ORDER BY id DESC`,
    );
  }

  async append(change: Omit<ClauseChangeRecord, 'id'>): Promise<ClauseChangeRecord> {
    const result = this.insert.run(...clauseChangeValues(change));
    return { id: Number(result.lastInsertRowid), ...change };
  }

  async amend(
    id: number,
    change: Pick<ClauseChangeRecord, 'seq' | 'at' | 'textAfter'>,
  ): Promise<void> {
    this.update.run(change.seq, change.at, change.textAfter, id);
  }

  async latest(documentId: string, clauseId: string): Promise<ClauseChangeRecord | undefined> {
    const row = this.selectLatest.get(documentId, clauseId);
    return row && toClauseChange(row);
  }

  async list(documentId: string, clauseId: string): Promise<ClauseChangeRecord[]> {
    return this.selectAll.all(documentId, clauseId).map(toClauseChange);
  }

  async latestOfEachClause(documentId: string): Promise<ClauseChangeRecord[]> {
    return this.selectLatestOfEach.all(documentId, documentId).map(toClauseChange);
  }
}
