import type Database from 'better-sqlite3';
import { ACCESS_VERSION_MIGRATION, USER_LOCALE_MIGRATION } from './migrationAccess';
import { REVISIONS_MIGRATION } from './migrationRevisions';
import type { Migration, MigrationContext } from './migrationTypes';

export type { Migration, MigrationContext } from './migrationTypes';

/** The schema's history. Append new steps; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_user ON sessions(user_id);

      CREATE TABLE negotiations (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        venue TEXT NOT NULL,
        starts_on TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE memberships (
        negotiation_id TEXT NOT NULL REFERENCES negotiations(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        delegation TEXT NOT NULL,
        role TEXT NOT NULL,
        PRIMARY KEY (negotiation_id, user_id)
      ) STRICT;
      CREATE INDEX memberships_by_user ON memberships(user_id);

      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        negotiation_id TEXT NOT NULL REFERENCES negotiations(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX documents_by_negotiation ON documents(negotiation_id);

      CREATE TABLE document_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        "update" BLOB NOT NULL,
        user_id TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL
      );
      CREATE INDEX document_updates_by_document ON document_updates(document_id, seq);

      CREATE TABLE client_ids (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        client_id INTEGER NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id),
        PRIMARY KEY (document_id, client_id)
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'clause history; client ids of the server',
    sql: `
      -- A NULL user_id binds a client id to the server itself (SERVER_AUTHOR), which writes
      -- server-authoritative clause state into the document. SQLite cannot relax a column
      -- constraint in place, so the table is rebuilt.
      CREATE TABLE client_ids_v2 (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        client_id INTEGER NOT NULL,
        user_id TEXT REFERENCES users(id),
        PRIMARY KEY (document_id, client_id)
      ) STRICT;
      INSERT INTO client_ids_v2 (document_id, client_id, user_id)
        SELECT document_id, client_id, user_id FROM client_ids;
      DROP TABLE client_ids;
      ALTER TABLE client_ids_v2 RENAME TO client_ids;

      CREATE TABLE clause_changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        clause_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id),
        delegation TEXT NOT NULL,
        at INTEGER NOT NULL,
        text_before TEXT NOT NULL,
        text_after TEXT NOT NULL
      );
      CREATE INDEX clause_changes_by_clause ON clause_changes(document_id, clause_id, id);
    `,
  },
  {
    version: 3,
    name: 'clause history events',
    sql: `
      -- JSON of a ClauseHistoryEvent (deleted, alternative proposed or chosen…); NULL for an edit.
      ALTER TABLE clause_changes ADD COLUMN event TEXT;
    `,
  },
  {
    version: 4,
    name: 'audit log',
    sql: `
      -- Append-only, hash-chained per negotiation (AuditLog). No foreign key on user_id: an
      -- entry must outlive anything it mentions, and the admin tool writes entries with none.
      CREATE TABLE audit_log (
        negotiation_id TEXT NOT NULL REFERENCES negotiations(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        document_id TEXT,
        at INTEGER NOT NULL,
        user_id TEXT,
        delegation TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (negotiation_id, seq)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'comment threads',
    sql: `
      -- Threads live here, never in the Yjs document: a private thread and its anchor must not
      -- reach another delegation by any route (SPEC P1, P4).
      CREATE TABLE threads (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        clause_id TEXT NOT NULL,
        visibility TEXT NOT NULL CHECK (visibility IN ('public', 'private')),
        delegation TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL,
        anchor_start TEXT NOT NULL,
        anchor_end TEXT NOT NULL,
        quote TEXT NOT NULL,
        resolved_by TEXT REFERENCES users(id),
        resolved_at INTEGER
      ) STRICT;
      CREATE INDEX threads_by_document ON threads(document_id, created_at);

      CREATE TABLE thread_messages (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        author_id TEXT NOT NULL REFERENCES users(id),
        delegation TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        edited_at INTEGER,
        deleted_at INTEGER,
        hidden_by TEXT REFERENCES users(id),
        hidden_reason TEXT,
        hidden_at INTEGER
      );
      CREATE INDEX thread_messages_by_thread ON thread_messages(thread_id, seq);

      CREATE TABLE thread_reads (
        thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (thread_id, user_id)
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'negotiation time zone',
    sql: `
      -- An IANA name (parseTimeZone); every time of the negotiation is shown in it.
      ALTER TABLE negotiations ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
    `,
    // Negotiations that predate the setting take the installation's zone, as new ones do.
    fill: (db, context) => {
      db.prepare('UPDATE negotiations SET time_zone = ?').run(context.defaultTimeZone);
    },
  },
  REVISIONS_MIGRATION,
  ACCESS_VERSION_MIGRATION,
  USER_LOCALE_MIGRATION,
];

/** The outcome of bringing a database up to date. */
export type MigrationResult =
  | { ok: true; value: { from: number; to: number } }
  | { ok: false; error: string };

/** The schema version recorded in the database (0 for a new one). */
export function currentSchemaVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as
    | { version: number | null }
    | undefined;
  return row?.version ?? 0;
}

/**
 * Applies every pending migration, each in its own transaction. Refuses a database written by
 * newer code: running old code on it could corrupt data the old code does not know about.
 */
export function migrate(
  db: Database.Database,
  context: MigrationContext,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const from = currentSchemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    return {
      ok: false,
      error: `The database has schema version ${from}, newer than this version of Accord supports (${latest}). Upgrade Accord or use another data folder.`,
    };
  }
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.fill?.(db, context);
      record.run(migration.version, migration.name, Date.now());
    })();
  }
  return { ok: true, value: { from, to: Math.max(from, latest) } };
}
