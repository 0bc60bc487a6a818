import { NODE_NAMES } from '@accord/shared/domain/schema';
import type { ClauseStatus } from '@accord/shared/domain/status';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import type { ClauseView } from '../sync/clauseViews';
import { followClauseViews } from './followClauseViews';

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

/** Each clause's status, by id, as the clause meta and the text make it. */
export function clauseStatuses(views: readonly ClauseView[]): ReadonlyMap<string, ClauseStatus> {
  return new Map(views.map((view) => [view.id, view.status]));
}

/**
 * Marks clauses in the margin with their status (a rule in the status's colour) and highlights
 * the clause shown in the side panel. They are decorations, never text. With a doc, the plugin
 * follows the statuses itself (the doc's shared `clauseViewStore`: the server's clause meta and
 * the text), with or without a clause panel mounted; which clause the panel shows comes from
 * the panel, through `setClauseMarks`. A transaction's meta changes only the marks it names.
 */
export function clauseMarksPlugin(doc?: Y.Doc): Plugin<ClauseMarksState> {
  return new Plugin<ClauseMarksState>({
    key: clauseMarksPluginKey,
    state: {
      init: () => ({ marks: NO_MARKS, decorations: DecorationSet.empty }),
      apply: (tr, previous) => {
        const change = tr.getMeta(clauseMarksPluginKey) as Partial<ClauseMarks> | undefined;
        if (change !== undefined) {
          const marks = { ...previous.marks, ...change };
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
    ...(doc === undefined
      ? {}
      : {
          view: (view: EditorView) =>
            followClauseViews(view, doc, (current, clauses) =>
              setClauseMarks(current, { statuses: clauseStatuses(clauses) }),
            ),
        }),
  });
}

/** Changes the marks named (the others stay). Call it outside Yjs transactions. */
export function setClauseMarks(view: EditorView, marks: Partial<ClauseMarks>): void {
  view.dispatch(view.state.tr.setMeta(clauseMarksPluginKey, marks));
}
