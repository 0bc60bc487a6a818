import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '@accord/shared/result';
import Database from 'better-sqlite3';
import type { Storage } from '../storage';
import { migrate } from './migrations';
import { SqliteAuditStore } from './SqliteAuditStore';
import { SqliteClauseChangeStore } from './SqliteClauseChangeStore';
import { SqliteDocumentStore } from './SqliteDocumentStore';
import { SqliteNegotiationStore } from './SqliteNegotiationStore';
import { SqliteRevisionStore } from './SqliteRevisionStore';
import { SqliteSessionStore } from './SqliteSessionStore';
import { SqliteThreadStore } from './SqliteThreadStore';
import { SqliteUpdateLogStore } from './SqliteUpdateLogStore';
import { SqliteUserStore } from './SqliteUserStore';

/** The database file inside the data folder. */
export const DATABASE_FILE = 'accord.sqlite';

/** What opening the database needs to know about the installation (see `MigrationContext`). */
export interface OpenStorageOptions {
  defaultTimeZone: string;
}

/** The outcome of opening the database. */
export type OpenStorageResult = Result<SqliteStorage, string>;

/** Storage in one SQLite database (WAL) inside the data folder. */
export class SqliteStorage implements Storage {
  readonly users: SqliteUserStore;
  readonly sessions: SqliteSessionStore;
  readonly negotiations: SqliteNegotiationStore;
  readonly documents: SqliteDocumentStore;
  readonly updates: SqliteUpdateLogStore;
  readonly clauseChanges: SqliteClauseChangeStore;
  readonly threads: SqliteThreadStore;
  readonly audit: SqliteAuditStore;
  readonly revisions: SqliteRevisionStore;

  private readonly readAccessVersion: Database.Statement<[], number>;

  private constructor(private readonly db: Database.Database) {
    this.readAccessVersion = db
      .prepare<[], number>('SELECT version FROM access_version WHERE id = 1')
      .pluck();
    this.users = new SqliteUserStore(db);
    this.sessions = new SqliteSessionStore(db);
    this.negotiations = new SqliteNegotiationStore(db);
    this.documents = new SqliteDocumentStore(db);
    this.updates = new SqliteUpdateLogStore(db);
    this.clauseChanges = new SqliteClauseChangeStore(db);
    this.threads = new SqliteThreadStore(db);
    this.audit = new SqliteAuditStore(db);
    this.revisions = new SqliteRevisionStore(db);
  }

  /** Opens (creating if needed) the database in `dataDir` and brings its schema up to date. */
  static open(dataDir: string, options: OpenStorageOptions): OpenStorageResult {
    let db: Database.Database;
    try {
      mkdirSync(dataDir, { recursive: true });
      db = new Database(join(dataDir, DATABASE_FILE));
    } catch (error) {
      return { ok: false, error: `Cannot open the database in ${dataDir}: ${String(error)}` };
    }
    try {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL syncs at checkpoints, not at every commit: a committed transaction
      // survives a crash of the process (it is in the WAL file, handed to the OS); only a power
      // loss or OS crash could lose the last commits. That is the durability SPEC S5 asks for.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // Another process (the admin CLI) may hold the write lock briefly; wait rather than fail.
      db.pragma('busy_timeout = 5000');
      const migrated = migrate(db, { defaultTimeZone: options.defaultTimeZone });
      if (!migrated.ok) {
        db.close();
        return migrated;
      }
      return { ok: true, value: new SqliteStorage(db) };
    } catch (error) {
      db.close();
      return { ok: false, error: `Cannot prepare the database in ${dataDir}: ${String(error)}` };
    }
  }

  /** The connection's durability settings, for diagnostics and tests. */
  settings(): {
    journalMode: string;
    synchronous: number;
    foreignKeys: number;
    busyTimeout: number;
  } {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
      foreignKeys: Number(this.db.pragma('foreign_keys', { simple: true })),
      busyTimeout: Number(this.db.pragma('busy_timeout', { simple: true })),
    };
  }

  async accessVersion(): Promise<number> {
    return this.readAccessVersion.get() ?? 0;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
