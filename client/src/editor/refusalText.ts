import type { DelegationCode } from '@accord/shared/domain/delegations';
import { t } from '@lingui/core/macro';
import type { EditorState } from '@tiptap/pm/state';
import { delegationName } from '../i18n/domainWords';
import type { BracketBlockReason } from './brackets';
import { numberClauses } from './clauseNumbers';

/** The label ("OP3") of the clause the selection starts in, or null outside clauses. */
export function clauseLabelAtSelection(state: EditorState): string | null {
  const { $from } = state.selection;
  if ($from.depth < 1) return null;
  const start = $from.before(1);
  return numberClauses(state.doc).find((clause) => clause.pos === start)?.label ?? null;
}

/**
 * Why deleting another delegation's '[' (or joining or splitting clauses so that it moves, which
 * the server takes as deleting it) was stopped, naming the clause and the delegation.
 */
export function bracketRefusalText(
  owner: DelegationCode,
  clauseLabel: string | null,
  reason: BracketBlockReason = 'remove',
): string {
  const name = delegationName(owner);
  if (reason === 'move') {
    return clauseLabel
      ? t`That would move a bracket in ${clauseLabel} asked for by ${name} to another clause: only ${name} or the Chair can join or split clauses around it.`
      : t`That would move a bracket asked for by ${name} to another clause: only ${name} or the Chair can join or split clauses around it.`;
  }
  return clauseLabel
    ? t`That would remove a bracket in ${clauseLabel} asked for by ${name}: only ${name} or the Chair can remove it.`
    : t`That would remove a bracket asked for by ${name}: only ${name} or the Chair can remove it.`;
}
