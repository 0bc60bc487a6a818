import type { Result } from '@accord/shared/result';
import type { DatabaseConfig } from '../serviceConfig';
import { type Fence, openPgStorage, type PgStorage } from './postgres/PgStorage';
import { SqliteStorage } from './sqlite/SqliteStorage';
import type { Storage } from './storage';

/** Where the data lives, as the configuration says. */
export interface StorageChoice {
  /** The SQLite folder, used when `database` is null. */
  dataDir: string;
  defaultTimeZone: string;
  /** PostgreSQL, or null for the embedded SQLite. */
  database: DatabaseConfig | null;
}

/** An opened storage; `postgres` is set when it is PostgreSQL (its leases serve a cluster). */
export interface OpenedStorage {
  storage: Storage;
  postgres: PgStorage | null;
}

/**
 * Opens the configured storage: SQLite in the data folder by default, or PostgreSQL. With a
 * fence (several servers), every write to a draft's update log checks this server's lease.
 * Answers a sentence naming the database when it cannot be opened; nothing is thrown.
 */
export async function openStorage(
  choice: StorageChoice,
  fence?: Fence,
): Promise<Result<OpenedStorage, string>> {
  if (choice.database === null) {
    const opened = SqliteStorage.open(choice.dataDir, { defaultTimeZone: choice.defaultTimeZone });
    return opened.ok ? { ok: true, value: { storage: opened.value, postgres: null } } : opened;
  }
  const { url, schema } = choice.database;
  try {
    const storage = await openPgStorage(url, { schema, ...(fence ? { fence } : {}) });
    return { ok: true, value: { storage, postgres: storage } };
  } catch (error) {
    return {
      ok: false,
      error: `Cannot open the PostgreSQL database at ${redacted(url)} (schema ${schema}): ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** The URL without its password, for messages. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
