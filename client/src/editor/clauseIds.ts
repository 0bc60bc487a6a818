import { NODE_NAMES } from '@accord/shared/domain/schema';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { type Mappable, Mapping } from '@tiptap/pm/transform';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { isFromYjs } from './remoteTransactions';

/** Makes a fresh clause id. */
export type ClauseIdFactory = () => string;

/** The default clause id: a random UUID, unique without coordination between clients. */
export const randomClauseId: ClauseIdFactory = () => crypto.randomUUID();

interface ClauseAt {
  pos: number;
  node: ProseMirrorNode;
  id: string | null;
}

function clausesIn(doc: ProseMirrorNode): ClauseAt[] {
  const clauses: ClauseAt[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name !== NODE_NAMES.clause) return;
    const id: unknown = node.attrs.id;
    clauses.push({ pos, node, id: typeof id === 'string' && id !== '' ? id : null });
  });
  return clauses;
}

function occurrencesById(clauses: readonly ClauseAt[]): Map<string, ClauseAt[]> {
  const byId = new Map<string, ClauseAt[]>();
  for (const clause of clauses) {
    if (clause.id === null) continue;
    const list = byId.get(clause.id);
    if (list) list.push(clause);
    else byId.set(clause.id, [clause]);
  }
  return byId;
}

/** Positions of the clauses whose id is missing or repeats an earlier clause's id. */
export function clausesNeedingIds(doc: ProseMirrorNode): number[] {
  const seen = new Set<string>();
  const positions: number[] = [];
  for (const { pos, id } of clausesIn(doc)) {
    if (id !== null && !seen.has(id)) seen.add(id);
    else positions.push(pos);
  }
  return positions;
}

/** A local edit: the document before it and how its positions map to the current document. */
export interface LocalEdit {
  before: ProseMirrorNode;
  mapping: Mappable;
}

/**
 * Where the text of each clause of `before` that had a unique id now starts, by id. The clause
 * whose text starts there is the original; any other clause with that id is a copy the edit made.
 * Following the text start (not the node's start) with assoc 1: content inserted right before a
 * clause (a paste above) pushes it along, a split in the middle leaves it on the first half, and
 * a split at the very start (a paste there) leaves it with the text rather than an empty clause.
 */
function originalStarts(edit: LocalEdit): Map<string, number> {
  const starts = new Map<string, number>();
  for (const [id, list] of occurrencesById(clausesIn(edit.before))) {
    const only = list[0];
    if (list.length !== 1 || !only) continue;
    const mapped = edit.mapping.mapResult(only.pos + 1, 1);
    if (!mapped.deleted) starts.set(id, mapped.pos);
  }
  return starts;
}

/**
 * A transaction giving every clause without a usable id a fresh one, and every copy of an id a
 * fresh one; null when all are fine. The original keeps its id: with `edit`, the clause whose
 * text start the edit carried over (so a split leaves the id on the first half, and a clause
 * pasted above its original does not take its id); otherwise, or when the original is gone, the first
 * occurrence. Ids in `leave` are not touched (duplicates another repair owns).
 */
export function assignClauseIds(
  state: EditorState,
  newId: ClauseIdFactory = randomClauseId,
  edit?: LocalEdit,
  leave: ReadonlySet<string> = new Set(),
): Transaction | null {
  const clauses = clausesIn(state.doc);
  const taken = new Set(clauses.flatMap((clause) => (clause.id === null ? [] : [clause.id])));
  const starts = edit ? originalStarts(edit) : new Map<string, number>();
  const renamed: number[] = [];
  for (const [id, list] of occurrencesById(clauses)) {
    if (list.length < 2 || leave.has(id)) continue;
    const start = starts.get(id);
    const keeper = list.find((clause) => clause.pos + 1 === start) ?? list[0];
    for (const clause of list) if (clause !== keeper) renamed.push(clause.pos);
  }
  for (const clause of clauses) if (clause.id === null) renamed.push(clause.pos);
  if (renamed.length === 0) return null;
  const tr = state.tr;
  for (const pos of renamed) {
    let id = newId();
    while (taken.has(id)) id = newId();
    taken.add(id);
    tr.setNodeAttribute(pos, 'id', id);
  }
  return tr;
}

/** The Yjs element behind each top-level node, when the editor is bound to Yjs. */
function yjsElements(state: EditorState): Map<ProseMirrorNode, Y.XmlElement> | null {
  const sync: unknown = ySyncPluginKey.getState(state);
  if (typeof sync !== 'object' || sync === null || !('binding' in sync)) return null;
  const binding: unknown = sync.binding;
  if (typeof binding !== 'object' || binding === null) return null;
  if (!('mapping' in binding) || !('type' in binding)) return null;
  const { mapping, type } = binding;
  if (!(mapping instanceof Map) || !(type instanceof Y.XmlFragment)) return null;
  const elements = new Map<ProseMirrorNode, Y.XmlElement>();
  for (const child of type.toArray()) {
    const node: unknown = mapping.get(child);
    if (child instanceof Y.XmlElement && node instanceof ProseMirrorNode) elements.set(node, child);
  }
  return elements;
}

function itemKey(element: Y.XmlElement): [number, number] | null {
  const item = element._item;
  return item ? [item.id.client, item.id.clock] : null;
}

/**
 * Repairs ids that arrived broken from Yjs (concurrent edits merged into duplicates, or clauses
 * written without an id), the same way on every client; null when there is nothing to repair or
 * the Yjs elements are not known yet.
 *
 * Why deterministic: each client sees the merged duplicates and would repair them on its own. With
 * random ids or "first in my document order", two clients could rename different copies and the
 * original id would vanish, or fight. Here everything comes from Yjs item ids, which every
 * client shares: among copies, the element with the smallest (client, clock) keeps the id, and
 * every other clause gets `y<client>.<clock>` of its own element, which no other element can
 * have. Two clients repairing at once write the same values, so their updates agree.
 */
export function repairMergedClauseIds(state: EditorState): Transaction | null {
  const clauses = clausesIn(state.doc);
  const broken: ClauseAt[] = clauses.filter((clause) => clause.id === null);
  for (const list of occurrencesById(clauses).values()) {
    if (list.length > 1) broken.push(...list);
  }
  if (broken.length === 0) return null;
  const elements = yjsElements(state);
  if (!elements) return null;
  const keyed: { clause: ClauseAt; key: [number, number] }[] = [];
  for (const clause of broken) {
    const element = elements.get(clause.node);
    const key = element ? itemKey(element) : null;
    if (!key) return null;
    keyed.push({ clause, key });
  }
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
  const kept = new Set(clauses.filter((c) => !broken.includes(c)).map((c) => c.id));
  const tr = state.tr;
  for (const { clause, key } of keyed) {
    if (clause.id !== null && !kept.has(clause.id)) {
      kept.add(clause.id);
      continue;
    }
    tr.setNodeAttribute(clause.pos, 'id', `y${key[0].toString(36)}.${key[1].toString(36)}`);
  }
  return tr.docChanged ? tr.setMeta('addToHistory', false) : null;
}

/** Ids that occur more than once in a document. */
function repeatedIds(doc: ProseMirrorNode): Set<string> {
  const repeated = new Set<string>();
  for (const [id, list] of occurrencesById(clausesIn(doc))) if (list.length > 1) repeated.add(id);
  return repeated;
}

/** The clause-id plugin's key. */
export const clauseIdPluginKey = new PluginKey('accordClauseIds');

/**
 * Keeps clause ids present and unique. After this person's edits (new clauses, splits, merges,
 * pastes, drags) it fixes ids in the same step, so the fix is part of the edit for Yjs and undo.
 * Transactions from Yjs (remote edits, undo/redo) are never rewritten: they carry ids others
 * wrote. When merged remote edits leave duplicates, a separate follow-up transaction repairs
 * them deterministically (see repairMergedClauseIds), so all clients agree on the result.
 */
export function clauseIdPlugin(newId: ClauseIdFactory = randomClauseId): Plugin {
  // Why remember repairs: if the server refuses one and resets us, re-sending it would loop.
  const attempted = new Set<string>();
  const scheduleRepair = (view: EditorView) => {
    queueMicrotask(() => {
      if (view.isDestroyed) return;
      const tr = repairMergedClauseIds(view.state);
      if (!tr) return;
      const signature = JSON.stringify(clausesIn(tr.doc).map((clause) => clause.id));
      if (attempted.has(signature)) return;
      attempted.add(signature);
      view.dispatch(tr);
    });
  };
  return new Plugin({
    key: clauseIdPluginKey,
    appendTransaction(transactions, oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      if (transactions.some(isFromYjs)) return null;
      const mapping = new Mapping();
      for (const tr of transactions) mapping.appendMapping(tr.mapping);
      // Duplicates that were already there came from Yjs: the deterministic repair owns them.
      const leave = yjsElements(oldState) ? repeatedIds(oldState.doc) : new Set<string>();
      return assignClauseIds(newState, newId, { before: oldState.doc, mapping }, leave);
    },
    view: () => ({
      update(view, previous) {
        if (view.state.doc === previous.doc) return;
        if (clausesNeedingIds(view.state.doc).length > 0) scheduleRepair(view);
      },
    }),
  });
}
