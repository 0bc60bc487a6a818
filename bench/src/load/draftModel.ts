import { DEMO_DRAFT } from '@accord/server/src/seed/demoDraft';
import { type DraftJson, writeDraft } from '@accord/shared/domain/draft';
import { DRAFT_FRAGMENT, NODE_NAMES } from '@accord/shared/domain/schema';
import * as Y from 'yjs';

/**
 * The client id the seed is written with. Any fixed id works: what matters is that every room
 * of every server starts from byte-identical state, so that the relay's clients (which get no
 * server state) and the servers' clients see the same structs.
 */
const SEED_CLIENT_ID = 1;

/** The Yjs update every room starts from: Accord's demo draft, as the seed writes it. */
export function seedUpdate(draft: DraftJson = DEMO_DRAFT): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = SEED_CLIENT_ID;
  writeDraft(doc, draft);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The clause elements of a draft, in order (Tiptap's fragment, one XmlElement per clause). */
export function clausesOf(doc: Y.Doc): Y.XmlElement[] {
  const clauses: Y.XmlElement[] = [];
  for (const node of doc.getXmlFragment(DRAFT_FRAGMENT).toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === NODE_NAMES.clause) clauses.push(node);
  }
  return clauses;
}

/** The text node inside a clause, creating none: a clause without one is skipped by typists. */
export function clauseText(clause: Y.XmlElement): Y.XmlText | undefined {
  const first = clause.get(0);
  return first instanceof Y.XmlText ? first : undefined;
}

/** How many clauses a document built from `update` has. */
export function clauseCountOf(update: Uint8Array): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const count = clausesOf(doc).length;
  doc.destroy();
  return count;
}
