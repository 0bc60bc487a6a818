import { communiqueSchema } from '@accord/shared/domain/schema';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, type Plugin, TextSelection } from '@tiptap/pm/state';

/** A clause for test documents: `[id, kind, text]`; a null id is a clause without one. */
export type TestClause = [string | null, 'preambular' | 'operative', string];

const schema = communiqueSchema();

/** Builds a communiqué (title, then the given clauses) for editor unit tests. */
export function communiqueDoc(
  clauses: readonly TestClause[],
  title = 'Communiqué',
): ProseMirrorNode {
  return schema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'title', content: [{ type: 'text', text: title }] },
      ...clauses.map(([id, kind, text]) => ({
        type: 'clause',
        attrs: { id, kind },
        content: text ? [{ type: 'text', text }] : [],
      })),
    ],
  });
}

/** An editor state over `doc` with the caret at `caret` and the given plugins. */
export function stateWith(
  doc: ProseMirrorNode,
  caret: number,
  plugins: Plugin[] = [],
): EditorState {
  return EditorState.create({
    doc,
    plugins,
    selection: TextSelection.create(doc, caret),
  });
}

/** The position just inside the start of the `index`-th top-level block (0 is the title). */
export function startOfBlock(doc: ProseMirrorNode, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos + 1;
}

/** Every clause's `[id, kind, text]`, in order. */
export function clausesOf(doc: ProseMirrorNode): TestClause[] {
  const clauses: TestClause[] = [];
  doc.forEach((node) => {
    if (node.type.name === 'clause') {
      clauses.push([
        node.attrs.id as string | null,
        node.attrs.kind as TestClause[1],
        node.textContent,
      ]);
    }
  });
  return clauses;
}
