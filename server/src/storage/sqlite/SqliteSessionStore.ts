import type Database from 'better-sqlite3';
import { type SessionRow, toSession } from '../rows/accountRows';
import type { SessionRecord, SessionStore } from '../storage';

/** Sessions in SQLite (only the SHA-256 of each token is stored). */
export class SqliteSessionStore implements SessionStore {
  private readonly insert: Database.Statement<[string, string, number]>;
  private readonly selectById: Database.Statement<[string], SessionRow>;
  private readonly updateExpiry: Database.Statement<[number, string]>;
  private readonly deleteById: Database.Statement<[string]>;
  private readonly deleteByUser: Database.Statement<[string]>;
  private readonly deleteBefore: Database.Statement<[number]>;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)');
    this.selectById = db.prepare('SELECT * FROM sessions WHERE id = ?');
    this.updateExpiry = db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?');
    this.deleteById = db.prepare('DELETE FROM sessions WHERE id = ?');
    this.deleteByUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
    this.deleteBefore = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  }

  async create(session: SessionRecord): Promise<void> {
    this.insert.run(session.id, session.userId, session.expiresAt);
  }

  async byId(id: string): Promise<SessionRecord | undefined> {
    const row = this.selectById.get(id);
    return row && toSession(row);
  }

  async setExpiry(id: string, expiresAt: number): Promise<void> {
    this.updateExpiry.run(expiresAt, id);
  }

  async delete(id: string): Promise<void> {
    this.deleteById.run(id);
  }

  async deleteForUser(userId: string): Promise<void> {
    this.deleteByUser.run(userId);
  }

  async deleteExpired(now: number): Promise<number> {
    return this.deleteBefore.run(now).changes;
  }
}
