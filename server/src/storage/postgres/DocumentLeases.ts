import type pg from 'pg';
import type { Queryable } from './pgDb';

/** The outcome of trying to take a draft's lease. */
export type AcquireResult = { epoch: number } | { heldBy: string; until: number };

/** Who holds a draft's lease now. */
export interface LeaseHolder {
  owner: string;
  epoch: number;
  /** Milliseconds since the epoch, by the database's clock. */
  until: number;
}

/** Milliseconds since the epoch of a timestamptz expression, as a bigint (parsed to number). */
const MS = (column: string) => `(extract(epoch FROM ${column}) * 1000)::bigint`;

/**
 * One authority per draft (issue 19): a time-limited lease in `document_leases`, with an
 * epoch that serves as fencing token. Every time is read from the database's clock (now()),
 * so servers whose clocks disagree still agree on expiry. Owners must be unique per process
 * (e.g. host, pid and a random part): two processes with one name would share a lease.
 */
export class DocumentLeases {
  constructor(private readonly db: Queryable | pg.Pool) {}

  /**
   * Takes the lease if it is free, expired, or already ours (then it is extended). Taking it
   * from anyone else, or after a release or expiry, moves the epoch: whatever the previous
   * holder still tries to write under the old epoch is refused (FencedError). A takeover waits
   * for a fenced write in flight, which holds the lease row's lock. Of concurrent callers
   * exactly one wins; the others learn who holds it.
   */
  async acquire(documentId: string, owner: string, ttlMs: number): Promise<AcquireResult> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const taken = await this.db.query<{ epoch: number }>(
        `INSERT INTO document_leases AS l (document_id, owner, epoch, lease_until)
         VALUES ($1, $2, 1, now() + $3::float8 * interval '1 millisecond')
         ON CONFLICT (document_id) DO UPDATE SET
           owner = excluded.owner,
           lease_until = excluded.lease_until,
           epoch = CASE WHEN l.owner = excluded.owner AND l.lease_until > now()
                        THEN l.epoch ELSE l.epoch + 1 END
         WHERE l.owner IS NULL OR l.lease_until <= now() OR l.owner = excluded.owner
         RETURNING l.epoch`,
        [documentId, owner, ttlMs],
      );
      const epoch = taken.rows[0]?.epoch;
      if (epoch !== undefined) return { epoch };
      const holder = await this.holder(documentId);
      // Released or expired between the two statements: try again.
      if (holder !== null) return { heldBy: holder.owner, until: holder.until };
    }
    throw new Error(`The lease of draft ${documentId} keeps changing hands; try again later`);
  }

  /**
   * Extends our lease by `ttlMs` from now. False when the lease is no longer ours at that
   * epoch (taken over or released): the caller must stop writing and unload the draft. A
   * lease that expired but that nobody took is still ours to renew: its epoch did not move,
   * so no one else can have written.
   */
  async renew(documentId: string, owner: string, epoch: number, ttlMs: number): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE document_leases SET lease_until = now() + $4::float8 * interval '1 millisecond'
       WHERE document_id = $1 AND owner = $2 AND epoch = $3`,
      [documentId, owner, epoch, ttlMs],
    );
    return result.rowCount === 1;
  }

  /**
   * Gives the lease up (at once, rather than at expiry). The row and its epoch stay, so the
   * next holder's epoch is larger than every earlier one. True when it was ours to release.
   */
  async release(documentId: string, owner: string, epoch: number): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE document_leases SET owner = NULL, lease_until = now()
       WHERE document_id = $1 AND owner = $2 AND epoch = $3`,
      [documentId, owner, epoch],
    );
    return result.rowCount === 1;
  }

  /** The lease's current holder, or null when it is free or expired. */
  async holder(documentId: string): Promise<LeaseHolder | null> {
    const result = await this.db.query<{ owner: string; epoch: number; until: number }>(
      `SELECT owner, epoch, ${MS('lease_until')} AS until FROM document_leases
       WHERE document_id = $1 AND owner IS NOT NULL AND lease_until > now()`,
      [documentId],
    );
    return result.rows[0] ?? null;
  }
}
