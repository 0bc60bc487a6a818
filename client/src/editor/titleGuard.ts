import { NODE_NAMES } from '@accord/shared/domain/schema';
import { type Command, TextSelection } from '@tiptap/pm/state';

/**
 * Backspace at the start of the block right after the title. ProseMirror would merge that
 * clause into the title; a communiqué's title is one line of its own, so instead an empty block
 * is removed (when others remain) and a non-empty one is left alone.
 */
export const backspaceAfterTitle: Command = (state, dispatch) => {
  const { selection, doc } = state;
  if (!(selection instanceof TextSelection) || !selection.empty) return false;
  const $pos = selection.$from;
  if ($pos.depth !== 1 || $pos.parentOffset !== 0 || $pos.index(0) !== 1) return false;
  if (doc.child(0).type.name !== NODE_NAMES.title) return false;
  if ($pos.parent.content.size === 0 && doc.childCount > 2 && dispatch) {
    const tr = state.tr.delete($pos.before(1), $pos.after(1));
    dispatch(tr.setSelection(TextSelection.create(tr.doc, doc.child(0).nodeSize - 1)));
  }
  return true;
};

/**
 * Delete at the end of the title: the mirror of `backspaceAfterTitle`, so that the first clause
 * is never pulled up into the title either.
 */
export const deleteAtTitleEnd: Command = (state, dispatch) => {
  const { selection, doc } = state;
  if (!(selection instanceof TextSelection) || !selection.empty) return false;
  const $pos = selection.$from;
  if ($pos.depth !== 1 || $pos.parent.type.name !== NODE_NAMES.title) return false;
  if ($pos.parentOffset !== $pos.parent.content.size) return false;
  const next = doc.maybeChild(1);
  if (next && next.content.size === 0 && doc.childCount > 2 && dispatch) {
    const from = $pos.after(1);
    dispatch(state.tr.delete(from, from + next.nodeSize));
  }
  return true;
};
