import type pg from 'pg';
import { checkSchemaName, transaction } from './pgDb';
import { PG_MIGRATIONS, type PgMigration } from './pgSchema';

export { PG_MIGRATIONS, type PgMigration } from './pgSchema';

/** The outcome of bringing a schema up to date. */
export type PgMigrationResult =
  | { ok: true; value: { from: number; to: number } }
  | { ok: false; error: string };

/** Distinguishes Accord's advisory locks from anyone else's in the same database. */
const MIGRATION_LOCK_CLASS = 0x4143; // "AC"

/**
 * Creates the schema if needed and applies every pending step, all in one transaction that
 * first takes a transaction-scoped advisory lock on the schema's name: servers starting
 * together queue here, and the second one finds the work done. Refuses a schema written by
 * newer code, as the SQLite storage does.
 */
export async function migratePg(
  pool: pg.Pool,
  schema: string,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<PgMigrationResult> {
  checkSchemaName(schema);
  return transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      MIGRATION_LOCK_CLASS,
      `accord-migrate:${schema}`,
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET LOCAL search_path TO ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at bigint NOT NULL
    )`);
    const current = await client.query<{ version: number | null }>(
      'SELECT MAX(version) AS version FROM schema_migrations',
    );
    const from = current.rows[0]?.version ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (from > latest) {
      return {
        ok: false as const,
        error: `The database schema "${schema}" has version ${from}, newer than this version of Accord supports (${latest}). Upgrade Accord or use another schema.`,
      };
    }
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      await client.query(migration.sql);
      await client.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, Date.now()],
      );
    }
    return { ok: true as const, value: { from, to: Math.max(from, latest) } };
  });
}
