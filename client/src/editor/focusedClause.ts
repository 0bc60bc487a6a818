import { NODE_NAMES } from '@accord/shared/domain/schema';
import type { EditorState } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useState } from 'react';

/** The id of the clause holding the caret (the selection's start), or null outside clauses. */
export function clauseIdAtSelection(state: EditorState): string | null {
  const { $from } = state.selection;
  if ($from.depth < 1) return null;
  const block = $from.node(1);
  if (block.type.name !== NODE_NAMES.clause) return null;
  const id: unknown = block.attrs.id;
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * Which clause the side panel shows: the one the caret moves into, or one chosen by a click
 * (in the text, even read only, or in the consensus view). Leaving the clauses for the title
 * keeps the last one.
 */
export function useFocusedClause(
  editor: Editor | null,
): [focusedId: string | null, focus: (clauseId: string) => void] {
  const [focusedId, setFocusedId] = useState<string | null>(null);

  useEffect(() => {
    if (!editor) return;
    const onSelection = () => {
      // Only this person's caret moves the panel: a remote edit maps the selection but does
      // not move it to another clause, and a focused editor is where they are working.
      if (!editor.isFocused) return;
      const id = clauseIdAtSelection(editor.state);
      if (id !== null) setFocusedId(id);
    };
    editor.on('selectionUpdate', onSelection);
    editor.on('focus', onSelection);
    return () => {
      editor.off('selectionUpdate', onSelection);
      editor.off('focus', onSelection);
    };
  }, [editor]);

  const focus = useCallback((clauseId: string) => setFocusedId(clauseId), []);
  return [focusedId, focus];
}

/** The editor's element for a clause, found by its id. */
export function clauseElement(editor: Editor, clauseId: string): HTMLElement | null {
  return editor.view.dom.querySelector<HTMLElement>(
    `p.clause[data-clause-id="${CSS.escape(clauseId)}"]`,
  );
}

/** Scrolls the editor so that a clause is in the middle of the window. */
export function scrollToClause(editor: Editor, clauseId: string): void {
  const element = clauseElement(editor, clauseId);
  if (!element) return;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
}
