import { createHash } from 'node:crypto';
import type { AuditBreak, AuditEvent } from '@accord/shared/domain/audit';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Log } from '@accord/shared/log';
import type { AuditRecord, AuditStore } from '../storage/storage';
import { canonicalJson } from './canonicalJson';

/** The `prevHash` of a negotiation's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * What a caller records: who did it where, and the typed event (`AuditEvent`, one payload type
 * per action); the log adds the sequence number, time and hashes.
 */
export type AuditEntryInput = {
  negotiationId: string;
  documentId?: string | null;
  /** Null for the admin tool, run by whoever operates the server. */
  userId: string | null;
  delegation: DelegationCode | null;
} & AuditEvent;

/** The outcome of verifying a negotiation's chain. */
export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBroken?: AuditBreak;
}

/** The hash of an entry: SHA-256 over the canonical JSON of every field but the hash itself. */
export function auditEntryHash(entry: Omit<AuditRecord, 'hash'>): string {
  const { negotiationId, seq, documentId, at, userId, delegation, action, detail, prevHash } =
    entry;
  const text = canonicalJson({
    negotiationId,
    seq,
    documentId,
    at,
    userId,
    delegation,
    action,
    detail,
    prevHash,
  });
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The negotiation-wide, append-only, hash-chained audit log (issue 4): locks, unlocks,
 * positions, alternatives chosen, membership changes. Each entry carries the hash of the one
 * before, so editing or removing a stored entry is found by `verify`, which names the first
 * entry that no longer checks out.
 */
export class AuditLog {
  constructor(
    private readonly store: AuditStore,
    private readonly now: () => number = Date.now,
    /** Where a failed `record` is reported (the server's log; tests may leave it out). */
    private readonly log: Log = () => {},
  ) {}

  /**
   * Appends one entry, chained to the negotiation's last one, in one atomic store call: the
   * entry is built (synchronously) inside the store's transaction from the last entry there, so
   * no other append, from this process or another, can come in between. Resolves once committed.
   */
  append(event: AuditEntryInput): Promise<AuditRecord> {
    return this.store.append(event.negotiationId, (last) => {
      const entry: Omit<AuditRecord, 'hash'> = {
        negotiationId: event.negotiationId,
        seq: (last?.seq ?? 0) + 1,
        documentId: event.documentId ?? null,
        at: this.now(),
        userId: event.userId,
        delegation: event.delegation,
        action: event.action,
        detail: canonicalJson(event.detail),
        prevHash: last?.hash ?? GENESIS_HASH,
      };
      return { ...entry, hash: auditEntryHash(entry) };
    });
  }

  /**
   * Appends the entry of a change already committed. The change stands whatever happens here, so
   * a failing write is not the caller's error: it is reported to the operator through the log.
   * Never rejects; resolves once the entry committed (or its failure was logged).
   */
  async record(event: AuditEntryInput): Promise<void> {
    try {
      await this.append(event);
    } catch (error) {
      this.log('error', `Audit entry "${event.action}" could not be written: ${String(error)}`);
    }
  }

  /** A negotiation's entries, oldest first. */
  list(negotiationId: string): Promise<AuditRecord[]> {
    return this.store.list(negotiationId);
  }

  /** Checks the chain from the first entry; stops at the first that does not hold. */
  async verify(negotiationId: string): Promise<AuditVerification> {
    const entries = await this.store.list(negotiationId);
    let expectedPrev = GENESIS_HASH;
    let expectedSeq = 1;
    for (const entry of entries) {
      const broken = (reason: string): AuditVerification => ({
        ok: false,
        entries: entries.length,
        firstBroken: { seq: entry.seq, reason },
      });
      if (entry.seq !== expectedSeq) {
        return broken(`Entry ${expectedSeq} is missing: the next stored entry is ${entry.seq}.`);
      }
      if (entry.prevHash !== expectedPrev) {
        return broken('Its previous-entry hash does not match the entry before it.');
      }
      const { hash, ...rest } = entry;
      if (auditEntryHash(rest) !== hash) {
        return broken('Its content does not match its hash: it was changed after it was written.');
      }
      expectedPrev = hash;
      expectedSeq += 1;
    }
    return { ok: true, entries: entries.length };
  }
}
