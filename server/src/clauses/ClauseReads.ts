import { readClauses } from '@accord/shared/domain/clauseNodes';
import { summarizeClauses } from '@accord/shared/domain/clauseSummary';
import { countClauses } from '@accord/shared/domain/status';
import type { ClauseHistoryResponse, ClauseListResponse } from '@accord/shared/protocol/api';
import type * as Y from 'yjs';
import type { ClauseChangeRecord, ClauseChangeStore } from '../storage/storage';
import type { ClauseIndex } from './ClauseIndex';
import type { ClauseMetaStore } from './ClauseMetaStore';

/** A clause now and its recorded changes, newest first. */
export interface ClauseHistory {
  clause: ClauseHistoryResponse['clause'];
  changes: ClauseChangeRecord[];
}

/** What the reads need from their document. */
export interface ClauseReadsOptions {
  documentId: string;
  doc: Y.Doc;
  index: ClauseIndex;
  store: ClauseMetaStore;
  changes: ClauseChangeStore;
}

/** What the clauses of one loaded draft look like now: status, meta, history, deletions. */
export class ClauseReads {
  constructor(private readonly options: ClauseReadsOptions) {}

  /** Every clause with an id, in order, with its status and meta, and the counts by status. */
  list(): ClauseListResponse {
    const clauses = summarizeClauses(readClauses(this.options.doc), (id) =>
      this.options.store.read(id),
    );
    return { clauses, counts: countClauses(clauses.map((clause) => clause.status)) };
  }

  /** A clause's text now, or undefined when it is not in the draft. */
  currentText(clauseId: string): string | undefined {
    return this.options.index.currentText(clauseId);
  }

  /**
   * The clauses that left the draft: those whose latest history record is their deletion and
   * that are not in the draft now, most recently deleted first, each with the last words it
   * had (a clause emptied before it was merged away is shown by what it said before).
   */
  async deletedClauses(): Promise<{ deletion: ClauseChangeRecord; lastText: string }[]> {
    const { changes, documentId, index } = this.options;
    const deletions = (await changes.latestOfEachClause(documentId)).filter(
      (record) =>
        record.event?.kind === 'deleted' && index.currentText(record.clauseId) === undefined,
    );
    const deleted: { deletion: ClauseChangeRecord; lastText: string }[] = [];
    for (const deletion of deletions) {
      deleted.push({ deletion, lastText: await this.lastWords(deletion) });
    }
    return deleted;
  }

  /**
   * A clause now and its history; a clause that left the draft has one while its history
   * records it (`removed`). Undefined for a clause the draft never had.
   */
  async historyOf(clauseId: string): Promise<ClauseHistory | undefined> {
    const changes = await this.options.changes.list(this.options.documentId, clauseId);
    const clause =
      this.options.index.currentText(clauseId) === undefined
        ? undefined
        : readClauses(this.options.doc).find((candidate) => candidate.id === clauseId);
    if (clause === undefined) {
      if (changes.length === 0) return undefined;
      return { clause: { id: clauseId, label: '', text: '', removed: true }, changes };
    }
    return {
      clause: { id: clauseId, label: clause.label, text: clause.text, removed: false },
      changes,
    };
  }

  private async lastWords(deletion: ClauseChangeRecord): Promise<string> {
    if (deletion.textBefore !== '') return deletion.textBefore;
    for (const change of await this.options.changes.list(
      this.options.documentId,
      deletion.clauseId,
    )) {
      const text = change.textAfter || change.textBefore;
      if (text !== '') return text;
    }
    return '';
  }
}
