import type pg from 'pg';
import type { Storage } from '../storage';
import { DocumentLeases } from './DocumentLeases';
import type { Fence } from './fencing';
import { PgSessionStore, PgUserStore } from './PgAccountStores';
import { PgAuditStore } from './PgAuditStore';
import { PgClauseChangeStore } from './PgClauseChangeStore';
import { PgDocumentStore, PgNegotiationStore } from './PgNegotiationStore';
import { PgRevisionStore } from './PgRevisionStore';
import { PgThreadStore } from './PgThreadStore';
import { PgUpdateLogStore } from './PgUpdateLogStore';
import { createPool } from './pgDb';
import { migratePg } from './pgMigrations';

export { type AcquireResult, DocumentLeases, type LeaseHolder } from './DocumentLeases';
export { type Fence, FencedError } from './fencing';

/** How to open the PostgreSQL storage. */
export interface PgStorageOptions {
  /** The schema that holds Accord's tables (created if missing); `public` by default. */
  schema?: string;
  /**
   * When set, every write to a draft's update log (append, compact, bindClientIds) first
   * checks, in its own transaction, that this process holds the draft's lease at the epoch
   * the fence says, and throws `FencedError` otherwise (issue 19).
   */
  fence?: Fence;
  /** Most connections the pool opens (10 by default). */
  maxConnections?: number;
}

/** Storage in a PostgreSQL database, shared by any number of servers (issue 19). */
export class PgStorage implements Storage {
  readonly users: PgUserStore;
  readonly sessions: PgSessionStore;
  readonly negotiations: PgNegotiationStore;
  readonly documents: PgDocumentStore;
  readonly updates: PgUpdateLogStore;
  readonly clauseChanges: PgClauseChangeStore;
  readonly threads: PgThreadStore;
  readonly audit: PgAuditStore;
  readonly revisions: PgRevisionStore;
  /** The drafts' leases, in the same database. */
  readonly leases: DocumentLeases;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    readonly schema: string,
    fence: Fence | undefined,
  ) {
    this.users = new PgUserStore(pool);
    this.sessions = new PgSessionStore(pool);
    this.negotiations = new PgNegotiationStore(pool);
    this.documents = new PgDocumentStore(pool);
    this.updates = new PgUpdateLogStore(pool, fence);
    this.clauseChanges = new PgClauseChangeStore(pool);
    this.threads = new PgThreadStore(pool);
    this.audit = new PgAuditStore(pool);
    this.revisions = new PgRevisionStore(pool);
    this.leases = new DocumentLeases(pool);
  }

  async accessVersion(): Promise<number> {
    const result = await this.pool.query<{ version: number }>(
      'SELECT version FROM access_version WHERE id = 1',
    );
    return result.rows[0]?.version ?? 0;
  }

  /** Waits for queries in flight, then closes every connection. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/**
 * Connects to `url` (a postgres:// URL), brings the schema up to date (once, even when several
 * servers start together) and returns the storage. Rejects when the database cannot be
 * reached or its schema is newer than this code.
 */
export async function openPgStorage(
  url: string,
  options: PgStorageOptions = {},
): Promise<PgStorage> {
  const schema = options.schema ?? 'public';
  const pool = createPool(url, schema, options.maxConnections);
  try {
    const migrated = await migratePg(pool, schema);
    if (!migrated.ok) throw new Error(migrated.error);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PgStorage(pool, schema, options.fence);
}
