import { NODE_NAMES } from '@accord/shared/domain/schema';
import type { ClauseStatus } from '@accord/shared/domain/status';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

/** What the margin shows about clauses: each one's status and which one the side panel shows. */
export interface ClauseMarks {
  statuses: ReadonlyMap<string, ClauseStatus>;
  focusedId: string | null;
}

interface ClauseMarksState {
  marks: ClauseMarks;
  decorations: DecorationSet;
}

const NO_MARKS: ClauseMarks = { statuses: new Map(), focusedId: null };

/** The clause-marks plugin's key. */
export const clauseMarksPluginKey = new PluginKey<ClauseMarksState>('accordClauseMarks');

/** Node decorations giving each clause its status (`data-status`) and marking the focused one. */
export function clauseMarkDecorations(doc: ProseMirrorNode, marks: ClauseMarks): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((node, offset) => {
    if (node.type.name !== NODE_NAMES.clause) return;
    const id: unknown = node.attrs.id;
    if (typeof id !== 'string') return;
    const status = marks.statuses.get(id);
    const focused = id === marks.focusedId;
    if (status === undefined && !focused) return;
    const attrs: Record<string, string> = {};
    if (status !== undefined) attrs['data-status'] = status;
    if (focused) attrs.class = 'clause--focused';
    decorations.push(Decoration.node(offset, offset + node.nodeSize, attrs, { status, focused }));
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Marks clauses in the margin with their status (a rule in the status's colour) and highlights
 * the clause shown in the side panel. The marks come from outside the editor (the server's
 * clause meta, read from the Y.Doc) through `setClauseMarks`; they are decorations, never text.
 */
export function clauseMarksPlugin(): Plugin<ClauseMarksState> {
  return new Plugin<ClauseMarksState>({
    key: clauseMarksPluginKey,
    state: {
      init: () => ({ marks: NO_MARKS, decorations: DecorationSet.empty }),
      apply: (tr, previous) => {
        const marks = tr.getMeta(clauseMarksPluginKey) as ClauseMarks | undefined;
        if (marks !== undefined) {
          return { marks, decorations: clauseMarkDecorations(tr.doc, marks) };
        }
        if (!tr.docChanged) return previous;
        return {
          marks: previous.marks,
          decorations: clauseMarkDecorations(tr.doc, previous.marks),
        };
      },
    },
    props: {
      decorations: (state) => clauseMarksPluginKey.getState(state)?.decorations,
    },
  });
}

/** Shows new clause marks. Call it outside Yjs transactions (from a React effect, say). */
export function setClauseMarks(view: EditorView, marks: ClauseMarks): void {
  view.dispatch(view.state.tr.setMeta(clauseMarksPluginKey, marks));
}
