import { randomUUID } from 'node:crypto';
import {
  bracketCharKey,
  type CharId,
  parseBracketCharKey,
} from '@accord/shared/domain/bracketChars';
import type { ClauseHistoryEvent } from '@accord/shared/domain/clauseHistory';
import {
  type ClauseAlternative,
  type ClauseMeta,
  clauseMetaMap,
  emptyClauseMeta,
  readClauseMeta,
} from '@accord/shared/domain/clauseMeta';
import { readClauses } from '@accord/shared/domain/clauseNodes';
import { summarizeClauses } from '@accord/shared/domain/clauseSummary';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { isLiveChar, openingBracketIdOf } from '@accord/shared/domain/liveBrackets';
import type { Position } from '@accord/shared/domain/positions';
import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { countClauses } from '@accord/shared/domain/status';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import { type Actor, can } from '@accord/shared/policy/policy';
import type { ClauseHistoryResponse, ClauseListResponse } from '@accord/shared/protocol/api';
import * as Y from 'yjs';
import type { ClauseChangeRecord, ClauseChangeStore } from '../storage/storage';
import type { SyncLog, SyncResult } from '../sync/syncTypes';
import {
  type AlternativeError,
  metaWithAlternative,
  metaWithoutAlternative,
  settleAlternatives,
} from './alternativeChanges';
import { BracketOwners } from './BracketOwners';
import { type InsertedBracket, insertedOpenBrackets } from './bracketChars';
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
  /** Told when a text change cleared positions given on the old text. */
  onPositionsCleared?: ((cleared: PositionsCleared) => void) | undefined;
}

/** Positions a text change cleared, for the audit log. */
export interface PositionsCleared {
  documentId: string;
  clauseId: string;
  /** The clause's number when it happened (PP2, OP3…). */
  label: string;
  /** Whose positions were cleared. */
  delegations: DelegationCode[];
  /** Who changed the text. */
  author: ClauseAuthor;
}

/** Why a clause command failed. */
export type ClauseCommandError = 'unknownClause' | 'storageFailed' | AlternativeError;

/** The outcome of a clause command. */
export type ClauseCommandResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: ClauseCommandError };

/** A clause now and its recorded changes, newest first. */
export interface ClauseHistory {
  clause: ClauseHistoryResponse['clause'];
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
   * live '[' of another delegation, or a live ']' that closes one (brackets are pairs, and both
   * characters are the owner's), unless the actor is a moderator. Costs a binary search per range
   * plus the owned brackets it covers, and for each live ']' in it one walk of its clause's text.
   */
  mayDeleteRange(actor: Actor, client: number, clock: number, end: number): boolean {
    for (const owned of this.owners.ownedIn(client, clock, end)) {
      if (can(actor, 'removeBracket', { delegation: owned.delegation })) continue;
      // A stock client's sync step 2 carries its whole delete set, brackets long gone included.
      if (isLiveChar(this.options.doc, { client, clock: owned.clock })) return false;
    }
    for (const close of liveClosingBrackets(this.options.doc, client, clock, end)) {
      const open = openingBracketIdOf(close.text, close.id);
      if (open === null) continue;
      const [owner] = this.owners.ownedIn(open.client, open.clock, open.clock + 1);
      if (owner !== undefined && !can(actor, 'removeBracket', { delegation: owner.delegation })) {
        return false;
      }
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
    for (const { clauseId, textBefore, textAfter, removed, restored } of changes) {
      if (removed || restored || (textBefore ?? '') !== textAfter) {
        const event = removed ? 'deleted' : restored ? 'restored' : null;
        this.history.record({
          clauseId,
          textBefore: textBefore ?? '',
          textAfter,
          author,
          seq,
          at,
          ...(event === null ? {} : { event: { kind: event } }),
        });
      }
      // A removed clause keeps its meta: an undo brings it back with proposer and positions.
      if (removed) continue;
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
    const before = new Map([...writes.keys()].map((id) => [id, readClauseMeta(this.meta, id)]));
    const written = this.options.write(() => {
      for (const [clauseId, meta] of writes) this.meta.set(clauseId, meta);
    });
    if (written.ok) {
      for (const [clauseId, meta] of writes) this.owners.setClause(clauseId, meta);
      this.reportCleared(writes, before, author);
    } else {
      this.options.log(
        'error',
        `Document ${this.options.documentId}: clause meta could not be written (${written.error.message}).`,
      );
    }
  }

  /** Tells `onPositionsCleared` whose positions a text change cleared, clause by clause. */
  private reportCleared(
    writes: ReadonlyMap<string, ClauseMeta>,
    before: ReadonlyMap<string, ClauseMeta | null>,
    author: ClauseAuthor,
  ): void {
    const report = this.options.onPositionsCleared;
    if (report === undefined) return;
    for (const [clauseId, meta] of writes) {
      const previous = before.get(clauseId)?.positions ?? {};
      const delegations = (Object.keys(previous) as DelegationCode[]).filter(
        (delegation) => meta.positions[delegation] === undefined,
      );
      if (delegations.length === 0) continue;
      try {
        report({
          documentId: this.options.documentId,
          clauseId,
          label: this.locks.labelOf(clauseId),
          delegations,
          author,
        });
      } catch (error) {
        this.options.log(
          'error',
          `Cleared positions on ${clauseId} not reported: ${String(error)}`,
        );
      }
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
  ): ClauseCommandResult<ClauseMeta> {
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
    return this.writeMeta(clauseId, meta);
  }

  /** Every clause with an id, in order, with its status and meta, and the counts by status. */
  list(): ClauseListResponse {
    const clauses = summarizeClauses(readClauses(this.options.doc), (id) =>
      readClauseMeta(this.meta, id),
    );
    return { clauses, counts: countClauses(clauses.map((clause) => clause.status)) };
  }

  /**
   * A clause now and its history; a clause that left the draft has one while its history
   * records it (`removed`). Undefined for a clause the draft never had.
   */
  /**
   * The clauses that left the draft: those whose latest history record is their deletion and
   * that are not in the draft now, most recently deleted first, each with the last words it
   * had (a clause emptied before it was merged away is shown by what it said before).
   */
  deletedClauses(): { deletion: ClauseChangeRecord; lastText: string }[] {
    return this.options.changes
      .latestOfEachClause(this.options.documentId)
      .filter(
        (record) =>
          record.event?.kind === 'deleted' && this.index.currentText(record.clauseId) === undefined,
      )
      .map((deletion) => ({ deletion, lastText: this.lastWords(deletion) }));
  }

  private lastWords(deletion: ClauseChangeRecord): string {
    if (deletion.textBefore !== '') return deletion.textBefore;
    for (const change of this.options.changes.list(this.options.documentId, deletion.clauseId)) {
      const text = change.textAfter || change.textBefore;
      if (text !== '') return text;
    }
    return '';
  }

  historyOf(clauseId: string): ClauseHistory | undefined {
    const changes = this.options.changes.list(this.options.documentId, clauseId);
    const clause =
      this.index.currentText(clauseId) === undefined
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

  /** Adds an alternative wording to a clause, attributed to its author's delegation. */
  proposeAlternative(
    clauseId: string,
    author: ClauseAuthor,
    text: string,
  ): ClauseCommandResult<ClauseMeta> {
    const current = this.index.currentText(clauseId);
    if (current === undefined) return { ok: false, error: 'unknownClause' };
    const at = this.options.now();
    const alternative = {
      id: randomUUID(),
      text,
      delegation: author.delegation,
      userId: author.userId,
      at,
    };
    const next = metaWithAlternative(this.metaOf(clauseId, current), alternative);
    if (!next.ok) return next;
    const written = this.writeMeta(clauseId, next.value);
    if (written.ok)
      this.recordEvent(clauseId, current, author, { kind: 'alternativeProposed', alternative });
    return written;
  }

  /** Takes an alternative off the table; `may` says whether the actor may withdraw it. */
  withdrawAlternative(
    clauseId: string,
    alternativeId: string,
    author: ClauseAuthor,
    may: (alternative: ClauseAlternative) => boolean,
  ): ClauseCommandResult<ClauseMeta> | { ok: false; error: 'forbidden' } {
    const current = this.index.currentText(clauseId);
    if (current === undefined) return { ok: false, error: 'unknownClause' };
    const next = metaWithoutAlternative(this.metaOf(clauseId, current), alternativeId);
    if (!next.ok) return next;
    if (!may(next.value.alternative)) return { ok: false, error: 'forbidden' };
    const written = this.writeMeta(clauseId, next.value.meta);
    if (written.ok) {
      this.recordEvent(clauseId, current, author, {
        kind: 'alternativeWithdrawn',
        alternative: next.value.alternative,
      });
    }
    return written;
  }

  /**
   * The alternative a moderator may choose (null: keep the text), checked before the text is
   * written; then `settleAlternatives` clears them and records the choice.
   */
  alternativeToChoose(
    clauseId: string,
    alternativeId: string | null,
  ): ClauseCommandResult<ClauseAlternative | null> {
    const current = this.index.currentText(clauseId);
    if (current === undefined) return { ok: false, error: 'unknownClause' };
    const settled = settleAlternatives(this.metaOf(clauseId, current), alternativeId);
    if (!settled.ok) return settled;
    return { ok: true, value: settled.value.chosen };
  }

  /** A clause's text now, or undefined when it is not in the draft. */
  currentText(clauseId: string): string | undefined {
    return this.index.currentText(clauseId);
  }

  /**
   * Clears a clause's alternatives once the chosen one's text is in (or the text stands) and
   * records the choice and the wordings set aside in its history.
   */
  settleAlternatives(
    clauseId: string,
    alternativeId: string | null,
    author: ClauseAuthor,
  ): ClauseCommandResult<ClauseMeta> {
    const current = this.index.currentText(clauseId);
    if (current === undefined) return { ok: false, error: 'unknownClause' };
    const meta = this.metaOf(clauseId, current);
    const settled = settleAlternatives(meta, alternativeId);
    if (!settled.ok) return settled;
    const written = this.writeMeta(clauseId, { ...meta, alternatives: [] });
    if (written.ok) {
      this.recordEvent(clauseId, current, author, { kind: 'alternativeChosen', ...settled.value });
    }
    return written;
  }

  /** Stops following the document. */
  destroy(): void {
    this.index.destroy();
    this.options.doc.off('afterTransaction', this.collectBrackets);
  }

  /** A clause's meta, or an empty one for its current text. */
  private metaOf(clauseId: string, text: string): ClauseMeta {
    return readClauseMeta(this.meta, clauseId) ?? emptyClauseMeta(clauseTextHash(text));
  }

  private writeMeta(clauseId: string, meta: ClauseMeta): ClauseCommandResult<ClauseMeta> {
    const written = this.options.write(() => this.meta.set(clauseId, meta));
    if (!written.ok) return { ok: false, error: 'storageFailed' };
    this.owners.setClause(clauseId, meta);
    return { ok: true, value: meta };
  }

  /** A history entry for something other than typing; the text stays as it is. */
  private recordEvent(
    clauseId: string,
    text: string,
    author: ClauseAuthor,
    event: ClauseHistoryEvent,
  ): void {
    // Not tied to an update of the log: the meta write that goes with it is the server's.
    this.history.record({
      clauseId,
      textBefore: text,
      textAfter: text,
      author,
      seq: 0,
      at: this.options.now(),
      event,
    });
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

/** The live ']' characters of a client id in `[clock, end)`, each with the text it is in. */
function liveClosingBrackets(
  doc: Y.Doc,
  client: number,
  clock: number,
  end: number,
): { id: CharId; text: Y.XmlText }[] {
  const structs = doc.store.clients.get(client);
  const stop = Math.min(end, Y.getState(doc.store, client));
  if (structs === undefined || clock >= stop) return [];
  const found: { id: CharId; text: Y.XmlText }[] = [];
  for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
    const item = structs[index]!;
    if (item.id.clock >= stop) break;
    if (!(item instanceof Y.Item) || item.deleted || !(item.content instanceof Y.ContentString)) {
      continue;
    }
    if (!(item.parent instanceof Y.XmlText)) continue;
    const str = item.content.str;
    const from = Math.max(clock, item.id.clock) - item.id.clock;
    const to = Math.min(stop, item.id.clock + str.length) - item.id.clock;
    for (let offset = from; offset < to; offset++) {
      if (str[offset] === ']')
        found.push({ id: { client, clock: item.id.clock + offset }, text: item.parent });
    }
  }
  return found;
}
