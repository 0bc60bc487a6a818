import type Database from 'better-sqlite3';
import { type DocumentRow, toDocument } from '../rows/documentRows';
import type { DocumentRecord, DocumentStore } from '../storage';

/** Documents' metadata in SQLite. */
export class SqliteDocumentStore implements DocumentStore {
  private readonly insert: Database.Statement<[string, string, string, number, number]>;
  private readonly selectById: Database.Statement<[string], DocumentRow>;
  private readonly selectByNegotiation: Database.Statement<[string], DocumentRow>;
  private readonly updateTouched: Database.Statement<[number, string]>;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO documents (id, negotiation_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectById = db.prepare('SELECT * FROM documents WHERE id = ?');
    this.selectByNegotiation = db.prepare(
      'SELECT * FROM documents WHERE negotiation_id = ? ORDER BY created_at, id',
    );
    this.updateTouched = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
  }

  async create(document: Omit<DocumentRecord, 'createdAt' | 'updatedAt'>): Promise<DocumentRecord> {
    const now = Date.now();
    this.insert.run(document.id, document.negotiationId, document.title, now, now);
    return { ...document, createdAt: now, updatedAt: now };
  }

  async byId(id: string): Promise<DocumentRecord | undefined> {
    const row = this.selectById.get(id);
    return row && toDocument(row);
  }

  async listByNegotiation(negotiationId: string): Promise<DocumentRecord[]> {
    return this.selectByNegotiation.all(negotiationId).map(toDocument);
  }

  async touch(id: string, at: number): Promise<void> {
    this.updateTouched.run(at, id);
  }
}
