import pg from 'pg';

/** Anything a query can be sent to: the pool (one statement, autocommit) or a checked-out client. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

const INT8_OID = 20;

/**
 * Type parsers of this pool only (not pg's process-wide defaults): `bigint` columns (ids,
 * sequence numbers, milliseconds since the epoch, COUNT and SUM results) come back as numbers,
 * as the Storage interfaces say. Every such value stays far below 2^53.
 */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** A schema name we accept: plain lowercase identifiers only, so it never needs quoting. */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`Invalid PostgreSQL schema name "${schema}" (lowercase letters, digits, _)`);
  }
  return schema;
}

/** A pool whose every connection resolves unqualified names in `schema` (and pg_catalog). */
export function createPool(url: string, schema: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    options: `-c search_path=${checkSchemaName(schema)}`,
    types: TYPES,
    max,
  });
  // An idle client that loses its connection (server restart) must not crash the process;
  // the pool discards it and the next query opens a new one.
  pool.on('error', (error) => {
    console.error(`PostgreSQL: idle connection failed: ${error.message}`);
  });
  return pool;
}

/**
 * Runs `work` in one transaction on one checked-out client: COMMIT when it resolves (the
 * promise resolves only once the commit did), ROLLBACK when it throws (and rethrows).
 */
export async function transaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection itself is gone: do not give it back to the pool.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Copies a bytea value out of pg's Buffer into a plain Uint8Array, as the interfaces promise. */
export function bytesOf(value: Buffer): Uint8Array {
  return new Uint8Array(value);
}

/** A view of the bytes as a Buffer (no copy), which pg sends as bytea. */
export function byteaOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Locks a draft's row until the transaction ends, so that writes to one draft's log are
 * serialized: a sequence number taken after the lock is larger than every one already
 * committed for the draft (a compaction up to a seq it has seen never removes an update it has
 * not). FOR NO KEY UPDATE does not block foreign-key checks of other tables' inserts.
 */
export async function lockDocument(client: Queryable, documentId: string): Promise<boolean> {
  const result = await client.query('SELECT 1 FROM documents WHERE id = $1 FOR NO KEY UPDATE', [
    documentId,
  ]);
  return (result.rowCount ?? 0) > 0;
}
