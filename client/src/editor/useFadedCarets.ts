import type { Editor } from '@tiptap/react';
import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { parseAwarenessUser } from '../sync/awarenessUser';
import { AWAY_CARET_CLASS, fitCaretLabels } from './caret';

/** The people all of whose pages are in the background, by user id. */
export function awayUserIds(states: ReadonlyMap<number, unknown>): Set<string> {
  const away = new Set<string>();
  const here = new Set<string>();
  for (const state of states.values()) {
    const user = parseAwarenessUser(state);
    if (!user.ok) continue;
    (user.value.away === true ? away : here).add(user.value.userId);
  }
  for (const userId of here) away.delete(userId);
  return away;
}

/**
 * Fades the carets of people who are away, and brings them back. The caret plugin draws a
 * caret once and keeps its element while its person stays (its widget key is the client id),
 * so a change of `away` alone would never reach it: this follows the awareness instead.
 */
export function useFadedCarets(editor: Editor | null, awareness: Awareness): void {
  useEffect(() => {
    if (editor === null) return;
    const apply = () => {
      if (editor.isDestroyed) return;
      const away = awayUserIds(awareness.getStates());
      for (const caret of editor.view.dom.querySelectorAll<HTMLElement>(
        '.collaboration-carets__caret[data-user-id]',
      )) {
        caret.classList.toggle(AWAY_CARET_CLASS, away.has(caret.dataset.userId ?? ''));
      }
    };
    // Carets are drawn anew as text and awareness change: fit their labels once they are.
    let frame = 0;
    const fitLabels = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!editor.isDestroyed) fitCaretLabels(editor.view.dom);
      });
    };
    const onAwareness = () => {
      apply();
      fitLabels();
    };
    apply();
    fitLabels();
    awareness.on('change', onAwareness);
    editor.on('transaction', fitLabels);
    window.addEventListener('resize', fitLabels);
    return () => {
      cancelAnimationFrame(frame);
      awareness.off('change', onAwareness);
      editor.off('transaction', fitLabels);
      window.removeEventListener('resize', fitLabels);
    };
  }, [editor, awareness]);
}
