import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { type ClauseKind, communiqueSchema, DRAFT_FRAGMENT, NODE_NAMES } from './schema';

/** A run of text with optional bold/italic, as Tiptap's JSON writes it. */
export interface DraftText {
  type: 'text';
  text: string;
  marks?: { type: 'bold' | 'italic' }[];
}

/** One block of a draft, as Tiptap's JSON writes it. */
export type DraftBlock =
  | { type: 'title'; content?: DraftText[] }
  | { type: 'sectionHeading'; content?: DraftText[] }
  | { type: 'clause'; attrs: { id: string; kind: ClauseKind }; content?: DraftText[] };

/** A whole draft communiqué in Tiptap's JSON form. */
export interface DraftJson {
  type: 'doc';
  content: DraftBlock[];
}

/** Writes a draft into an empty Yjs document, in the fragment the editor binds to. */
export function writeDraft(doc: Y.Doc, draft: DraftJson): void {
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
  prosemirrorJSONToYXmlFragment(communiqueSchema(), draft, fragment);
}

/** Reads a draft's text out of a Yjs document as Tiptap JSON. */
export function readDraft(doc: Y.Doc): DraftJson {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DRAFT_FRAGMENT)) as DraftJson;
}

/** Joins a block's text runs into plain text. */
export function blockText(block: DraftBlock): string {
  return (block.content ?? []).map((run) => run.text).join('');
}

/** The plain text of every clause of a draft, in order. */
export function clauseTexts(draft: DraftJson): string[] {
  return draft.content.filter((block) => block.type === NODE_NAMES.clause).map(blockText);
}
