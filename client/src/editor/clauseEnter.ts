import { type ClauseKind, NODE_NAMES } from '@accord/shared/domain/schema';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type Command, TextSelection, type Transaction } from '@tiptap/pm/state';
import { type ClauseIdFactory, randomClauseId } from './clauseIds';

function clauseKind(node: ProseMirrorNode | null | undefined): ClauseKind | null {
  if (!node || node.type.name !== NODE_NAMES.clause) return null;
  return node.attrs.kind === 'preambular' ? 'preambular' : 'operative';
}

/** Inserts an empty clause at `pos` (between top-level blocks) and puts the caret in it. */
function insertClauseAt(
  tr: Transaction,
  pos: number,
  kind: ClauseKind,
  newId: ClauseIdFactory,
): Transaction {
  const clauseType = tr.doc.type.schema.nodes[NODE_NAMES.clause];
  if (!clauseType) return tr;
  tr.insert(pos, clauseType.create({ id: newId(), kind }));
  return tr.setSelection(TextSelection.create(tr.doc, pos + 1)).scrollIntoView();
}

/**
 * Enter in a communiqué. In a clause: at its end, a new clause of the same kind follows; at its
 * start, an empty one of the same kind is opened above and the text keeps its identity; in the
 * middle, the clause splits in two and the second half is a new clause. In the title (one line
 * by definition), a first clause is opened below it. Elsewhere the default Enter applies.
 */
export function createClauseEnterCommand(newId: ClauseIdFactory = randomClauseId): Command {
  return (state, dispatch) => {
    const { selection } = state;
    if (!(selection instanceof TextSelection)) return false;
    const tr = state.tr;
    if (!selection.empty) tr.deleteSelection();
    const $pos = tr.doc.resolve(tr.mapping.map(selection.from));
    if ($pos.depth !== 1) return false;
    const block = $pos.parent;
    const before = $pos.before(1);
    const after = $pos.after(1);

    if (block.type.name === NODE_NAMES.title) {
      const next = after < tr.doc.content.size ? tr.doc.nodeAt(after) : null;
      if (dispatch) dispatch(insertClauseAt(tr, after, clauseKind(next) ?? 'preambular', newId));
      return true;
    }

    const kind = clauseKind(block);
    if (kind === null) {
      if (block.type.name !== NODE_NAMES.heading || $pos.parentOffset !== block.content.size) {
        return false;
      }
      const next = after < tr.doc.content.size ? tr.doc.nodeAt(after) : null;
      if (dispatch) dispatch(insertClauseAt(tr, after, clauseKind(next) ?? 'operative', newId));
      return true;
    }

    if (!dispatch) return true;
    if ($pos.parentOffset === block.content.size) {
      dispatch(insertClauseAt(tr, after, kind, newId));
    } else if ($pos.parentOffset === 0) {
      const clauseType = state.schema.nodes[NODE_NAMES.clause];
      if (!clauseType) return false;
      tr.insert(before, clauseType.create({ id: newId(), kind }));
      dispatch(tr.scrollIntoView());
    } else {
      const clauseType = block.type;
      tr.split($pos.pos, 1, [{ type: clauseType, attrs: { ...block.attrs, id: newId() } }]);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
