import { bracketCharKey, parseBracketCharKey } from '@accord/shared/domain/bracketChars';
import type { ClauseMeta } from '@accord/shared/domain/clauseMeta';
import { isLiveChar, openingBracketIdOf } from '@accord/shared/domain/liveBrackets';
import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { type Actor, can } from '@accord/shared/policy/policy';
import type * as Y from 'yjs';
import type { DecodedUpdate, DocumentPlugin, UpdateCheckContext } from '../sync/DocumentPlugin';
import type { SyncRejection } from '../sync/syncTypes';
import { BracketOwners } from './BracketOwners';
import { type InsertedBracket, insertedOpenBrackets, liveClosingBrackets } from './bracketChars';
import type { ClauseMetaStore } from './ClauseMetaStore';
import { descendantsMayGo } from './deletedDescendants';

const REFUSAL: SyncRejection = {
  reason: 'updateRejected',
  message: "The update removes another delegation's bracket.",
};

/**
 * The bracket rule. B1: every '[' a client inserts into a clause is its delegation's bracket
 * (recorded in the clause's meta by `ClauseTracker`, with `withInserted`). B2: only that
 * delegation or a moderator may delete it, or a live ']' that closes it; B3: deleting an
 * ancestor deletes the brackets inside. The owners index is derived from the meta: built from
 * it when first needed (issue 17: not before a cold load's first sync answer; `build`), then
 * updated by observing every committed write of the `ClauseMetaStore`.
 */
export class BracketRule implements DocumentPlugin {
  readonly name = 'brackets';
  /** Null until built: a meta write before then is read by the build itself. */
  private ownersIndex: BracketOwners | null = null;
  private readonly fragment: Y.XmlFragment;
  private pending: InsertedBracket[] = [];

  constructor(
    private readonly doc: Y.Doc,
    private readonly store: ClauseMetaStore,
  ) {
    this.fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
    store.observe((write) => {
      if (this.ownersIndex === null) return;
      for (const { clauseId, after } of write.changes) this.ownersIndex.setClause(clauseId, after);
    });
    doc.on('afterTransaction', this.collect);
  }

  /** Builds the owners index from the meta as it is now, unless it was built already. */
  build(): void {
    this.ownersNow();
  }

  private ownersNow(): BracketOwners {
    if (this.ownersIndex === null) {
      const owners = new BracketOwners();
      for (const clauseId of this.store.clauseIds()) {
        owners.setClause(clauseId, this.store.read(clauseId));
      }
      this.ownersIndex = owners;
    }
    return this.ownersIndex;
  }

  check(update: DecodedUpdate, context: UpdateCheckContext): SyncRejection | undefined {
    const may = (client: number, clock: number, end: number) =>
      this.mayDeleteRange(context.sender, client, clock, end);
    for (const [clientId, ranges] of update.ds.clients) {
      for (const range of ranges) {
        if (!may(clientId, range.clock, range.clock + range.len)) return REFUSAL;
      }
    }
    return descendantsMayGo(context.doc, update.ds, may) ? undefined : REFUSAL;
  }

  /**
   * Whether an actor may delete a client id's content in `[clock, end)`: not when it holds a
   * live '[' of another delegation, or a live ']' that closes one (brackets are pairs, and both
   * characters are the owner's), unless the actor is a moderator. Costs a binary search per range
   * plus the owned brackets it covers, and for each live ']' in it one walk of its clause's text.
   */
  mayDeleteRange(actor: Actor, client: number, clock: number, end: number): boolean {
    for (const owned of this.ownersNow().ownedIn(client, clock, end)) {
      if (can(actor, 'removeBracket', { delegation: owned.delegation })) continue;
      // A stock client's sync step 2 carries its whole delete set, brackets long gone included.
      if (isLiveChar(this.doc, { client, clock: owned.clock })) return false;
    }
    for (const close of liveClosingBrackets(this.doc, client, clock, end)) {
      const open = openingBracketIdOf(close.text, close.id);
      if (open === null) continue;
      const [owner] = this.ownersNow().ownedIn(open.client, open.clock, open.clock + 1);
      if (owner !== undefined && !can(actor, 'removeBracket', { delegation: owner.delegation })) {
        return false;
      }
    }
    return true;
  }

  /** The '[' client transactions inserted since the last call, by clause. Clear on return. */
  takeInserted(): Map<string, InsertedBracket[]> {
    const byClause = new Map<string, InsertedBracket[]>();
    for (const bracket of this.pending.splice(0)) {
      byClause.set(bracket.clauseId, [...(byClause.get(bracket.clauseId) ?? []), bracket]);
    }
    return byClause;
  }

  /** A meta with new brackets added and the brackets whose '[' is gone dropped (B4). */
  withInserted(
    meta: ClauseMeta,
    inserted: readonly InsertedBracket[],
    owner: NonNullable<ClauseMeta['brackets']>[string],
  ): ClauseMeta {
    const brackets: NonNullable<ClauseMeta['brackets']> = {};
    for (const [key, bracket] of Object.entries(meta.brackets ?? {})) {
      const id = parseBracketCharKey(key);
      if (id !== null && isLiveChar(this.doc, id)) brackets[key] = bracket;
    }
    for (const { id } of inserted) brackets[bracketCharKey(id)] = owner;
    return { ...meta, brackets };
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.collect);
  }

  /** Notes the '[' a client transaction inserted; the server's own writes insert none. */
  private readonly collect = (transaction: Y.Transaction): void => {
    if (transaction.local) return;
    this.pending.push(...insertedOpenBrackets(transaction, this.fragment));
  };
}
