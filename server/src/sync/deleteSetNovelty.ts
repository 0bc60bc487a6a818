import * as Y from 'yjs';
import type { DecodedUpdate } from './DocumentPlugin';

/**
 * How many of the document's structs the no-op check may look at: proportional to the update's
 * size, so a tiny update naming a huge range cannot make the server walk the whole document.
 */
export function deletionWalkBudget(update: Uint8Array): number {
  return 64 + 16 * update.byteLength;
}

/**
 * Whether the delete set removes anything the document still has. When the budget runs out the
 * answer is "yes": storing a redundant but valid update is harmless; refusing a real one is not.
 */
export function deletesSomethingNew(doc: Y.Doc, ds: DecodedUpdate['ds'], budget: number): boolean {
  let remaining = budget;
  for (const [clientId, ranges] of ds.clients) {
    const structs = doc.store.clients.get(clientId);
    for (const range of ranges) {
      if (range.len === 0) continue;
      // Ranges beyond the document's state delete structs of this update, which are new anyway.
      if (structs === undefined || range.clock + range.len > Y.getState(doc.store, clientId)) {
        return true;
      }
      const end = range.clock + range.len;
      for (let index = Y.findIndexSS(structs, range.clock); index < structs.length; index++) {
        const struct = structs[index]!;
        if (struct.id.clock >= end) break;
        if (!struct.deleted || --remaining <= 0) return true;
      }
    }
  }
  return false;
}
