import { join } from 'node:path';
import { schema, upsertQuery } from '@hocuspocus/extension-sqlite';
import Database from 'better-sqlite3';

/** The database file of Hocuspocus' SQLite extension inside a launch's data folder. */
export function hocuspocusDbFile(dataDir: string): string {
  return join(dataDir, 'hocuspocus.sqlite');
}

/**
 * Writes document states into the extension's own table with its own schema and upsert, as if
 * a previous run of Hocuspocus had stored them.
 */
export function writeHocuspocusDocuments(
  file: string,
  documents: ReadonlyMap<string, Uint8Array>,
): void {
  const db = new Database(file);
  try {
    db.exec(schema);
    const upsert = db.prepare(upsertQuery);
    db.transaction(() => {
      for (const [name, state] of documents) upsert.run({ name, data: Buffer.from(state) });
    })();
  } finally {
    db.close();
  }
}
