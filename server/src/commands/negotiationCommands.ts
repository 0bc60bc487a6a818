import { parseTimeZone } from '@accord/shared/domain/timeZone';
import { err, ok, type Result } from '@accord/shared/result';
import type { MembershipRecord, UserRecord } from '../storage/storage';
import { allowed, auditedBy, type CommandContext } from './CommandContext';
import type { CommandError } from './CommandError';

/** The zone a negotiation's times are shown in: before and after (equal when unchanged). */
export interface TimeZoneChange {
  from: string;
  to: string;
}

/**
 * Sets the IANA zone every time of the negotiation is shown in (moderators, or the operator).
 * An unchanged zone writes nothing; a change is recorded in the audit log.
 */
export async function setTimeZone(
  ctx: CommandContext,
  input: { timeZone: string },
): Promise<Result<TimeZoneChange, CommandError>> {
  if (!allowed(ctx.actor, 'changeSettings')) return err({ code: 'settingsForbidden' });
  const parsed = parseTimeZone(input.timeZone);
  if (!parsed.ok) return err({ code: 'badTimeZone', problem: parsed.error });
  const { negotiation } = ctx.access;
  const change = { from: negotiation.timeZone, to: parsed.value };
  if (change.to === change.from) return ok(change);
  await ctx.storage.negotiations.setTimeZone(negotiation.id, change.to);
  await ctx.audit.record({ ...auditedBy(ctx), action: 'timeZone', detail: change });
  return ok(change);
}

/** A user's new place in the negotiation. */
export interface AssignMemberInput {
  user: UserRecord;
  delegation: MembershipRecord['delegation'];
  role: MembershipRecord['role'];
}

/**
 * Makes a user a member of the negotiation, or changes their delegation or role (managing
 * members; today only the operator's admin tool does). Recorded in the audit log with the
 * place they had before.
 */
export async function assignMember(
  ctx: CommandContext,
  input: AssignMemberInput,
): Promise<Result<MembershipRecord, CommandError>> {
  if (!allowed(ctx.actor, 'manageMembers')) return err({ code: 'membersForbidden' });
  const { negotiation } = ctx.access;
  const { user, delegation, role } = input;
  const previous = await ctx.storage.negotiations.membership(negotiation.id, user.id);
  const membership = { negotiationId: negotiation.id, userId: user.id, delegation, role };
  await ctx.storage.negotiations.setMembership(membership);
  await ctx.audit.record({
    ...auditedBy(ctx),
    action: 'membership',
    detail: {
      memberUserId: user.id,
      username: user.username,
      delegation,
      role,
      previous: previous ? { delegation: previous.delegation, role: previous.role } : null,
    },
  });
  return ok(membership);
}

/** Takes a user out of the negotiation; their open drafts close when access is re-checked. */
export async function removeMember(
  ctx: CommandContext,
  input: { user: UserRecord },
): Promise<Result<MembershipRecord, CommandError>> {
  if (!allowed(ctx.actor, 'manageMembers')) return err({ code: 'membersForbidden' });
  const { negotiation } = ctx.access;
  const { user } = input;
  const previous = await ctx.storage.negotiations.membership(negotiation.id, user.id);
  if (previous === undefined) {
    return err({
      code: 'notAMember',
      username: user.username,
      negotiationTitle: negotiation.title,
    });
  }
  await ctx.storage.negotiations.removeMembership(negotiation.id, user.id);
  await ctx.audit.record({
    ...auditedBy(ctx),
    action: 'membership',
    detail: {
      memberUserId: user.id,
      username: user.username,
      delegation: null,
      role: null,
      previous: { delegation: previous.delegation, role: previous.role },
    },
  });
  return ok(previous);
}
