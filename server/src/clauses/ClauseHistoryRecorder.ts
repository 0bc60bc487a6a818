import type { ClauseHistoryEvent } from '@accord/shared/domain/clauseHistory';
import type { ClauseChangeRecord, ClauseChangeStore } from '../storage/storage';
import type { SyncLog } from '../sync/syncTypes';
import type { ClauseAuthor } from './clauseMetaChanges';

/**
 * Consecutive edits of one user on one clause that follow each other within this window are
 * one change of the history, so that typing does not make a change per keystroke.
 */
export const COALESCE_WINDOW_MS = 60_000;

/** One text change to record. */
export interface ClauseTextEdit {
  clauseId: string;
  textBefore: string;
  textAfter: string;
  author: ClauseAuthor;
  /** The update-log sequence number of the update it came in. */
  seq: number;
  at: number;
  /** What happened besides typing; an entry with an event is never coalesced with another. */
  event?: ClauseHistoryEvent;
}

/**
 * Records the history of one document's clause texts, coalescing typing. The latest change of
 * each clause is cached, so a keystroke costs one UPDATE, not a query and an UPDATE. History is
 * a record of text that is already committed: a storage failure is logged, never fatal. Its
 * callers run in the document's queue (S5), so two records of one clause never overlap.
 */
export class ClauseHistoryRecorder {
  private readonly latest = new Map<string, ClauseChangeRecord | null>();

  constructor(
    private readonly documentId: string,
    private readonly store: ClauseChangeStore,
    private readonly log: SyncLog,
  ) {}

  /** Records one change of a clause's text, extending the clause's latest change if it can. */
  async record(edit: ClauseTextEdit): Promise<void> {
    const { clauseId, author, seq, at, textAfter } = edit;
    let event = edit.event ?? null;
    try {
      let last = this.latest.get(clauseId);
      if (last === undefined) last = (await this.store.latest(this.documentId, clauseId)) ?? null;
      // A clause whose last change was its deletion comes back restored (an undo), even when the
      // clause index that saw it go is gone since (a reload, or a wake from hibernation: S14).
      if (event === null && last?.event?.kind === 'deleted' && textAfter !== '') {
        event = { kind: 'restored' };
      }
      if (
        last !== null &&
        event === null &&
        last.event === null &&
        last.userId === author.userId &&
        at >= last.at &&
        at - last.at <= COALESCE_WINDOW_MS
      ) {
        await this.store.amend(last.id, { seq, at, textAfter });
        this.latest.set(clauseId, { ...last, seq, at, textAfter });
        return;
      }
      const appended = await this.store.append({
        documentId: this.documentId,
        clauseId,
        seq,
        userId: author.userId,
        delegation: author.delegation,
        at,
        textBefore: edit.textBefore,
        textAfter,
        event,
      });
      this.latest.set(clauseId, appended);
    } catch (error) {
      this.latest.delete(clauseId);
      this.log(
        'error',
        `Document ${this.documentId}: recording the history of clause ${clauseId} failed (${String(error)}).`,
      );
    }
  }
}
