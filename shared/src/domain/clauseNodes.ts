import * as Y from 'yjs';
import { clauseLabels } from './numbering';
import { type ClauseKind, DRAFT_FRAGMENT, NODE_NAMES } from './schema';

/**
 * Clauses as the Yjs document holds them: each is an `XmlElement` named `clause`, a direct child
 * of the draft fragment, with `id` and `kind` attributes and `XmlText` children. These readers
 * work on the live document, without converting it to ProseMirror JSON.
 */

/** One clause of a draft, numbered. `id` is null until the editor has given it one. */
export interface DraftClause {
  id: string | null;
  kind: ClauseKind;
  label: string;
  text: string;
}

/** Whether a Yjs type is a clause element. */
export function isClauseElement(type: unknown): type is Y.XmlElement {
  return type instanceof Y.XmlElement && type.nodeName === NODE_NAMES.clause;
}

/** A clause element's stable id, or null when it has none (or not a usable one). */
export function clauseIdOf(element: Y.XmlElement): string | null {
  const id: unknown = element.getAttribute('id');
  return typeof id === 'string' && id !== '' ? id : null;
}

/** A clause element's kind; anything but `preambular` reads as operative, as the schema does. */
export function clauseKindOf(element: Y.XmlElement): ClauseKind {
  return element.getAttribute('kind') === 'preambular' ? 'preambular' : 'operative';
}

/** The plain text of an element: its text runs joined, formatting left out. */
export function plainText(element: Y.XmlElement): string {
  let text = '';
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown }[]) {
        if (typeof op.insert === 'string') text += op.insert;
      }
    } else if (child instanceof Y.XmlElement) {
      text += plainText(child);
    }
  }
  return text;
}

/**
 * The top-level clause element that contains a type (or is it), or null when the type is not
 * inside a clause of this fragment. Walks up the parents only: cost is the nesting depth.
 */
export function enclosingClause<Event>(
  type: Y.AbstractType<Event>,
  fragment: Y.XmlFragment,
): Y.XmlElement | null {
  let current: unknown = type;
  let item = type._item;
  while (item !== null) {
    const parent: unknown = item.parent;
    if (parent === fragment) return isClauseElement(current) ? current : null;
    if (!(parent instanceof Y.AbstractType)) return null;
    current = parent;
    item = parent._item;
  }
  return null;
}

/** The clause elements of a draft, in order. */
export function clauseElements(doc: Y.Doc): Y.XmlElement[] {
  return doc.getXmlFragment(DRAFT_FRAGMENT).toArray().filter(isClauseElement);
}

/** Every clause of a draft, in order, with its derived label (PP1, OP1…). */
export function readClauses(doc: Y.Doc): DraftClause[] {
  const elements = clauseElements(doc);
  const labels = clauseLabels(elements.map(clauseKindOf));
  return elements.map((element, index) => ({
    id: clauseIdOf(element),
    kind: clauseKindOf(element),
    label: labels[index] ?? '',
    text: plainText(element),
  }));
}
