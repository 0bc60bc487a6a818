import { err, ok, type Result } from '@accord/shared/result';
import type { AuditVerification } from '../audit/AuditLog';
import type { AuditRecord } from '../storage/storage';
import { allowed, type CommandContext } from './CommandContext';
import type { CommandError } from './CommandError';

/** The negotiation's audit entries, oldest first: moderators only (`viewAudit`). */
export async function readAuditLog(
  ctx: CommandContext,
): Promise<Result<AuditRecord[], CommandError>> {
  if (!allowed(ctx.actor, 'viewAudit')) return err({ code: 'auditForbidden' });
  return ok(await ctx.audit.list(ctx.access.negotiation.id));
}

/** Checks the negotiation's audit chain from its first entry: moderators only. */
export async function verifyAuditLog(
  ctx: CommandContext,
): Promise<Result<AuditVerification, CommandError>> {
  if (!allowed(ctx.actor, 'viewAudit')) return err({ code: 'auditForbidden' });
  return ok(await ctx.audit.verify(ctx.access.negotiation.id));
}

/**
 * Whether the actor may export the draft (or a revision) in this mode: the final communiqué is
 * the moderators'; the working draft is anyone's who may read it (`exportDraft`).
 */
export function authorizeExport(
  ctx: CommandContext,
  mode: 'draft' | 'final',
): Result<true, CommandError> {
  if (mode === 'final' && !allowed(ctx.actor, 'exportFinal')) {
    return err({ code: 'exportFinalForbidden' });
  }
  if (mode === 'draft' && !allowed(ctx.actor, 'exportDraft')) {
    return err({ code: 'exportDraftForbidden' });
  }
  return ok(true);
}
