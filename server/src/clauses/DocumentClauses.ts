import { bracketCharKey, parseBracketCharKey } from '@accord/shared/domain/bracketChars';
import {
  type ClauseMeta,
  clauseMetaMap,
  emptyClauseMeta,
  readClauseMeta,
} from '@accord/shared/domain/clauseMeta';
import { readClauses } from '@accord/shared/domain/clauseNodes';
import { summarizeClauses } from '@accord/shared/domain/clauseSummary';
import type { Position } from '@accord/shared/domain/positions';
import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { countClauses } from '@accord/shared/domain/status';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import { type Actor, can } from '@accord/shared/policy/policy';
import type { ClauseListResponse } from '@accord/shared/protocol/api';
import type * as Y from 'yjs';
import type { ClauseChangeRecord, ClauseChangeStore } from '../storage/storage';
import type { SyncLog, SyncResult } from '../sync/syncTypes';
import { BracketOwners } from './BracketOwners';
import { type InsertedBracket, insertedOpenBrackets, isLiveChar } from './bracketChars';
import { ClauseHistoryRecorder } from './ClauseHistoryRecorder';
import { ClauseIndex } from './ClauseIndex';
import { ClauseLocks } from './ClauseLocks';
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
export type ClauseCommandError = 'unknownClause' | 'clauseLocked' | 'storageFailed';

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
 * the update is broadcast, so that clients see the text and the clearing together. Every '['
 * a client inserts is recorded in its clause's meta as that delegation's bracket, which only
 * that delegation or a moderator may delete (`mayDeleteRange`).
 */
export class DocumentClauses {
  private readonly index: ClauseIndex;
  /** Which clauses are locked, and the lock and unlock commands. */
  readonly locks: ClauseLocks;
  private readonly history: ClauseHistoryRecorder;
  private readonly meta: Y.Map<unknown>;
  private readonly owners = new BracketOwners();
  private readonly fragment: Y.XmlFragment;
  private pendingBrackets: InsertedBracket[] = [];

  constructor(private readonly options: DocumentClausesOptions) {
    this.index = new ClauseIndex(options.doc);
    this.history = new ClauseHistoryRecorder(options.documentId, options.changes, options.log);
    this.meta = clauseMetaMap(options.doc);
    this.fragment = options.doc.getXmlFragment(DRAFT_FRAGMENT);
    for (const clauseId of this.meta.keys()) {
      this.owners.setClause(clauseId, readClauseMeta(this.meta, clauseId));
    }
    this.locks = new ClauseLocks({
      doc: options.doc,
      meta: this.meta,
      index: this.index,
      write: options.write,
      now: options.now,
      written: (clauseId, meta) => this.owners.setClause(clauseId, meta),
    });
    options.doc.on('afterTransaction', this.collectBrackets);
  }

  /**
   * Whether an actor may delete a client id's content in `[clock, end)`: not when it holds a
   * live '[' of another delegation, unless the actor is a moderator. Only the opening bracket
   * carries ownership: a ']' may always be deleted, and the '[' left alone still shows the
   * bracket and its owner. Costs a binary search per range plus the owned brackets it covers.
   */
  mayDeleteRange(actor: Actor, client: number, clock: number, end: number): boolean {
    for (const owned of this.owners.ownedIn(client, clock, end)) {
      if (can(actor, 'removeBracket', { delegation: owned.delegation })) continue;
      // A stock client's sync step 2 carries its whole delete set, brackets long gone included.
      if (isLiveChar(this.options.doc, { client, clock: owned.clock })) return false;
    }
    return true;
  }

  /**
   * Called right after a client's update was committed, applied and broadcast: records the
   * history of the clauses it changed and writes their meta (proposer, cleared positions).
   */
  afterClientUpdate(author: ClauseAuthor, seq: number): void {
    const changes = this.index.takeChanges();
    const brackets = new Map<string, InsertedBracket[]>();
    for (const bracket of this.pendingBrackets.splice(0)) {
      brackets.set(bracket.clauseId, [...(brackets.get(bracket.clauseId) ?? []), bracket]);
    }
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
      const inserted = brackets.get(clauseId);
      // Hashing costs a pass over the text: only when there is something to bind or clear.
      const hasPositions = existing !== null && Object.keys(existing.positions).length > 0;
      if (!isNew && !hasPositions && inserted === undefined) continue;
      const textHash = clauseTextHash(textAfter);
      let next = metaAfterTextChange(existing, { isNew, textHash, author, at });
      if (inserted !== undefined) {
        next = this.withBrackets(next ?? existing ?? emptyClauseMeta(textHash), inserted, {
          delegation: author.delegation,
          userId: author.userId,
          at,
        });
      }
      if (next !== null) writes.set(clauseId, next);
    }
    if (writes.size === 0) return;
    const written = this.options.write(() => {
      for (const [clauseId, meta] of writes) this.meta.set(clauseId, meta);
    });
    if (written.ok) {
      for (const [clauseId, meta] of writes) this.owners.setClause(clauseId, meta);
    } else {
      this.options.log(
        'error',
        `Document ${this.options.documentId}: clause meta could not be written (${written.error.message}).`,
      );
    }
  }

  /**
   * States (or, with null, withdraws) a delegation's position on a clause's current text. A
   * locked clause's positions are frozen with it: the lock records the agreement it was given on.
   */
  statePosition(
    clauseId: string,
    author: ClauseAuthor,
    position: Position | null,
  ): { ok: true; value: ClauseMeta } | { ok: false; error: ClauseCommandError } {
    const text = this.index.currentText(clauseId);
    if (text === undefined) return { ok: false, error: 'unknownClause' };
    if (this.locks.isLocked(clauseId)) return { ok: false, error: 'clauseLocked' };
    const meta = metaWithPosition(readClauseMeta(this.meta, clauseId), {
      delegation: author.delegation,
      position,
      userId: author.userId,
      textHash: clauseTextHash(text),
      at: this.options.now(),
    });
    const written = this.options.write(() => this.meta.set(clauseId, meta));
    if (!written.ok) return { ok: false, error: 'storageFailed' };
    this.owners.setClause(clauseId, meta);
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
    this.options.doc.off('afterTransaction', this.collectBrackets);
  }

  /** A meta with new brackets added and the brackets whose '[' is gone dropped. */
  private withBrackets(
    meta: ClauseMeta,
    inserted: readonly InsertedBracket[],
    owner: NonNullable<ClauseMeta['brackets']>[string],
  ): ClauseMeta {
    const brackets: NonNullable<ClauseMeta['brackets']> = {};
    for (const [key, bracket] of Object.entries(meta.brackets ?? {})) {
      const id = parseBracketCharKey(key);
      if (id !== null && isLiveChar(this.options.doc, id)) brackets[key] = bracket;
    }
    for (const { id } of inserted) brackets[bracketCharKey(id)] = owner;
    return { ...meta, brackets };
  }

  /** Notes the '[' a client transaction inserted; the server's own writes insert none. */
  private readonly collectBrackets = (transaction: Y.Transaction): void => {
    if (transaction.local) return;
    this.pendingBrackets.push(...insertedOpenBrackets(transaction, this.fragment));
  };
}
