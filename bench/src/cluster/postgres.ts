import { randomBytes } from 'node:crypto';
import { createPool } from '@accord/server/src/storage/postgres/pgDb';

/**
 * The PostgreSQL and Redis that Accord's cluster configurations run on (issue 19): the
 * machine's own, on loopback (scripts/setup.sh starts them), unless the environment names others.
 */
export const BENCH_DATABASE_URL =
  process.env.ACCORD_BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
export const BENCH_REDIS_URL = process.env.ACCORD_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A fresh schema name for one run (Accord creates the schema when it first opens it). */
export function freshSchema(tag: string): string {
  return `accord_bench_${tag.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
}

/** Drops a run's schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const pool = createPool(BENCH_DATABASE_URL, 'public', 1);
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await pool.end();
  }
}

/**
 * The HTTP URL of the server holding a live lease on the draft (`<server id> <http url>` in
 * `document_leases`) and the lease's time left by the database's clock, or null when nobody
 * holds one.
 */
export async function leaseHolder(
  schema: string,
  documentId: string,
): Promise<{ url: string; leftMs: number } | null> {
  const pool = createPool(BENCH_DATABASE_URL, schema, 1);
  try {
    const result = await pool.query<{ owner: string | null; left_ms: number }>(
      `SELECT owner, (extract(epoch FROM lease_until - now()) * 1000)::float8 AS left_ms
       FROM document_leases WHERE document_id = $1 AND lease_until > now()`,
      [documentId],
    );
    const row = result.rows[0];
    if (!row?.owner) return null;
    return { url: row.owner.slice(row.owner.indexOf(' ') + 1), leftMs: Number(row.left_ms) };
  } finally {
    await pool.end();
  }
}

/** The environment of an Accord child on PostgreSQL, with Redis (a cluster) when `leaseMs` is set. */
export function accordPgEnv(
  schema: string,
  cluster: { leaseMs: number } | null,
): Record<string, string> {
  return {
    ACCORD_DATABASE_URL: BENCH_DATABASE_URL,
    ACCORD_DATABASE_SCHEMA: schema,
    ...(cluster
      ? { ACCORD_REDIS_URL: BENCH_REDIS_URL, ACCORD_LEASE_MS: String(cluster.leaseMs) }
      : {}),
  };
}
