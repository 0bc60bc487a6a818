import type { ClauseMeta } from '@accord/shared/domain/clauseMeta';
import { clauseBracketOwners } from '@accord/shared/domain/liveBrackets';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import { err, ok, type Result } from '@accord/shared/result';
import { chooseAlternative as writeChoice } from '../clauses/chooseAlternative';
import { allowed, auditedBy, authorOf, type DocumentCommandContext } from './CommandContext';
import type { CommandError } from './CommandError';
import { clauseError, documentsValue } from './clauseErrors';

/** The alternative chosen (null keeps the text) and the hash of the text it was reviewed on. */
export interface ChooseAlternativeInput {
  clauseId: string;
  alternativeId: string | null;
  expectedTextHash?: string | undefined;
}

/**
 * A moderator settles a clause's alternatives: the chosen wording becomes the clause text (or
 * the text stands), the others are set aside into the history. A choice reviewed against other
 * words than the clause has now is refused rather than made blind. The audit entry says what
 * the choice set aside: the words it replaced, whose brackets they carried, the other wordings.
 */
export async function chooseAlternative(
  ctx: DocumentCommandContext,
  input: ChooseAlternativeInput,
): Promise<Result<ClauseMeta, CommandError>> {
  if (!allowed(ctx.actor, 'chooseAlternative')) return err({ code: 'chooseAlternativeForbidden' });
  const { clauseId, alternativeId, expectedTextHash } = input;
  const moderator = { ...authorOf(ctx.actor), role: ctx.actor.membership.role };
  const done = await documentsValue(
    // Runs in the draft's serial queue: what is read here is what the choice replaces.
    ctx.documents.withDocument(ctx.access.document.id, async (doc) => {
      const label = doc.api.locks.labelOf(clauseId);
      const before = doc.api.currentText(clauseId);
      if (
        expectedTextHash !== undefined &&
        before !== undefined &&
        clauseTextHash(before) !== expectedTextHash
      ) {
        return { stale: true as const, label };
      }
      const picked = doc.api.alternativeToChoose(clauseId, alternativeId);
      const meta = doc.api.meta.read(clauseId);
      const owners = clauseBracketOwners(doc.doc, before ?? '', meta?.brackets ?? {});
      const setAside = (meta?.alternatives ?? []).filter((other) => other.id !== alternativeId);
      return {
        stale: false as const,
        chosen: await writeChoice(doc, clauseId, alternativeId, moderator),
        picked,
        label,
        before: before ?? '',
        owners,
        setAside,
      };
    }),
  );
  if (!done.ok) return done;
  const outcome = done.value;
  if (outcome.stale) return err({ code: 'choiceStale', label: outcome.label });
  const { chosen, picked, label } = outcome;
  if (!chosen.ok) {
    if (chosen.error === 'textRefused') {
      return err({ code: 'choiceTextRefused', problem: chosen.message });
    }
    return err(clauseError(chosen.error));
  }
  const wording = picked.ok ? picked.value : null;
  await ctx.audit.record({
    ...auditedBy(ctx),
    action: 'alternativeChosen',
    detail: {
      clauseId,
      label,
      alternativeId,
      proposedBy: wording?.delegation ?? null,
      text: wording?.text ?? null,
      replacedText: wording === null ? null : outcome.before,
      bracketsRemoved:
        wording === null
          ? []
          : outcome.owners.byDelegation.map(({ delegation, count }) => ({ delegation, count })),
      unownedBracketsRemoved: wording === null ? 0 : outcome.owners.unowned,
      setAside: outcome.setAside.map((other) => ({
        delegation: other.delegation,
        text: other.text,
      })),
    },
  });
  return ok(chosen.value);
}
