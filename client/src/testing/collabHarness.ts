import { readClauses } from '@accord/shared/domain/clauseNodes';
import { communiqueSchema, DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import type { Node as ProseMirrorNode, Slice } from '@tiptap/pm/model';
import {
  EditorState,
  NodeSelection,
  type Plugin,
  type PluginView,
  TextSelection,
  type Transaction,
} from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import {
  prosemirrorJSONToYXmlFragment,
  ySyncPlugin,
  yUndoPlugin,
  yUndoPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { type ClauseIdFactory, clauseIdPlugin } from '../editor/clauseIds';
import { UNDO_PROTECTED_NODES } from '../editor/editorExtensions';
import { communiqueDoc, type TestClause } from './testDocs';

const schema = communiqueSchema();

/**
 * The part of an EditorView that y-tiptap's sync and undo plugins use (state, dispatch, focus),
 * with plugin views driven exactly as EditorView drives them. No DOM is installed in this
 * workspace, and the behaviour under test (transactions, appendTransaction, the Yjs binding) never
 * touches the DOM, so the real plugins run unchanged against it.
 */
export class HeadlessView {
  state: EditorState;
  isDestroyed = false;
  private readonly pluginViews: PluginView[] = [];

  constructor(state: EditorState) {
    this.state = state;
    for (const plugin of state.plugins) {
      const pluginView = plugin.spec.view?.(this.asView());
      if (pluginView) this.pluginViews.push(pluginView);
    }
  }

  /** Applies a transaction and updates plugin views, as EditorView.dispatch does. */
  dispatch = (tr: Transaction): void => {
    const previous = this.state;
    this.state = this.state.apply(tr);
    for (const pluginView of this.pluginViews) pluginView.update?.(this.asView(), previous);
  };

  hasFocus(): boolean {
    return false;
  }

  destroy(): void {
    this.isDestroyed = true;
    for (const pluginView of this.pluginViews) pluginView.destroy?.();
  }

  private asView(): EditorView {
    return this as unknown as EditorView;
  }
}

/** One collaborating client: its Yjs document and a headless editor bound to it. */
export interface Client {
  doc: Y.Doc;
  view: HeadlessView;
}

/** A counter of fresh ids with a per-client prefix, so tests can tell who made which id. */
export function idCounter(prefix: string): ClauseIdFactory {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** The Yjs state of a communiqué with these clauses, to seed every client identically. */
export function seedUpdate(clauses: readonly TestClause[]): Uint8Array {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(
    schema,
    communiqueDoc(clauses).toJSON(),
    doc.getXmlFragment(DRAFT_FRAGMENT),
  );
  return Y.encodeStateAsUpdate(doc);
}

/** A client seeded with `seed`, running ySync, yUndo (as the editor configures it) and the clause-id plugin. */
export function createClient(
  seed: Uint8Array,
  newId: ClauseIdFactory,
  extra: Plugin[] = [],
): Client {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seed);
  const plugins: Plugin[] = [
    ySyncPlugin(doc.getXmlFragment(DRAFT_FRAGMENT)),
    yUndoPlugin({ protectedNodes: new Set(UNDO_PROTECTED_NODES) }),
    clauseIdPlugin(newId),
    ...extra,
  ];
  const view = new HeadlessView(EditorState.create({ schema, plugins }));
  return { doc, view };
}

/** Sends each client's missing updates to the other (both directions), like a relay would. */
export function exchange(a: Client, b: Client): void {
  const toB = Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc));
  const toA = Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc));
  Y.applyUpdate(b.doc, toB, 'remote');
  Y.applyUpdate(a.doc, toA, 'remote');
}

/** Clause ids in document order. */
export function idsOf(doc: ProseMirrorNode): (string | null)[] {
  const ids: (string | null)[] = [];
  doc.forEach((node) => {
    if (node.type.name === 'clause') ids.push(node.attrs.id as string | null);
  });
  return ids;
}

/** Whether every clause has a non-empty id and no id repeats. */
export function idsAreUnique(doc: ProseMirrorNode): boolean {
  const ids = idsOf(doc);
  return ids.every((id) => typeof id === 'string' && id !== '') && new Set(ids).size === ids.length;
}

/** Lets queued microtasks (follow-up repairs) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** The Yjs side of a client's draft: each clause's id, as the server and other clients read it. */
export function yjsIdsOf(client: Client): (string | null)[] {
  return readClauses(client.doc).map((clause) => clause.id);
}

/** Puts the caret at `pos` in a client's editor. */
export function placeCaret(client: Client, pos: number): void {
  const { state } = client.view;
  client.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)));
}

/** The document position where the `index`-th top-level block (0 is the title) begins. */
export function blockPos(doc: ProseMirrorNode, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

/** What copying the `index`-th block as a whole (a node selection) puts on the clipboard. */
export function copyBlock(client: Client, index: number): Slice {
  const { doc } = client.view.state;
  return NodeSelection.create(doc, blockPos(doc, index)).content();
}

/**
 * Pastes a slice at the caret as ProseMirror's paste handler does: one whole node goes in with
 * replaceSelectionWith (placed beside the clause the caret is in), anything else replaceSelection.
 */
export function paste(client: Client, slice: Slice): void {
  const { tr } = client.view.state;
  const single = slice.openStart === 0 && slice.openEnd === 0 ? slice.content.firstChild : null;
  if (single && slice.content.childCount === 1) tr.replaceSelectionWith(single, false);
  else tr.replaceSelection(slice);
  client.view.dispatch(tr);
}

/**
 * Drags the `from`-th block and drops it before the `to`-th block (indexes in the document before
 * the drag), in one transaction, as ProseMirror's drop handler does for a moved node.
 */
export function dragBlock(client: Client, from: number, to: number): void {
  const { state } = client.view;
  const selection = NodeSelection.create(state.doc, blockPos(state.doc, from));
  const slice = selection.content();
  const tr = state.tr.setSelection(selection);
  tr.deleteSelection();
  const node = slice.content.firstChild;
  if (!node) throw new Error('nothing to drag');
  tr.replaceRangeWith(
    tr.mapping.map(blockPos(state.doc, to)),
    tr.mapping.map(blockPos(state.doc, to)),
    node,
  );
  client.view.dispatch(tr);
}

/** Closes the current undo step, as a pause in typing does. */
export function closeUndoStep(client: Client): void {
  const undoState: unknown = yUndoPluginKey.getState(client.view.state);
  if (typeof undoState !== 'object' || undoState === null || !('undoManager' in undoState)) return;
  const { undoManager } = undoState;
  if (undoManager instanceof Y.UndoManager) undoManager.stopCapturing();
}
