import type { ClauseMeta } from '@accord/shared/domain/clauseMeta';
import { clauseElements, clauseIdOf } from '@accord/shared/domain/clauseNodes';
import * as Y from 'yjs';
import type { SyncDocument } from '../sync/SyncDocument';
import type { SyncPrincipal } from '../sync/syncTypes';
import type { ClauseCommandResult, DocumentClauses } from './DocumentClauses';

/** Why a choice was refused after it passed the clause rules: the text change itself was. */
export interface ChoiceTextRefused {
  ok: false;
  error: 'textRefused';
  message: string;
}

/**
 * A moderator settles a clause's alternatives: the chosen wording replaces the clause text
 * (written as the moderator's own change, so it is checked, logged, broadcast and recorded
 * like any edit of theirs and clears the positions given on the old text), then the
 * alternatives are cleared and the choice, with the wordings set aside, goes into the history.
 * With `alternativeId` null the text stands and the alternatives are set aside.
 */
export async function chooseAlternative(
  document: SyncDocument<DocumentClauses>,
  clauseId: string,
  alternativeId: string | null,
  moderator: Pick<SyncPrincipal, 'userId' | 'delegation' | 'role'>,
): Promise<ClauseCommandResult<ClauseMeta> | ChoiceTextRefused> {
  const chosen = document.api.alternativeToChoose(clauseId, alternativeId);
  if (!chosen.ok) return chosen;
  if (chosen.value !== null) {
    const { text } = chosen.value;
    const written = await document.writeTextAs(moderator, (doc) =>
      replaceClauseText(doc, clauseId, text),
    );
    if (!written.ok) return { ok: false, error: 'textRefused', message: written.error.message };
  }
  return await document.api.settleAlternatives(clauseId, alternativeId, moderator);
}

/** Replaces the whole text of a clause (its formatting with it) by plain text. */
export function replaceClauseText(doc: Y.Doc, clauseId: string, text: string): void {
  const element = clauseElements(doc).find((candidate) => clauseIdOf(candidate) === clauseId);
  if (element === undefined) return;
  if (element.length > 0) element.delete(0, element.length);
  if (text.length > 0) element.insert(0, [new Y.XmlText(text)]);
}
