import type { ClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Position } from '@accord/shared/domain/positions';
import { err, ok, type Result } from '@accord/shared/result';
import { allowed, auditedBy, authorOf, type DocumentCommandContext } from './CommandContext';
import type { CommandError } from './CommandError';
import { clauseError, documentsValue } from './clauseErrors';

/** A delegation's position on a clause (null withdraws it); whose defaults to the actor's. */
export interface StatePositionInput {
  clauseId: string;
  position: Position | null;
  delegation?: DelegationCode | undefined;
}

/**
 * States (or withdraws) a delegation's position on a clause's current text. Only a delegate of
 * that delegation may; the position is written into the draft's meta (live for everyone) and
 * recorded in the audit log.
 */
export async function statePosition(
  ctx: DocumentCommandContext,
  input: StatePositionInput,
): Promise<Result<ClauseMeta, CommandError>> {
  const delegation = input.delegation ?? ctx.actor.membership.delegation;
  if (!allowed(ctx.actor, 'statePosition', { delegation })) {
    return err({ code: 'positionForbidden', delegation });
  }
  const done = await documentsValue(
    ctx.documents.withClauses(ctx.access.document.id, async (clauses) => ({
      stated: await clauses.statePosition(
        input.clauseId,
        { ...authorOf(ctx.actor), delegation },
        input.position,
      ),
      label: clauses.locks.labelOf(input.clauseId),
    })),
  );
  if (!done.ok) return done;
  const { stated, label } = done.value;
  if (!stated.ok) return err(clauseError(stated.error));
  await ctx.audit.record({
    ...auditedBy(ctx),
    action: 'position',
    detail: { clauseId: input.clauseId, label, of: delegation, position: input.position },
  });
  return ok(stated.value);
}
