import type { CharId } from '@accord/shared/domain/bracketChars';
import { clauseIdOf, enclosingClause } from '@accord/shared/domain/clauseNodes';
import * as Y from 'yjs';

/** An opening bracket a transaction inserted into a clause. */
export interface InsertedBracket {
  clauseId: string;
  id: CharId;
}

/**
 * The '[' characters a transaction inserted into clauses (and did not delete again). Walks only
 * the transaction's new structs, between its before and after state vectors: O(what it added).
 * Yjs may have merged a new struct into an older one of the same client, so clocks are clipped
 * to the new range.
 */
export function insertedOpenBrackets(
  transaction: Y.Transaction,
  fragment: Y.XmlFragment,
): InsertedBracket[] {
  const found: InsertedBracket[] = [];
  const store = transaction.doc.store;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    const structs = store.clients.get(client);
    if (after <= before || structs === undefined) continue;
    for (let index = Y.findIndexSS(structs, before); index < structs.length; index++) {
      const struct = structs[index]!;
      if (struct.id.clock >= after) break;
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      if (!(struct.content instanceof Y.ContentString)) continue;
      const parent: unknown = struct.parent;
      if (!(parent instanceof Y.XmlText)) continue;
      const clause = enclosingClause(parent, fragment);
      const clauseId = clause === null ? null : clauseIdOf(clause);
      if (clauseId === null) continue;
      const text = struct.content.str;
      const stop = Math.min(after - struct.id.clock, text.length);
      let offset = text.indexOf('[', Math.max(before - struct.id.clock, 0));
      while (offset !== -1 && offset < stop) {
        found.push({ clauseId, id: { client, clock: struct.id.clock + offset } });
        offset = text.indexOf('[', offset + 1);
      }
    }
  }
  return found;
}

/** The live ']' characters of a client id in `[clock, end)`, each with the text it is in. */
export function liveClosingBrackets(
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
