import type { ClauseMeta } from '@accord/shared/domain/clauseMeta';
import { err, ok, type Result } from '@accord/shared/result';
import { allowed, authorOf, type DocumentCommandContext } from './CommandContext';
import type { CommandError } from './CommandError';
import { clauseError, documentsValue } from './clauseErrors';

/** An alternative wording of a clause: plain text, already trimmed and checked by the schema. */
export interface ProposeAlternativeInput {
  clauseId: string;
  text: string;
}

/**
 * A delegate or moderator proposes an alternative wording ("Alt 1 [MX]") of a clause, written
 * into the clause meta (live for everyone) and the clause's history.
 */
export async function proposeAlternative(
  ctx: DocumentCommandContext,
  input: ProposeAlternativeInput,
): Promise<Result<ClauseMeta, CommandError>> {
  if (!allowed(ctx.actor, 'proposeAlternative')) {
    return err({ code: 'proposeAlternativeForbidden' });
  }
  const done = await documentsValue(
    ctx.documents.withClauses(ctx.access.document.id, async (clauses) =>
      clauses.proposeAlternative(input.clauseId, authorOf(ctx.actor), input.text),
    ),
  );
  if (!done.ok) return done;
  return done.value.ok ? ok(done.value.value) : err(clauseError(done.value.error));
}

/** Which alternative of which clause to withdraw. */
export interface WithdrawAlternativeInput {
  clauseId: string;
  alternativeId: string;
}

/** The proposing delegation or a moderator takes an alternative off the table. */
export async function withdrawAlternative(
  ctx: DocumentCommandContext,
  input: WithdrawAlternativeInput,
): Promise<Result<ClauseMeta, CommandError>> {
  const { actor } = ctx;
  const done = await documentsValue(
    ctx.documents.withClauses(ctx.access.document.id, async (clauses) =>
      clauses.withdrawAlternative(
        input.clauseId,
        input.alternativeId,
        authorOf(actor),
        // Whose alternative it is is known only once it is found in the clause.
        (alternative) =>
          allowed(actor, 'withdrawAlternative', { delegation: alternative.delegation }),
      ),
    ),
  );
  if (!done.ok) return done;
  const withdrawn = done.value;
  if (withdrawn.ok) return ok(withdrawn.value);
  if (withdrawn.error === 'forbidden') return err({ code: 'withdrawAlternativeForbidden' });
  return err(clauseError(withdrawn.error));
}
