import type { ClauseLock, ClauseMeta } from '@accord/shared/domain/clauseMeta';
import { emptyClauseMeta } from '@accord/shared/domain/clauseMeta';
import { lockReasonRequired, parseLockReason } from '@accord/shared/domain/locks';
import { positionsForText } from '@accord/shared/domain/positions';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import type * as Y from 'yjs';
import type { ClauseIndex } from './ClauseIndex';
import type { ClauseMetaStore } from './ClauseMetaStore';
import { clauseLabel, clauseLabels } from './clauseLabels';
import type { ClauseAuthor } from './clauseMetaChanges';

/** Why a lock command failed. */
export type LockCommandError =
  | { code: 'unknownClause' }
  | { code: 'badReason'; message: string }
  | { code: 'unchanged'; locked: boolean }
  | { code: 'storageFailed' };

/** What a lock command changed, for the audit log and the response. */
export interface LockChange {
  clauseId: string;
  label: string;
  meta: ClauseMeta;
  /** Whether all five parties agreed with the text when it was locked or unlocked. */
  agreed: boolean;
  /** The reason given (for an unlock, the meta no longer holds it). */
  reason: string | null;
}

/** What `ClauseLocks` needs from its document. */
export interface ClauseLocksOptions {
  doc: Y.Doc;
  store: ClauseMetaStore;
  index: ClauseIndex;
  now: () => number;
}

/**
 * The lock commands of one draft (L1's moderators call them through `withClauses`). The lock
 * itself is server-owned meta (`ClauseMeta.lock`, L6) written through the `ClauseMetaStore`;
 * the lock rule (`LockRule`) observes the store and refuses updates that touch a locked clause.
 */
export class ClauseLocks {
  constructor(private readonly options: ClauseLocksOptions) {}

  /**
   * Locks (or unlocks) a clause. A reason is required to unlock, and to lock a clause that not
   * is not agreed (L3, `lockReasonRequired`: the one definition, `clauseAgreed`).
   */
  async setLock(
    clauseId: string,
    author: ClauseAuthor,
    locked: boolean,
    rawReason: string | null | undefined,
  ): Promise<{ ok: true; value: LockChange } | { ok: false; error: LockCommandError }> {
    const text = this.options.index.currentText(clauseId);
    if (text === undefined) return { ok: false, error: { code: 'unknownClause' } };
    const existing = this.options.store.read(clauseId);
    const wasLocked = (existing?.lock ?? null) !== null;
    if (wasLocked === locked) return { ok: false, error: { code: 'unchanged', locked } };
    const textHash = clauseTextHash(text);
    const agreed = !lockReasonRequired(true, {
      text,
      alternatives: existing?.alternatives ?? [],
      positions: positionsForText(existing?.positions ?? {}, textHash).kept,
    });
    const reason = parseLockReason(rawReason, !locked || !agreed);
    if (!reason.ok) return { ok: false, error: { code: 'badReason', message: reason.error } };
    const lock: ClauseLock | null = locked
      ? {
          delegation: author.delegation,
          userId: author.userId,
          at: this.options.now(),
          reason: reason.value,
        }
      : null;
    const meta: ClauseMeta = { ...(existing ?? emptyClauseMeta(textHash)), lock };
    const written = await this.writeMetas(new Map([[clauseId, meta]]));
    if (!written) return { ok: false, error: { code: 'storageFailed' } };
    return {
      ok: true,
      value: { clauseId, label: this.labelOf(clauseId), meta, agreed, reason: reason.value },
    };
  }

  /** Locks every unlocked clause whose status is `agreed`, in one server write (L5). */
  async lockAllAgreed(
    author: ClauseAuthor,
    agreedClauseIds: readonly string[],
  ): Promise<{ ok: true; value: LockChange[] } | { ok: false; error: LockCommandError }> {
    const at = this.options.now();
    const metas = new Map<string, ClauseMeta>();
    for (const clauseId of agreedClauseIds) {
      const existing = this.options.store.read(clauseId);
      const text = this.options.index.currentText(clauseId);
      if (existing === null || text === undefined || (existing.lock ?? null) !== null) continue;
      metas.set(clauseId, {
        ...existing,
        lock: { delegation: author.delegation, userId: author.userId, at, reason: null },
      });
    }
    return await this.writeLocks(metas, { agreed: true, reason: null });
  }

  /**
   * Locks every listed clause that is in the draft as `author`'s, with one reason, in one
   * server write; a clause already locked takes the new lock (adoption under silence
   * procedure locks the whole text as the Chair's, L6). Clauses not in the draft are skipped.
   */
  async lockEvery(
    author: ClauseAuthor,
    clauseIds: readonly string[],
    reason: string,
  ): Promise<{ ok: true; value: LockChange[] } | { ok: false; error: LockCommandError }> {
    const at = this.options.now();
    const metas = new Map<string, ClauseMeta>();
    for (const clauseId of clauseIds) {
      const text = this.options.index.currentText(clauseId);
      if (text === undefined) continue;
      const existing = this.options.store.read(clauseId) ?? emptyClauseMeta(clauseTextHash(text));
      metas.set(clauseId, {
        ...existing,
        lock: { delegation: author.delegation, userId: author.userId, at, reason },
      });
    }
    return await this.writeLocks(metas, { agreed: false, reason });
  }

  /** Whether a clause is locked now. */
  isLocked(clauseId: string): boolean {
    return (this.options.store.read(clauseId)?.lock ?? null) !== null;
  }

  private async writeMetas(metas: Map<string, ClauseMeta>): Promise<boolean> {
    return (await this.options.store.write(metas)).ok;
  }

  /** Writes several locks in one server write and says what changed, clause by clause. */
  private async writeLocks(
    metas: Map<string, ClauseMeta>,
    how: Pick<LockChange, 'agreed' | 'reason'>,
  ): Promise<{ ok: true; value: LockChange[] } | { ok: false; error: LockCommandError }> {
    if (metas.size === 0) return { ok: true, value: [] };
    if (!(await this.writeMetas(metas))) return { ok: false, error: { code: 'storageFailed' } };
    const labels = clauseLabels(this.options.doc);
    return {
      ok: true,
      value: [...metas].map(([clauseId, meta]) => ({
        clauseId,
        label: labels.get(clauseId) ?? clauseId,
        meta,
        ...how,
      })),
    };
  }

  /** A clause's number now (PP2, OP3…); walks the draft once. */
  labelOf(clauseId: string): string {
    return clauseLabel(this.options.doc, clauseId);
  }
}
