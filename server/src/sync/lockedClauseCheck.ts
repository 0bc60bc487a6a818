import * as Y from 'yjs';
import type { LockedClauseIndex } from '../clauses/LockedClauseIndex';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * The locked clause an update would change, if any (DESIGN.md decision 3: nothing inside or
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
    if (claimed !== undefined && locks.isLockedId(claimed) && setsKey(struct, doc) === 'id') {
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
 * The map key a new struct sets, if it is a map entry: written out for a key's first value,
 * otherwise the key of the value it replaces (its origin), looked up in the document.
 */
function setsKey(struct: Y.Item, doc: Y.Doc): string | null {
  if (struct.parentSub !== null) return struct.parentSub;
  const origin = struct.origin;
  if (origin === null || origin.clock >= Y.getState(doc.store, origin.client)) return null;
  const item = Y.getItem(doc.store, origin);
  return item instanceof Y.Item ? item.parentSub : null;
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
