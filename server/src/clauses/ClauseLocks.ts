import type { ClauseLock, ClauseMeta } from '@accord/shared/domain/clauseMeta';
import { emptyClauseMeta, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { readClauses } from '@accord/shared/domain/clauseNodes';
import {
  lockedClauseRefusal,
  lockReasonRequired,
  parseLockReason,
} from '@accord/shared/domain/locks';
import { positionsForText } from '@accord/shared/domain/positions';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import type * as Y from 'yjs';
import type { SyncResult } from '../sync/syncTypes';
import type { ClauseIndex } from './ClauseIndex';
import type { ClauseAuthor } from './clauseMetaChanges';
import { LockedClauseIndex } from './LockedClauseIndex';

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
  meta: Y.Map<unknown>;
  index: ClauseIndex;
  write: (change: (doc: Y.Doc) => void) => SyncResult<boolean>;
  now: () => number;
  /** Called after meta was written, so that other indexes of the meta stay current. */
  written: (clauseId: string, meta: ClauseMeta) => void;
}

/**
 * Locks and unlocks the clauses of one draft and keeps the index of what is locked that the
 * update validator consults. The lock itself is server-authoritative meta (`ClauseMeta.lock`);
 * the index is rebuilt from it after every change and at load, so the two cannot disagree.
 */
export class ClauseLocks {
  readonly index = new LockedClauseIndex();

  constructor(private readonly options: ClauseLocksOptions) {
    this.rebuild();
  }

  /**
   * Locks (or unlocks) a clause. A reason is required to unlock, and to lock a clause that not
   * all five parties agree with (`lockReasonRequired`).
   */
  setLock(
    clauseId: string,
    author: ClauseAuthor,
    locked: boolean,
    rawReason: string | null | undefined,
  ): { ok: true; value: LockChange } | { ok: false; error: LockCommandError } {
    const text = this.options.index.currentText(clauseId);
    if (text === undefined) return { ok: false, error: { code: 'unknownClause' } };
    const existing = readClauseMeta(this.options.meta, clauseId);
    const wasLocked = (existing?.lock ?? null) !== null;
    if (wasLocked === locked) return { ok: false, error: { code: 'unchanged', locked } };
    const textHash = clauseTextHash(text);
    const agreed = !lockReasonRequired(
      true,
      positionsForText(existing?.positions ?? {}, textHash).kept,
    );
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
    const written = this.writeMetas(new Map([[clauseId, meta]]));
    if (!written) return { ok: false, error: { code: 'storageFailed' } };
    return {
      ok: true,
      value: { clauseId, label: this.labelOf(clauseId), meta, agreed, reason: reason.value },
    };
  }

  /** Locks every unlocked clause whose status is `agreed`, in one server write. */
  lockAllAgreed(
    author: ClauseAuthor,
    agreedClauseIds: readonly string[],
  ): { ok: true; value: LockChange[] } | { ok: false; error: LockCommandError } {
    const at = this.options.now();
    const metas = new Map<string, ClauseMeta>();
    for (const clauseId of agreedClauseIds) {
      const existing = readClauseMeta(this.options.meta, clauseId);
      const text = this.options.index.currentText(clauseId);
      if (existing === null || text === undefined || (existing.lock ?? null) !== null) continue;
      metas.set(clauseId, {
        ...existing,
        lock: { delegation: author.delegation, userId: author.userId, at, reason: null },
      });
    }
    if (metas.size === 0) return { ok: true, value: [] };
    if (!this.writeMetas(metas)) return { ok: false, error: { code: 'storageFailed' } };
    const labels = this.labels();
    return {
      ok: true,
      value: [...metas].map(([clauseId, meta]) => ({
        clauseId,
        label: labels.get(clauseId) ?? clauseId,
        meta,
        agreed: true,
        reason: null,
      })),
    };
  }

  /**
   * Locks every listed clause that is in the draft as `author`'s, with one reason, in one
   * server write; a clause already locked takes the new lock (adoption under silence
   * procedure locks the whole text as the Chair's). Clauses not in the draft are skipped.
   */
  lockEvery(
    author: ClauseAuthor,
    clauseIds: readonly string[],
    reason: string,
  ): { ok: true; value: LockChange[] } | { ok: false; error: LockCommandError } {
    const at = this.options.now();
    const metas = new Map<string, ClauseMeta>();
    for (const clauseId of clauseIds) {
      const text = this.options.index.currentText(clauseId);
      if (text === undefined) continue;
      const existing =
        readClauseMeta(this.options.meta, clauseId) ?? emptyClauseMeta(clauseTextHash(text));
      metas.set(clauseId, {
        ...existing,
        lock: { delegation: author.delegation, userId: author.userId, at, reason },
      });
    }
    if (metas.size === 0) return { ok: true, value: [] };
    if (!this.writeMetas(metas)) return { ok: false, error: { code: 'storageFailed' } };
    const labels = this.labels();
    return {
      ok: true,
      value: [...metas].map(([clauseId, meta]) => ({
        clauseId,
        label: labels.get(clauseId) ?? clauseId,
        meta,
        agreed: false,
        reason,
      })),
    };
  }

  /** Whether a clause is locked now. */
  isLocked(clauseId: string): boolean {
    return (readClauseMeta(this.options.meta, clauseId)?.lock ?? null) !== null;
  }

  /**
   * The notice for a sender whose update touched a locked clause. Numbering the clause walks the
   * draft once; it happens only when an update is refused, which also closes the sender's socket.
   */
  refusalMessage(clauseId: string): string {
    const lock = readClauseMeta(this.options.meta, clauseId)?.lock ?? {
      delegation: 'CHAIR' as const,
    };
    return lockedClauseRefusal(this.labelOf(clauseId), lock);
  }

  /** Re-reads which clauses are locked from the meta map. */
  rebuild(): void {
    const locked: { clauseId: string; elements: Y.XmlElement[] }[] = [];
    for (const clauseId of this.options.meta.keys()) {
      if (!this.isLocked(clauseId)) continue;
      locked.push({ clauseId, elements: this.options.index.elementsOf(clauseId) });
    }
    this.index.rebuild(locked);
  }

  private writeMetas(metas: Map<string, ClauseMeta>): boolean {
    const written = this.options.write(() => {
      for (const [clauseId, meta] of metas) this.options.meta.set(clauseId, meta);
    });
    if (!written.ok) return false;
    for (const [clauseId, meta] of metas) this.options.written(clauseId, meta);
    this.rebuild();
    return true;
  }

  private labels(): Map<string, string> {
    const labels = new Map<string, string>();
    for (const clause of readClauses(this.options.doc)) {
      if (clause.id !== null && !labels.has(clause.id)) labels.set(clause.id, clause.label);
    }
    return labels;
  }

  /** A clause's number now (PP2, OP3…); walks the draft once. */
  labelOf(clauseId: string): string {
    return this.labels().get(clauseId) ?? 'This clause';
  }
}
