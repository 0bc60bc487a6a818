import { type Extensions, getSchema, Node } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import Italic from '@tiptap/extension-italic';
import Text from '@tiptap/extension-text';
import type { Schema } from '@tiptap/pm/model';

/** The two kinds of clause: preambular paragraphs set context, operative ones commit. */
export const CLAUSE_KINDS = ['preambular', 'operative'] as const;

/** A clause's kind. */
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

/** The name of the Yjs `XmlFragment` that holds a draft's text (Tiptap's default field). */
export const DRAFT_FRAGMENT = 'default';

/** Node type names, used by the client, the server and exports alike. */
export const NODE_NAMES = {
  doc: 'doc',
  title: 'title',
  heading: 'sectionHeading',
  clause: 'clause',
  text: 'text',
} as const;

/** The communiqué's title: one line of plain text at the top. */
export const Title = Node.create({
  name: NODE_NAMES.title,
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML: () => [{ tag: 'h1' }],
  renderHTML: () => ['h1', { class: 'communique-title' }, 0],
});

/** An optional heading that groups clauses ("Trade and investment"); it is not numbered. */
export const SectionHeading = Node.create({
  name: NODE_NAMES.heading,
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML: () => [{ tag: 'h2' }],
  renderHTML: () => ['h2', { class: 'communique-heading' }, 0],
});

/**
 * A clause: one numbered paragraph of the communiqué. `id` is its stable identity (numbers are
 * derived from order); `kind` says whether it is preambular or operative.
 */
export const Clause = Node.create({
  name: NODE_NAMES.clause,
  group: 'block',
  content: 'text*',
  marks: 'bold italic',
  defining: true,
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-clause-id'),
        renderHTML: (attributes) =>
          attributes.id ? { 'data-clause-id': String(attributes.id) } : {},
      },
      kind: {
        default: 'operative',
        parseHTML: (element) =>
          element.getAttribute('data-kind') === 'preambular' ? 'preambular' : 'operative',
        renderHTML: (attributes) => ({ 'data-kind': String(attributes.kind) }),
      },
    };
  },
  parseHTML: () => [{ tag: 'p[data-kind]' }, { tag: 'p', priority: 10 }],
  renderHTML: ({ HTMLAttributes }) => ['p', { ...HTMLAttributes, class: 'clause' }, 0],
});

/** The document: a title, then clauses and headings in any order. */
export const CommuniqueDocument = Document.extend({
  content: `${NODE_NAMES.title} block+`,
});

/**
 * The extensions that define a communiqué's schema. The client adds behaviour (collaboration,
 * carets, keyboard rules) on top; the server uses the same list to read and write drafts.
 */
export const communiqueExtensions: Extensions = [
  CommuniqueDocument,
  Text,
  Title,
  SectionHeading,
  Clause,
  Bold,
  Italic,
];

/** The ProseMirror schema of a communiqué, built from `communiqueExtensions`. */
export function communiqueSchema(): Schema {
  return getSchema(communiqueExtensions);
}
