import * as Y from 'yjs';
import type { DecodedUpdate } from '../sync/DocumentPlugin';

/**
 * Whether everything a delete set takes with it may go (B3, S11). Yjs deletes the children of a deleted
 * item (a clause's text with its element, the characters with their text), so a delete set
 * naming only an element or a text item removes every bracket inside it: each live item under
 * a deleted type is checked as if it were named. Honest clients name the children too, so this
 * finds nothing new for them; the walk costs the size of the subtrees deleted, which the sender
 * would have had to name otherwise.
 */
export function descendantsMayGo(
  doc: Y.Doc,
  ds: DecodedUpdate['ds'],
  mayDeleteRange: (client: number, clock: number, end: number) => boolean,
): boolean {
  const stack: Y.AbstractType<unknown>[] = [];
  for (const [clientId, ranges] of ds.clients) {
    const structs = doc.store.clients.get(clientId);
    if (structs === undefined) continue;
    const state = Y.getState(doc.store, clientId);
    for (const range of ranges) {
      const end = Math.min(range.clock + range.len, state);
      if (range.clock >= end) continue;
      for (let index = Y.findIndexSS(structs, range.clock); index < structs.length; index++) {
        const struct = structs[index]!;
        if (struct.id.clock >= end) break;
        if (
          struct instanceof Y.Item &&
          !struct.deleted &&
          struct.content instanceof Y.ContentType
        ) {
          stack.push(struct.content.type);
        }
      }
    }
  }
  while (stack.length > 0) {
    const type = stack.pop()!;
    const children: Y.Item[] = [];
    for (let item = type._start; item !== null; item = item.right) children.push(item);
    for (const item of type._map.values()) children.push(item);
    for (const child of children) {
      if (child.deleted) continue;
      if (!mayDeleteRange(child.id.client, child.id.clock, child.id.clock + child.length)) {
        return false;
      }
      if (child.content instanceof Y.ContentType) stack.push(child.content.type);
    }
  }
  return true;
}
