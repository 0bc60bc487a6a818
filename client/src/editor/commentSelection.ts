import { DRAFT_FRAGMENT, NODE_NAMES } from '@accord/shared/domain/schema';
import { createThreadAnchor } from '@accord/shared/domain/threadAnchor';
import type { ThreadAnchor } from '@accord/shared/protocol/threads';
import type { EditorState } from '@tiptap/pm/state';
import * as Y from 'yjs';

/** What a new thread is about: the selected words of one clause. */
export interface CommentTarget {
  clauseId: string;
  anchor: ThreadAnchor;
  quote: string;
}

/** The selection's clause and offsets when it selects text inside one clause, else null. */
export function commentableRange(
  state: EditorState,
): { clauseId: string; from: number; to: number; quote: string } | null {
  const { $from, $to, empty } = state.selection;
  if (empty || !$from.sameParent($to)) return null;
  const clause = $from.parent;
  if (clause.type.name !== NODE_NAMES.clause) return null;
  const id: unknown = clause.attrs.id;
  if (typeof id !== 'string' || id === '') return null;
  const from = $from.parentOffset;
  const to = $to.parentOffset;
  const quote = clause.textBetween(from, to);
  if (quote.trim() === '') return null;
  return { clauseId: id, from, to, quote };
}

/** The Yjs text of a clause, by its id. */
function clauseYText(doc: Y.Doc, clauseId: string): Y.XmlText | null {
  for (const node of doc.getXmlFragment(DRAFT_FRAGMENT).toArray()) {
    if (node instanceof Y.XmlElement && node.getAttribute('id') === clauseId) {
      const text = node.get(0);
      return text instanceof Y.XmlText ? text : null;
    }
  }
  return null;
}

/**
 * The anchor of the current selection: relative positions in the clause's Yjs text (a clause
 * holds `text*`, so a ProseMirror offset inside it is the same index in its `XmlText`).
 */
export function commentTarget(state: EditorState, doc: Y.Doc): CommentTarget | null {
  const range = commentableRange(state);
  if (range === null) return null;
  const text = clauseYText(doc, range.clauseId);
  if (text === null) return null;
  return {
    clauseId: range.clauseId,
    anchor: createThreadAnchor(text, range.from, range.to),
    quote: range.quote,
  };
}
