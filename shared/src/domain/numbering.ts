import type { ClauseKind } from './schema';

/**
 * The label of every clause, derived from order alone: preambular paragraphs are PP1, PP2…,
 * operative ones OP1, OP2…, each counted on its own. A clause's identity never depends on it.
 */
export function clauseLabels(kinds: readonly ClauseKind[]): string[] {
  let preambular = 0;
  let operative = 0;
  return kinds.map((kind) => (kind === 'preambular' ? `PP${++preambular}` : `OP${++operative}`));
}
