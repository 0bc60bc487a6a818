import { LIMITS } from '@accord/shared/protocol/limits';
import { hashPassword } from '../auth/password';
import { describeCommandError } from '../commands/commandErrorTable';
import { assignMember, removeMember } from '../commands/negotiationCommands';
import type { Storage, UserRecord } from '../storage/storage';
import type { AdminCommand, MembershipArgs } from './adminArgs';
import type { CommandResult, PasswordSource } from './adminTypes';
import { formatTable } from './formatTable';
import { operatorContext } from './operatorContext';

/** Whether a new username meets the rules; the problem if not. */
function checkUsername(username: string): string | null {
  if (username.length < LIMITS.usernameMin || username.length > LIMITS.usernameMax) {
    return `A username has ${LIMITS.usernameMin} to ${LIMITS.usernameMax} characters, got "${username}".`;
  }
  if (!LIMITS.usernamePattern.test(username)) {
    return `A username uses lowercase letters, digits, dots, dashes and underscores, got "${username}".`;
  }
  return null;
}

/** Whether a new password meets the length rules; the problem if not. */
export function checkPassword(password: string): string | null {
  if (password.length < LIMITS.passwordMin) {
    return `The password must have at least ${LIMITS.passwordMin} characters.`;
  }
  if (password.length > LIMITS.passwordMax) {
    return `The password must have at most ${LIMITS.passwordMax} characters.`;
  }
  return null;
}

/** A negotiation the admin tool was told about, or the error naming what to look up. */
async function negotiationNamed(storage: Storage, negotiationId: string) {
  return (
    (await storage.negotiations.byId(negotiationId)) ??
    `No negotiation "${negotiationId}" (see: accord-admin negotiation list).`
  );
}

/** Gives a user a delegation and role in a negotiation (`assignMember`, as the operator). */
export async function assign(
  storage: Storage,
  user: UserRecord,
  membership: MembershipArgs,
): Promise<CommandResult> {
  const negotiation = await negotiationNamed(storage, membership.negotiationId);
  if (typeof negotiation === 'string') return { ok: false, error: negotiation };
  const { delegation, role } = membership;
  const assigned = await assignMember(operatorContext(storage, negotiation), {
    user,
    delegation,
    role,
  });
  if (!assigned.ok) return { ok: false, error: describeCommandError(assigned.error).message };
  return {
    ok: true,
    value: `${user.username} is ${role} for ${delegation} in "${negotiation.title}".`,
  };
}

/** Takes a user out of a negotiation (`removeMember`, as the operator). */
export async function remove(
  storage: Storage,
  user: UserRecord,
  negotiationId: string,
): Promise<CommandResult> {
  const negotiation = await negotiationNamed(storage, negotiationId);
  if (typeof negotiation === 'string') return { ok: false, error: negotiation };
  const removed = await removeMember(operatorContext(storage, negotiation), { user });
  if (!removed.ok) return { ok: false, error: describeCommandError(removed.error).message };
  return {
    ok: true,
    value: `${user.username} is no longer a member of "${negotiation.title}" (open drafts close within 2 s).`,
  };
}

/** Creates a user (password from `readPassword`), and assigns them when asked to. */
export async function createUser(
  storage: Storage,
  command: Extract<AdminCommand, { kind: 'user create' }>,
  readPassword: PasswordSource,
): Promise<CommandResult> {
  const usernameError = checkUsername(command.username);
  if (usernameError) return { ok: false, error: usernameError };
  const displayName = command.displayName.trim();
  if (displayName === '' || displayName.length > LIMITS.displayNameMax) {
    return { ok: false, error: `--name must have 1 to ${LIMITS.displayNameMax} characters.` };
  }
  if ((await storage.users.byUsername(command.username)) !== undefined) {
    return { ok: false, error: `User "${command.username}" already exists.` };
  }
  if (
    command.membership &&
    (await storage.negotiations.byId(command.membership.negotiationId)) === undefined
  ) {
    return { ok: false, error: `No negotiation "${command.membership.negotiationId}".` };
  }
  const password = await readPassword();
  const passwordError = checkPassword(password);
  if (passwordError) return { ok: false, error: passwordError };
  const user = await storage.users.create({
    id: crypto.randomUUID(),
    username: command.username,
    displayName,
    passwordHash: await hashPassword(password),
  });
  const lines = [`Created user ${user.username} (${user.displayName}).`];
  if (command.membership) {
    const assigned = await assign(storage, user, command.membership);
    if (!assigned.ok) return assigned;
    lines.push(assigned.value);
  }
  return { ok: true, value: lines.join('\n') };
}

/** The users, their status and their places, as a table. */
export async function listUsers(storage: Storage): Promise<string> {
  const rows: string[][] = [];
  for (const user of await storage.users.list()) {
    const places = (await storage.negotiations.membershipsOfUser(user.id))
      .map((m) => `${m.negotiationId}:${m.delegation}/${m.role}`)
      .join(', ');
    rows.push([user.username, user.displayName, user.disabled ? 'disabled' : 'active', places]);
  }
  if (rows.length === 0) return 'No users.';
  return formatTable(['username', 'name', 'status', 'memberships'], rows);
}
