import type { ClauseMeta } from '@accord/shared/domain/clauseMeta';
import { err, ok, type Result } from '@accord/shared/result';
import type { LockChange } from '../clauses/ClauseLocks';
import {
  allowed,
  auditedBy,
  authorOf,
  type CommandContext,
  type DocumentCommandContext,
} from './CommandContext';
import type { CommandError } from './CommandError';
import { documentsValue } from './clauseErrors';

/** Lock (true) or unlock (false) one clause, with the reason `lockReasonRequired` asks for. */
export interface SetLockInput {
  clauseId: string;
  locked: boolean;
  reason?: string | null | undefined;
}

/** Records a lock or unlock in the audit log. */
export function recordLockChange(ctx: CommandContext, change: LockChange): Promise<void> {
  return ctx.audit.record({
    ...auditedBy(ctx),
    action: (change.meta.lock ?? null) !== null ? 'lock' : 'unlock',
    detail: {
      clauseId: change.clauseId,
      label: change.label,
      reason: change.reason,
      allAgreed: change.agreed,
    },
  });
}

/**
 * Locks or unlocks a clause (moderators only). A reason is required to unlock, and to lock a
 * clause that is not agreed (`clauseAgreed`); from then on the update validator refuses any
 * change to the clause. Recorded in the audit log.
 */
export async function setLock(
  ctx: DocumentCommandContext,
  input: SetLockInput,
): Promise<Result<ClauseMeta, CommandError>> {
  if (!allowed(ctx.actor, 'lockClause')) return err({ code: 'lockForbidden' });
  const done = await documentsValue(
    ctx.documents.withClauses(ctx.access.document.id, async (clauses) =>
      clauses.locks.setLock(input.clauseId, authorOf(ctx.actor), input.locked, input.reason),
    ),
  );
  if (!done.ok) return done;
  const changed = done.value;
  if (!changed.ok) {
    switch (changed.error.code) {
      case 'unknownClause':
        return err({ code: 'unknownClause' });
      case 'badReason':
        return err({
          code: 'lockReasonInvalid',
          problem: changed.error.message,
          locking: input.locked,
        });
      case 'unchanged':
        return err({ code: 'lockUnchanged', locked: changed.error.locked });
      default:
        return err({ code: 'storageFailed' });
    }
  }
  await recordLockChange(ctx, changed.value);
  return ok(changed.value.meta);
}
