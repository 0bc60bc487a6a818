import { clauseAgreed } from '@accord/shared/domain/status';
import { err, ok, type Result } from '@accord/shared/result';
import { allowed, authorOf, type DocumentCommandContext } from './CommandContext';
import type { CommandError } from './CommandError';
import { documentsValue } from './clauseErrors';
import { recordLockChange } from './setLock';

/**
 * Locks every unlocked clause that is agreed, by the one shared definition (`clauseAgreed`: all
 * five agree, no brackets, no alternatives), in one server write (moderators only). Each lock
 * is recorded in the audit log. Answers the ids of the clauses it locked.
 */
export async function lockAllAgreed(
  ctx: DocumentCommandContext,
): Promise<Result<string[], CommandError>> {
  if (!allowed(ctx.actor, 'lockClause')) return err({ code: 'lockForbidden' });
  const done = await documentsValue(
    // Read and lock in one turn of the draft's serial queue: no edit comes between them.
    ctx.documents.withClauses(ctx.access.document.id, async (clauses) => {
      const agreed = clauses
        .list()
        .clauses.filter((clause) => clause.lock === null && clauseAgreed(clause))
        .map((clause) => clause.id);
      return clauses.locks.lockAllAgreed(authorOf(ctx.actor), agreed);
    }),
  );
  if (!done.ok) return done;
  if (!done.value.ok) return err({ code: 'storageFailed' });
  for (const change of done.value.value) await recordLockChange(ctx, change);
  return ok(done.value.value.map((change) => change.clauseId));
}
