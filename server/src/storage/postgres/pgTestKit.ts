import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPgStorage, type PgStorage, type PgStorageOptions } from './PgStorage';

/** The test database: trust auth on 127.0.0.1 (scripts/setup.sh), database `test`. */
export const TEST_DATABASE_URL =
  process.env.ACCORD_TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/**
 * Fresh schemas for one test file: each `open` gets an empty schema of its own (as the SQLite
 * tests get a fresh folder), and `dropAll` removes every schema it made.
 */
export function pgSchemas(prefix: string) {
  const fileTag = randomBytes(4).toString('hex');
  const made: string[] = [];
  let counter = 0;

  function fresh(): string {
    counter += 1;
    const schema = `accord_test_${prefix}_${fileTag}_${counter}`;
    made.push(schema);
    return schema;
  }

  return {
    fresh,
    /** Opens the storage in a new, empty schema. */
    open(options: Omit<PgStorageOptions, 'schema'> = {}): Promise<PgStorage> {
      return openPgStorage(TEST_DATABASE_URL, { ...options, schema: fresh() });
    },
    /** Opens the storage in a given schema (a second server on the same database). */
    openIn(schema: string, options: Omit<PgStorageOptions, 'schema'> = {}): Promise<PgStorage> {
      return openPgStorage(TEST_DATABASE_URL, { ...options, schema });
    },
    async dropAll(): Promise<void> {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        for (const schema of made.splice(0)) {
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        }
      } finally {
        await client.end();
      }
    },
  };
}
