import { join } from 'node:path';
import { Database as DatabaseExtension } from '@hocuspocus/extension-database';
import Database from 'better-sqlite3';

/**
 * Hocuspocus's storage in the benchmark: its Database extension (`fetch` the stored state,
 * `store` the whole state after its debounce) over better-sqlite3, which Accord compiles anyway.
 * The table, query and upsert are those of `@hocuspocus/extension-sqlite`, which stores the same
 * way over `sqlite3`; that package is not used so that setting up Accord compiles no second
 * SQLite. Same pragmas as Accord's database (WAL, synchronous NORMAL), so both servers pay the
 * same for a write.
 */
const SCHEMA = `CREATE TABLE IF NOT EXISTS "documents" (
  "name" varchar(255) NOT NULL,
  "data" blob NOT NULL,
  UNIQUE(name)
)`;
const SELECT = `SELECT data FROM "documents" WHERE name = $name ORDER BY rowid DESC`;
const UPSERT = `INSERT INTO "documents" ("name", "data") VALUES ($name, $data)
  ON CONFLICT(name) DO UPDATE SET data = $data`;

/** The database file of Hocuspocus's store inside a launch's data folder. */
export function hocuspocusDbFile(dataDir: string): string {
  return join(dataDir, 'hocuspocus.sqlite');
}

function openStore(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  return db;
}

/** The Database extension of a Hocuspocus server storing in `file`, and how to close it. */
export function hocuspocusStore(file: string): { extension: DatabaseExtension; close(): void } {
  const db = openStore(file);
  const select = db.prepare<{ name: string }, { data: Buffer }>(SELECT);
  const upsert = db.prepare<{ name: string; data: Buffer }>(UPSERT);
  const extension = new DatabaseExtension({
    fetch: async ({ documentName }) => {
      const row = select.get({ name: documentName });
      return row === undefined ? null : new Uint8Array(row.data);
    },
    store: async ({ documentName, state }) => {
      upsert.run({ name: documentName, data: state });
    },
  });
  return { extension, close: () => db.close() };
}

/** Writes document states into the store's table, as if a previous run had stored them. */
export function writeHocuspocusDocuments(
  file: string,
  documents: ReadonlyMap<string, Uint8Array>,
): void {
  const db = openStore(file);
  try {
    const upsert = db.prepare<{ name: string; data: Buffer }>(UPSERT);
    db.transaction(() => {
      for (const [name, state] of documents) upsert.run({ name, data: Buffer.from(state) });
    })();
  } finally {
    db.close();
  }
}
