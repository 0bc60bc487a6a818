import type { Queryable } from './pgDb';

/**
 * What this process believes about its leases: the epoch of the lease it holds on a draft, or
 * null when it holds none. Given to `openPgStorage`, it makes every write to a draft's update
 * log check that belief against the database in the write's own transaction (issue 19).
 */
export interface Fence {
  epochOf(documentId: string): number | null;
}

/** A write refused because this process no longer holds (or never held) the draft's lease. */
export class FencedError extends Error {
  override readonly name = 'FencedError';

  constructor(
    readonly documentId: string,
    /** The epoch this process holds, or null when it holds none. */
    readonly held: number | null,
    /** The lease's epoch in the database, or null when the draft has no lease row. */
    readonly current: number | null,
  ) {
    super(
      `Write to draft ${documentId} refused: this server holds lease epoch ${held ?? 'none'}, the database has ${current ?? 'none'}`,
    );
  }
}

/**
 * Inside a transaction: locks the draft's lease row (FOR UPDATE) and throws `FencedError`
 * unless its epoch is the one this process holds. The lock is held until the transaction
 * ends, so a takeover (which updates that row) waits for this write to commit or roll back,
 * and a write that starts after a takeover sees the new epoch. Does nothing without a fence.
 */
export async function checkFence(
  client: Queryable,
  fence: Fence | undefined,
  documentId: string,
): Promise<void> {
  if (fence === undefined) return;
  const result = await client.query<{ epoch: number }>(
    'SELECT epoch FROM document_leases WHERE document_id = $1 FOR UPDATE',
    [documentId],
  );
  const current = result.rows[0]?.epoch ?? null;
  // Read the belief after the lock: a renewal or release that finished meanwhile counts.
  const held = fence.epochOf(documentId);
  if (held === null || current === null || held !== current) {
    throw new FencedError(documentId, held, current);
  }
}
