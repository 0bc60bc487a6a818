import type pg from 'pg';
import {
  SERVER_AUTHOR,
  type StoredUpdate,
  type UpdateLogEntry,
  type UpdateLogStore,
} from '../storage';
import { checkFence, type Fence } from './fencing';
import { byteaOf, bytesOf, lockDocument, transaction } from './pgDb';

/** The server's own client ids are bound to NULL, so that user_id stays a foreign key. */
function ownerColumn(userId: string): string | null {
  return userId === SERVER_AUTHOR ? null : userId;
}

function ownerOfColumn(userId: string | null): string {
  return userId ?? SERVER_AUTHOR;
}

const INSERT_NEXT = `INSERT INTO document_updates (document_id, seq, "update", user_id, created_at)
  VALUES ($1, nextval('document_update_seq'), $2, $3, $4) RETURNING seq`;

/**
 * The Yjs update logs and client-id bindings in PostgreSQL. Every write locks the draft's row
 * first (and, with a fence, its lease row before that), then takes its sequence number: per
 * draft, sequence order is commit order, as in SQLite where writes are serial.
 */
export class PgUpdateLogStore implements UpdateLogStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly fence: Fence | undefined,
  ) {}

  append(documentId: string, update: Uint8Array, userId: string | null): Promise<number> {
    return transaction(this.pool, async (client) => {
      await checkFence(client, this.fence, documentId);
      await this.lockExisting(client, documentId);
      const result = await client.query<{ seq: number }>(INSERT_NEXT, [
        documentId,
        byteaOf(update),
        userId,
        Date.now(),
      ]);
      return result.rows[0]?.seq ?? 0;
    });
  }

  /** One transaction, fenced and locked like `append`; seqs are taken in the order given. */
  appendMany(documentId: string, entries: readonly UpdateLogEntry[]): Promise<number[]> {
    return transaction(this.pool, async (client) => {
      await checkFence(client, this.fence, documentId);
      await this.lockExisting(client, documentId);
      const now = Date.now();
      const seqs: number[] = [];
      for (const { update, userId } of entries) {
        const result = await client.query<{ seq: number }>(INSERT_NEXT, [
          documentId,
          byteaOf(update),
          userId,
          now,
        ]);
        seqs.push(result.rows[0]?.seq ?? 0);
      }
      return seqs;
    });
  }

  async load(documentId: string): Promise<StoredUpdate[]> {
    const result = await this.pool.query<{ seq: number; update: Buffer }>(
      'SELECT seq, "update" FROM document_updates WHERE document_id = $1 ORDER BY seq',
      [documentId],
    );
    return result.rows.map((row) => ({ seq: row.seq, update: bytesOf(row.update) }));
  }

  compact(documentId: string, upToSeq: number, snapshot: Uint8Array): Promise<void> {
    return transaction(this.pool, async (client) => {
      await checkFence(client, this.fence, documentId);
      await this.lockExisting(client, documentId);
      const last = await client.query<{ seq: number | null }>(
        'SELECT MAX(seq) AS seq FROM document_updates WHERE document_id = $1 AND seq <= $2',
        [documentId, upToSeq],
      );
      const lastSeq = last.rows[0]?.seq ?? null;
      const bytes = byteaOf(snapshot);
      if (lastSeq === null) {
        await client.query(INSERT_NEXT, [documentId, bytes, null, Date.now()]);
        return;
      }
      // The snapshot takes the seq of the last update it replaces, so the log stays in order
      // before any update appended after `upToSeq`.
      await client.query('DELETE FROM document_updates WHERE document_id = $1 AND seq <= $2', [
        documentId,
        upToSeq,
      ]);
      await client.query(
        `INSERT INTO document_updates (document_id, seq, "update", user_id, created_at)
         VALUES ($1, $2, $3, NULL, $4)`,
        [documentId, lastSeq, bytes, Date.now()],
      );
    });
  }

  async stats(documentId: string): Promise<{ updates: number; bytes: number }> {
    const result = await this.pool.query<{ updates: number; bytes: number }>(
      `SELECT COUNT(*) AS updates, COALESCE(SUM(octet_length("update")), 0)::bigint AS bytes
       FROM document_updates WHERE document_id = $1`,
      [documentId],
    );
    const row = result.rows[0];
    return { updates: row?.updates ?? 0, bytes: row?.bytes ?? 0 };
  }

  async clientOwners(documentId: string): Promise<Map<number, string>> {
    const result = await this.pool.query<{ client_id: number; user_id: string | null }>(
      'SELECT client_id, user_id FROM client_ids WHERE document_id = $1',
      [documentId],
    );
    return new Map(result.rows.map((row) => [row.client_id, ownerOfColumn(row.user_id)]));
  }

  bindClientIds(
    documentId: string,
    clientIds: readonly number[],
    userId: string,
  ): Promise<number[]> {
    return transaction(this.pool, async (client) => {
      await checkFence(client, this.fence, documentId);
      if (clientIds.length === 0) return [];
      const ids = [...clientIds];
      // First sender wins: concurrent binders conflict on the primary key and keep the row
      // that committed first.
      await client.query(
        `INSERT INTO client_ids (document_id, client_id, user_id)
         SELECT $1, id, $3 FROM unnest($2::bigint[]) AS id
         ON CONFLICT (document_id, client_id) DO NOTHING`,
        [documentId, ids, ownerColumn(userId)],
      );
      const owners = await client.query<{ client_id: number; user_id: string | null }>(
        'SELECT client_id, user_id FROM client_ids WHERE document_id = $1 AND client_id = ANY($2::bigint[])',
        [documentId, ids],
      );
      const ownerOf = new Map(
        owners.rows.map((row) => [row.client_id, ownerOfColumn(row.user_id)]),
      );
      return ids.filter((id) => ownerOf.get(id) !== userId);
    });
  }

  /** Locks the draft's row; an unknown draft is refused, as SQLite's foreign key does. */
  private async lockExisting(client: pg.PoolClient, documentId: string): Promise<void> {
    if (!(await lockDocument(client, documentId))) {
      throw new Error(`No draft ${documentId}: its update log cannot be written`);
    }
  }
}
