import type { EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { clauseViewStore } from '../sync/ClauseViewStore';
import type { ClauseView } from '../sync/clauseViews';

/**
 * A plugin view that hands the doc's live clause views to `apply` whenever they change, so an
 * editor plugin follows the clause meta itself, with no panel mounted. The store tells its
 * listeners after the Yjs transaction is over, never from inside it (y-tiptap is mirroring it
 * then); the first views come once the view and y-tiptap's binding are set up.
 */
export function followClauseViews(
  view: EditorView,
  doc: Y.Doc,
  apply: (view: EditorView, clauses: readonly ClauseView[]) => void,
): { destroy: () => void } {
  const store = clauseViewStore(doc);
  let destroyed = false;
  const refresh = () => {
    if (destroyed || view.isDestroyed) return;
    apply(view, store.getSnapshot());
  };
  const unsubscribe = store.subscribe(refresh);
  queueMicrotask(refresh);
  return {
    destroy: () => {
      destroyed = true;
      unsubscribe();
    },
  };
}
