import * as Y from 'yjs';
import { ClockRangeIndex } from '../sync/ClockRangeIndex';

/** A locked clause as the index needs it: its id and the element(s) that carry it. */
export interface LockedClause {
  clauseId: string;
  elements: readonly Y.XmlElement[];
}

/**
 * The Yjs structs of the locked clauses, by client id and clock, so that the validator can tell
 * in O(log n) per struct or delete range whether an update touches a locked clause:
 * - `inside`: every item within a clause element, deleted or not (its children, the text and
 *   format items of its XmlTexts, attribute values old and current): a new struct whose origin
 *   or right origin is one of them lands inside the clause;
 * - `elements`: the clause elements' own items: a new struct parented on one is a child or an
 *   attribute of the clause;
 * - `live`: the items of `inside` that are not deleted, plus the elements and their ancestors:
 *   deleting any of them changes, removes or moves the clause. Deleting an already deleted item
 *   is harmless (a stock client's sync step 2 repeats its whole delete set) and is allowed.
 * Rebuilt (by `LockRule`) whenever a clause is locked or unlocked (O(size of the locked clauses)); nothing
 * inside a locked clause can change while it is locked, so the index stays exact in between.
 */
export class LockedClauseIndex {
  private inside = new ClockRangeIndex<string>();
  private elements = new ClockRangeIndex<string>();
  private live = new ClockRangeIndex<string>();
  private ids = new Set<string>();

  /** Replaces the index by the given locked clauses. */
  rebuild(locked: Iterable<LockedClause>): void {
    this.inside = new ClockRangeIndex();
    this.elements = new ClockRangeIndex();
    this.live = new ClockRangeIndex();
    this.ids = new Set();
    for (const { clauseId, elements } of locked) {
      this.ids.add(clauseId);
      for (const element of elements) this.addElement(clauseId, element);
    }
  }

  /** Whether any clause is locked. */
  get empty(): boolean {
    return this.ids.size === 0;
  }

  /** Whether a clause id is locked (a new element claiming it would impersonate the clause). */
  isLockedId(clauseId: string): boolean {
    return this.ids.has(clauseId);
  }

  /** The locked clause a struct id lies inside (not the element itself), if any. */
  clauseInside(id: Y.ID): string | undefined {
    return this.inside.tagIn(id.client, id.clock, id.clock + 1);
  }

  /** The locked clause whose element or content a struct id is, if any (a parent check). */
  clauseOfParent(id: Y.ID): string | undefined {
    return this.elements.tagIn(id.client, id.clock, id.clock + 1) ?? this.clauseInside(id);
  }

  /** The locked clause with a live struct of this client in `[clock, end)`, if any. */
  clauseLiveIn(client: number, clock: number, end: number): string | undefined {
    return this.live.tagIn(client, clock, end);
  }

  private addElement(clauseId: string, element: Y.XmlElement): void {
    const item = element._item;
    if (item === null || item.deleted) return;
    this.elements.add(item.id.client, item.id.clock, item.id.clock + item.length, clauseId);
    this.live.add(item.id.client, item.id.clock, item.id.clock + item.length, clauseId);
    // Clauses sit directly in the draft fragment today; should they ever be nested, deleting a
    // container must not take a locked clause with it.
    let ancestor = item.parent instanceof Y.AbstractType ? item.parent._item : null;
    while (ancestor !== null) {
      if (this.live.tagIn(ancestor.id.client, ancestor.id.clock, ancestor.id.clock + 1)) break;
      this.live.add(
        ancestor.id.client,
        ancestor.id.clock,
        ancestor.id.clock + ancestor.length,
        clauseId,
      );
      ancestor = ancestor.parent instanceof Y.AbstractType ? ancestor.parent._item : null;
    }
    this.addContent(clauseId, element);
  }

  /** Adds every item of a type: its list (deleted items included), map values and nested types. */
  private addContent<Event>(clauseId: string, type: Y.AbstractType<Event>): void {
    for (let item = type._start; item !== null; item = item.right) this.addItem(clauseId, item);
    for (const current of type._map.values()) {
      for (let item: Y.Item | null = current; item !== null; item = item.left) {
        this.addItem(clauseId, item);
      }
    }
  }

  private addItem(clauseId: string, item: Y.Item): void {
    this.inside.add(item.id.client, item.id.clock, item.id.clock + item.length, clauseId);
    if (!item.deleted)
      this.live.add(item.id.client, item.id.clock, item.id.clock + item.length, clauseId);
    if (item.content instanceof Y.ContentType) {
      this.addContent(clauseId, item.content.type);
    }
  }
}
