import * as Y from 'yjs';
import type { LockedClauseIndex } from './LockedClauseIndex';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * The locked clause an update would change, if any (L2: nothing inside or
 * deleting a locked clause). A new struct is refused when it would land inside a locked clause
 * (its origin or right origin lies inside one, or its parent is a locked clause element or a
 * type inside it: text, formatting, attributes), or when it claims a locked clause's id for
 * another element; a delete range is refused when it covers a live struct of a locked clause,
 * its element or an ancestor (deleting, or moving, which Yjs does as delete + insert). Structs
 * the document already holds are ignored, as Yjs ignores them when applying.
 * Costs O(update size × log(locked structs)): one index lookup per dependency and delete range.
 */
export function lockedClauseTouched(
  decoded: DecodedUpdate,
  doc: Y.Doc,
  locks: LockedClauseIndex,
): string | undefined {
  const stateBefore = (clientId: number) => Y.getState(doc.store, clientId);
  if (locks.empty) return undefined;
  const ownItems = new UpdateItems(decoded);
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const state = stateBefore(struct.id.client);
    if (struct.id.clock + struct.length <= state) continue;
    // A struct the server partly holds is integrated from its first new clock, whose origin is
    // the character before it.
    if (struct.id.clock < state) {
      const hit = locks.clauseInside(Y.createID(struct.id.client, state - 1));
      if (hit !== undefined) return hit;
    }
    if (struct.origin !== null) {
      const hit = locks.clauseInside(struct.origin);
      if (hit !== undefined) return hit;
    }
    if (struct.rightOrigin !== null) {
      const hit = locks.clauseInside(struct.rightOrigin);
      if (hit !== undefined) return hit;
    }
    const parent: unknown = struct.parent;
    if (parent instanceof Y.ID) {
      const hit = locks.clauseOfParent(parent);
      if (hit !== undefined) return hit;
    }
    const claimed = claimedId(struct.content);
    if (
      claimed !== undefined &&
      locks.isLockedId(claimed) &&
      setsKey(struct, doc, ownItems) === 'id'
    ) {
      return claimed;
    }
  }
  for (const [clientId, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      const hit = locks.clauseLiveIn(clientId, range.clock, range.clock + range.len);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

/**
 * The map key a new struct sets, if it is a map entry. Yjs writes the key out only for a key's
 * first value; a later value names the value it replaces as its origin and takes its key. That
 * origin may be in the document or in the same update (a key set twice in one transaction, the
 * second value building on the first), so the chain is followed through both until a struct
 * that names its key. An origin found in neither is pending, which the validator refuses
 * before this runs. The chain only goes back in integration order, so it ends; its length is
 * bounded by the update's own structs.
 */
function setsKey(struct: Y.Item, doc: Y.Doc, ownItems: UpdateItems): string | null {
  let item: Y.Item = struct;
  for (let steps = 0; steps <= ownItems.size; steps++) {
    if (item.parentSub !== null) return item.parentSub;
    const origin = item.origin;
    if (origin === null) return null;
    if (origin.clock < Y.getState(doc.store, origin.client)) {
      const held = Y.getItem(doc.store, origin);
      return held instanceof Y.Item ? held.parentSub : null;
    }
    const own = ownItems.containing(origin);
    if (own === undefined || own === item) return null;
    item = own;
  }
  return null;
}

/** The items of one update, found by any id they cover (a binary search per client). */
class UpdateItems {
  private readonly byClient = new Map<number, Y.Item[]>();
  readonly size: number;

  constructor(decoded: DecodedUpdate) {
    let size = 0;
    for (const struct of decoded.structs) {
      if (!(struct instanceof Y.Item)) continue;
      let items = this.byClient.get(struct.id.client);
      if (items === undefined) {
        items = [];
        this.byClient.set(struct.id.client, items);
      }
      items.push(struct);
      size += 1;
    }
    this.size = size;
  }

  containing(id: Y.ID): Y.Item | undefined {
    const items = this.byClient.get(id.client);
    if (items === undefined) return undefined;
    let low = 0;
    let high = items.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const item = items[middle]!;
      if (id.clock < item.id.clock) high = middle - 1;
      else if (id.clock >= item.id.clock + item.length) low = middle + 1;
      else return item;
    }
    return undefined;
  }
}

/**
 * The string an attribute value sets, if it is one, whatever content type carries it: Yjs reads
 * a map value as the last element of `getContent()` for every type (ContentAny, ContentJSON,
 * ContentEmbed…), so an id written as JSON or as an embed reads as the same string.
 */
function claimedId(content: Y.Item['content']): string | undefined {
  if (content instanceof Y.ContentString) return content.str;
  const values: unknown[] = content.getContent();
  const value = values[values.length - 1];
  return typeof value === 'string' ? value : undefined;
}
