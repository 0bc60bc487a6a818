import { type ClauseMeta, clauseMetaMap, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { readClauses } from '@accord/shared/domain/clauseNodes';
import { summarizeClauses } from '@accord/shared/domain/clauseSummary';
import type { Position } from '@accord/shared/domain/positions';
import { countClauses } from '@accord/shared/domain/status';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import type { ClauseListResponse } from '@accord/shared/protocol/api';
import type * as Y from 'yjs';
import type { ClauseChangeRecord, ClauseChangeStore } from '../storage/storage';
import type { SyncLog, SyncResult } from '../sync/syncTypes';
import { ClauseHistoryRecorder } from './ClauseHistoryRecorder';
import { ClauseIndex } from './ClauseIndex';
import { type ClauseAuthor, metaAfterTextChange, metaWithPosition } from './clauseMetaChanges';

/** What a document's clauses need from the sync core. */
export interface DocumentClausesOptions {
  documentId: string;
  doc: Y.Doc;
  /** Runs a server transaction, commits it and broadcasts it (`ServerWriter.write`). */
  write: (change: (doc: Y.Doc) => void) => SyncResult<boolean>;
  changes: ClauseChangeStore;
  log: SyncLog;
  now: () => number;
}

/** Why a clause command failed. */
export type ClauseCommandError = 'unknownClause' | 'storageFailed';

/** A clause now and its recorded changes, newest first. */
export interface ClauseHistory {
  clause: { id: string; label: string; text: string };
  changes: ClauseChangeRecord[];
}

/**
 * The clauses of one loaded draft: who proposed them, the positions on them and the history of
 * their text. Positions and proposers live in the document's meta map, written only by the
 * server; after every client update the clauses whose text changed get a history entry and,
 * when positions were given on other text, those positions are cleared, in the same tick as
 * the update is broadcast, so that clients see the text and the clearing together.
 */
export class DocumentClauses {
  private readonly index: ClauseIndex;
  private readonly history: ClauseHistoryRecorder;
  private readonly meta: Y.Map<unknown>;

  constructor(private readonly options: DocumentClausesOptions) {
    this.index = new ClauseIndex(options.doc);
    this.history = new ClauseHistoryRecorder(options.documentId, options.changes, options.log);
    this.meta = clauseMetaMap(options.doc);
  }

  /**
   * Called right after a client's update was committed, applied and broadcast: records the
   * history of the clauses it changed and writes their meta (proposer, cleared positions).
   */
  afterClientUpdate(author: ClauseAuthor, seq: number): void {
    const changes = this.index.takeChanges();
    if (changes.length === 0) return;
    const at = this.options.now();
    const writes = new Map<string, ClauseMeta>();
    for (const { clauseId, textBefore, textAfter } of changes) {
      if ((textBefore ?? '') !== textAfter) {
        this.history.record({
          clauseId,
          textBefore: textBefore ?? '',
          textAfter,
          author,
          seq,
          at,
        });
      }
      const existing = readClauseMeta(this.meta, clauseId);
      const isNew = textBefore === undefined && !this.meta.has(clauseId);
      // Hashing costs a pass over the text: only when there is something to bind or clear.
      if (!isNew && (existing === null || Object.keys(existing.positions).length === 0)) continue;
      const next = metaAfterTextChange(existing, {
        isNew,
        textHash: clauseTextHash(textAfter),
        author,
        at,
      });
      if (next !== null) writes.set(clauseId, next);
    }
    if (writes.size === 0) return;
    const written = this.options.write(() => {
      for (const [clauseId, meta] of writes) this.meta.set(clauseId, meta);
    });
    if (!written.ok) {
      this.options.log(
        'error',
        `Document ${this.options.documentId}: clause meta could not be written (${written.error.message}).`,
      );
    }
  }

  /** States (or, with null, withdraws) a delegation's position on a clause's current text. */
  statePosition(
    clauseId: string,
    author: ClauseAuthor,
    position: Position | null,
  ): { ok: true; value: ClauseMeta } | { ok: false; error: ClauseCommandError } {
    const text = this.index.currentText(clauseId);
    if (text === undefined) return { ok: false, error: 'unknownClause' };
    const meta = metaWithPosition(readClauseMeta(this.meta, clauseId), {
      delegation: author.delegation,
      position,
      userId: author.userId,
      textHash: clauseTextHash(text),
      at: this.options.now(),
    });
    const written = this.options.write(() => this.meta.set(clauseId, meta));
    if (!written.ok) return { ok: false, error: 'storageFailed' };
    return { ok: true, value: meta };
  }

  /** Every clause with an id, in order, with its status and meta, and the counts by status. */
  list(): ClauseListResponse {
    const clauses = summarizeClauses(readClauses(this.options.doc), (id) =>
      readClauseMeta(this.meta, id),
    );
    return { clauses, counts: countClauses(clauses.map((clause) => clause.status)) };
  }

  /** A clause now and its history, or undefined when it is not in the document. */
  historyOf(clauseId: string): ClauseHistory | undefined {
    if (this.index.currentText(clauseId) === undefined) return undefined;
    const clause = readClauses(this.options.doc).find((candidate) => candidate.id === clauseId);
    if (clause === undefined) return undefined;
    return {
      clause: { id: clauseId, label: clause.label, text: clause.text },
      changes: this.options.changes.list(this.options.documentId, clauseId),
    };
  }

  /** Stops following the document. */
  destroy(): void {
    this.index.destroy();
  }
}
