import * as Y from 'yjs';
import { type CharId, openingBracketOf, parseBracketCharKey } from './bracketChars';
import type { ClauseBracket } from './clauseMeta';
import { DELEGATION_CODES, type DelegationCode } from './delegations';

/** Whether the character with this Yjs id is in the document and not deleted. */
export function isLiveChar(doc: Y.Doc, id: CharId): boolean {
  const structs = doc.store.clients.get(id.client);
  if (structs === undefined || id.clock >= Y.getState(doc.store, id.client)) return false;
  return !structs[Y.findIndexSS(structs, id.clock)]!.deleted;
}

/** The brackets a clause's text holds now, by who asked for them. */
export interface ClauseBracketOwners {
  /** How many live brackets each delegation asked for, in the canonical order of delegations. */
  byDelegation: { delegation: DelegationCode; count: number }[];
  /** Brackets nobody is recorded for (the Chair's first draft). */
  unowned: number;
}

/**
 * Who owns the brackets in a clause's text now: the entries of its meta whose '[' is still in
 * the document (the meta keeps an entry until the server next writes the clause), and the
 * other '[' of `text` as unowned. What replacing the whole text would take away.
 */
export function clauseBracketOwners(
  doc: Y.Doc,
  text: string,
  brackets: Readonly<Record<string, ClauseBracket>>,
): ClauseBracketOwners {
  const counts = new Map<DelegationCode, number>();
  let owned = 0;
  for (const [key, bracket] of Object.entries(brackets)) {
    const id = parseBracketCharKey(key);
    if (id === null || !isLiveChar(doc, id)) continue;
    owned += 1;
    counts.set(bracket.delegation, (counts.get(bracket.delegation) ?? 0) + 1);
  }
  const opening = [...text].filter((char) => char === '[').length;
  return {
    byDelegation: DELEGATION_CODES.flatMap((delegation) => {
      const count = counts.get(delegation);
      return count === undefined ? [] : [{ delegation, count }];
    }),
    unowned: Math.max(0, opening - owned),
  };
}

/**
 * The Yjs id of the '[' that a live ']' of a clause's text closes (`openingBracketOf` over the
 * live characters), or null when the character is not a live ']' of that text or closes nothing.
 * Walks the clause's text once.
 */
export function openingBracketIdOf(text: Y.XmlText, close: CharId): CharId | null {
  const chars: string[] = [];
  const ids: CharId[] = [];
  let closeIndex = -1;
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    const str = item.content.str;
    for (let offset = 0; offset < str.length; offset++) {
      const id = { client: item.id.client, clock: item.id.clock + offset };
      if (id.client === close.client && id.clock === close.clock) closeIndex = chars.length;
      chars.push(str[offset]!);
      ids.push(id);
    }
  }
  if (closeIndex < 0) return null;
  const open = openingBracketOf(chars.join(''), closeIndex);
  return open === null ? null : ids[open]!;
}
