import { DRAFT_FRAGMENT, NODE_NAMES } from '@accord/shared/domain/schema';
import { seededRandom } from '@accord/shared/testing/seededRandom';
import * as Y from 'yjs';
import { clausesOf, clauseText } from '../load/draftModel';

/** One edit of the generated history: the update a real client would have sent, and its author. */
export interface AuthoredUpdate {
  /** Index into the authors (0..authors-1). */
  author: number;
  update: Uint8Array;
}

/** A communiqué's generated history. */
export interface CommuniqueHistory {
  updates: AuthoredUpdate[];
  /** The Yjs client id of each author. */
  authorClientIds: number[];
  /** The final state, one update (for servers that store state, not logs). */
  state: Uint8Array;
  clauses: number;
}

const WORDS = [
  'the ',
  'parties ',
  'shall ',
  'consult ',
  'on ',
  'migration ',
  'trade ',
  'and ',
  'investment ',
  'in ',
  'Central ',
  'America ',
  'with ',
  'due ',
  'regard ',
  'to ',
  'human ',
  'rights ',
  'of ',
  'every ',
  'migrant, ',
  'tariffs ',
  'jobs; ',
];

/**
 * Builds a communiqué of `clauses` clauses through `edits` small edits by `authors` people, as a
 * negotiation produces one: clauses are added over time, and most edits type a word or delete a
 * few characters somewhere in an existing clause. Every edit is its own transaction, so each
 * stored update is what one client would have sent. Deterministic for a given seed.
 */
export function buildCommunique(options: {
  clauses: number;
  edits: number;
  authors: number;
  seed?: number;
}): CommuniqueHistory {
  const { clauses, edits, authors } = options;
  const random = seededRandom(options.seed ?? 11062025);
  const authorClientIds = Array.from({ length: authors }, (_, index) => 1000 + index);
  const doc = new Y.Doc();
  const updates: AuthoredUpdate[] = [];
  let author = 0;
  doc.on('update', (update: Uint8Array) => updates.push({ author, update }));
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
  const as = (index: number, change: () => void) => {
    author = index;
    // One document plays every author in turn: each transaction carries its author's client id.
    doc.clientID = authorClientIds[index] ?? 0;
    doc.transact(change);
  };

  as(0, () => {
    const title = new Y.XmlElement(NODE_NAMES.title);
    title.insert(0, [new Y.XmlText('Joint Communiqué on Regional Economic Growth and Migration')]);
    fragment.insert(0, [title]);
  });
  let created = 0;
  let cached: Y.XmlText[] = [];
  for (let step = 1; step < edits; step++) {
    const who = Math.floor(random() * authors);
    const due = Math.ceil((step * clauses) / (edits - 1));
    if (created < clauses && (created < due || cached.length === 0)) {
      const at = 1 + Math.floor(random() * (created + 1));
      const id = `clause-${created + 1}`;
      const kind = created < clauses * 0.3 ? 'preambular' : 'operative';
      as(who, () => {
        const clause = new Y.XmlElement(NODE_NAMES.clause);
        clause.setAttribute('id', id);
        clause.setAttribute('kind', kind);
        clause.insert(0, [new Y.XmlText()]);
        fragment.insert(Math.min(at, fragment.length), [clause]);
      });
      created += 1;
      cached = clausesOf(doc)
        .map(clauseText)
        .filter((text): text is Y.XmlText => text !== undefined);
      continue;
    }
    const text = cached[Math.floor(random() * cached.length)];
    if (text === undefined) continue;
    const length = text.length;
    if (length > 8 && random() < 0.15) {
      const count = 1 + Math.floor(random() * 4);
      const at = Math.floor(random() * (length - count));
      as(who, () => text.delete(at, count));
    } else {
      const word = WORDS[Math.floor(random() * WORDS.length)] ?? 'x ';
      const piece = word.slice(0, 1 + Math.floor(random() * Math.min(3, word.length)));
      const at = Math.floor(random() * (length + 1));
      as(who, () => text.insert(at, piece));
    }
  }
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { updates, authorClientIds, state, clauses: created };
}
