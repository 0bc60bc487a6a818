import type { DelegationCode } from '@accord/shared/domain/delegations';

/**
 * One entry of a negotiation's audit log (issue 4): who did what, when. `seq` counts from 1
 * within the negotiation; `detail` is canonical JSON text, stored as hashed, so that the hash
 * can be recomputed from the row; `hash` covers every other field and `prevHash`, the hash of
 * the entry before (a chain: changing or removing any entry breaks every hash after it).
 */
export interface AuditRecord {
  negotiationId: string;
  seq: number;
  documentId: string | null;
  /** Milliseconds since the epoch. */
  at: number;
  /** Who did it; null for the admin tool, run by whoever operates the server. */
  userId: string | null;
  delegation: DelegationCode | null;
  action: string;
  detail: string;
  prevHash: string;
  hash: string;
}

/** The append-only audit log. */
export interface AuditStore {
  /**
   * Appends the entry `build` makes from the negotiation's last entry (undefined for the
   * first), atomically: no other append, even from another process, comes in between.
   */
  append(
    negotiationId: string,
    build: (last: AuditRecord | undefined) => AuditRecord,
  ): Promise<AuditRecord>;
  /** A negotiation's entries, oldest first. */
  list(negotiationId: string): Promise<AuditRecord[]>;
}
