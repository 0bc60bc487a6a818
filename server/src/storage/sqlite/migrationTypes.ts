import type Database from 'better-sqlite3';

/** What a migration may need to know about the installation it runs in. */
export interface MigrationContext {
  /** The time zone of negotiations that never chose one: `ACCORD_TIME_ZONE` or the host's. */
  defaultTimeZone: string;
}

/** One step of the schema; applied once, in order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Fills the new schema from values only the running installation knows, in the same transaction. */
  fill?: (db: Database.Database, context: MigrationContext) => void;
}
