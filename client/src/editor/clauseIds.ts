import { NODE_NAMES } from '@accord/shared/domain/schema';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { isFromYjs } from './remoteTransactions';

/** Makes a fresh clause id. */
export type ClauseIdFactory = () => string;

/** The default clause id: a random UUID, unique without coordination between clients. */
export const randomClauseId: ClauseIdFactory = () => crypto.randomUUID();

/** Positions of the clauses whose id is missing or repeats an earlier clause's id. */
export function clausesNeedingIds(doc: ProseMirrorNode): number[] {
  const seen = new Set<string>();
  const positions: number[] = [];
  doc.forEach((node, offset) => {
    if (node.type.name !== NODE_NAMES.clause) return;
    const id: unknown = node.attrs.id;
    if (typeof id === 'string' && id !== '' && !seen.has(id)) {
      seen.add(id);
      return;
    }
    positions.push(offset);
  });
  return positions;
}

/**
 * A transaction giving every clause without a usable id a fresh one; null when all are fine.
 * The first clause carrying an id keeps it, so splitting a clause leaves its identity with the
 * first half and the second half becomes a new clause.
 */
export function assignClauseIds(
  state: EditorState,
  newId: ClauseIdFactory = randomClauseId,
): Transaction | null {
  const positions = clausesNeedingIds(state.doc);
  if (positions.length === 0) return null;
  const tr = state.tr;
  for (const position of positions) tr.setNodeAttribute(position, 'id', newId());
  return tr;
}

/** The clause-id plugin's key. */
export const clauseIdPluginKey = new PluginKey('accordClauseIds');

/**
 * Keeps clause ids present and unique after this person's edits (new clauses, splits, pastes).
 * Transactions that come from Yjs are never touched: ids written by others are theirs, and
 * rewriting them here would make two clients fight over one clause. This is the client's part
 * only; issue 3 hardens clause identity under concurrent edits, merges and undo.
 */
export function clauseIdPlugin(newId: ClauseIdFactory = randomClauseId): Plugin {
  return new Plugin({
    key: clauseIdPluginKey,
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      if (transactions.some(isFromYjs)) return null;
      return assignClauseIds(newState, newId);
    },
  });
}
