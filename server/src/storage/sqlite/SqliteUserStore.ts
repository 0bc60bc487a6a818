import type { Locale } from '@accord/shared/i18n/locales';
import type Database from 'better-sqlite3';
import { toUser, type UserRow } from '../rows/accountRows';
import type { UserRecord, UserStore } from '../storage';

/** SQLite has no boolean: `disabled` is stored as 0 or 1 (written so by `setDisabled`). */
function toUserFromSqlite(row: UserRow<number>): UserRecord {
  return toUser({ ...row, disabled: row.disabled !== 0 });
}

/** Users in SQLite. */
export class SqliteUserStore implements UserStore {
  private readonly insert: Database.Statement<[string, string, string, string, number]>;
  private readonly selectById: Database.Statement<[string], UserRow<number>>;
  private readonly selectByUsername: Database.Statement<[string], UserRow<number>>;
  private readonly selectAll: Database.Statement<[], UserRow<number>>;
  private readonly updatePassword: Database.Statement<[string, string]>;
  private readonly updateDisabled: Database.Statement<[number, string]>;
  private readonly updateLocale: Database.Statement<[string | null, string]>;
  private readonly selectCount: Database.Statement<[], { count: number }>;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectById = db.prepare('SELECT * FROM users WHERE id = ?');
    this.selectByUsername = db.prepare('SELECT * FROM users WHERE username = ?');
    this.selectAll = db.prepare('SELECT * FROM users ORDER BY username');
    this.updatePassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
    this.updateDisabled = db.prepare('UPDATE users SET disabled = ? WHERE id = ?');
    this.updateLocale = db.prepare('UPDATE users SET locale = ? WHERE id = ?');
    this.selectCount = db.prepare('SELECT COUNT(*) AS count FROM users');
  }

  async create(user: Omit<UserRecord, 'createdAt' | 'disabled' | 'locale'>): Promise<UserRecord> {
    const createdAt = Date.now();
    this.insert.run(user.id, user.username, user.displayName, user.passwordHash, createdAt);
    return { ...user, disabled: false, createdAt, locale: null };
  }

  async byId(id: string): Promise<UserRecord | undefined> {
    const row = this.selectById.get(id);
    return row && toUserFromSqlite(row);
  }

  async byUsername(username: string): Promise<UserRecord | undefined> {
    const row = this.selectByUsername.get(username);
    return row && toUserFromSqlite(row);
  }

  async list(): Promise<UserRecord[]> {
    return this.selectAll.all().map(toUserFromSqlite);
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    this.updatePassword.run(passwordHash, id);
  }

  async setDisabled(id: string, disabled: boolean): Promise<void> {
    this.updateDisabled.run(disabled ? 1 : 0, id);
  }

  async setLocale(id: string, locale: Locale | null): Promise<void> {
    this.updateLocale.run(locale, id);
  }

  async count(): Promise<number> {
    return this.selectCount.get()?.count ?? 0;
  }
}
