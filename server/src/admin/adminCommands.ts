import { parseTimeZone } from '@accord/shared/domain/timeZone';
import { LIMITS } from '@accord/shared/protocol/limits';
import { AuditLog } from '../audit/AuditLog';
import { hashPassword } from '../auth/password';
import type { Storage, UserRecord } from '../storage/storage';
import { ADMIN_USAGE, type AdminCommand, type MembershipArgs } from './adminArgs';
import { type ExportIo, processExportIo, runExportCommand } from './exportCommand';
import { formatTable } from './formatTable';
import { runRevisionCommand } from './revisionCommand';

/** What a command printed, or why it failed. */
export type CommandResult = { ok: true; value: string } | { ok: false; error: string };

/** How a command obtains a new password (stdin or a terminal prompt, decided by the caller). */
export type PasswordSource = () => Promise<string>;

function checkUsername(username: string): string | null {
  if (username.length < LIMITS.usernameMin || username.length > LIMITS.usernameMax) {
    return `A username has ${LIMITS.usernameMin} to ${LIMITS.usernameMax} characters, got "${username}".`;
  }
  if (!LIMITS.usernamePattern.test(username)) {
    return `A username uses lowercase letters, digits, dots, dashes and underscores, got "${username}".`;
  }
  return null;
}

function checkPassword(password: string): string | null {
  if (password.length < LIMITS.passwordMin) {
    return `The password must have at least ${LIMITS.passwordMin} characters.`;
  }
  if (password.length > LIMITS.passwordMax) {
    return `The password must have at most ${LIMITS.passwordMax} characters.`;
  }
  return null;
}

function findUser(storage: Storage, username: string): UserRecord | string {
  return storage.users.byUsername(username) ?? `No user "${username}".`;
}

function assign(storage: Storage, user: UserRecord, membership: MembershipArgs): CommandResult {
  const negotiation = storage.negotiations.byId(membership.negotiationId);
  if (negotiation === undefined) {
    return {
      ok: false,
      error: `No negotiation "${membership.negotiationId}" (see: accord-admin negotiation list).`,
    };
  }
  const previous = storage.negotiations.membership(negotiation.id, user.id);
  storage.negotiations.setMembership({ ...membership, userId: user.id });
  new AuditLog(storage.audit).append({
    negotiationId: negotiation.id,
    // The admin tool is run by whoever operates the server; no member did it.
    userId: null,
    delegation: null,
    action: 'membership',
    detail: {
      memberUserId: user.id,
      username: user.username,
      delegation: membership.delegation,
      role: membership.role,
      previous: previous ? { delegation: previous.delegation, role: previous.role } : null,
    },
  });
  return {
    ok: true,
    value: `${user.username} is ${membership.role} for ${membership.delegation} in "${negotiation.title}".`,
  };
}

function remove(storage: Storage, user: UserRecord, negotiationId: string): CommandResult {
  const negotiation = storage.negotiations.byId(negotiationId);
  if (negotiation === undefined) {
    return {
      ok: false,
      error: `No negotiation "${negotiationId}" (see: accord-admin negotiation list).`,
    };
  }
  const previous = storage.negotiations.membership(negotiation.id, user.id);
  if (previous === undefined) {
    return { ok: false, error: `${user.username} is not a member of "${negotiation.title}".` };
  }
  storage.negotiations.removeMembership(negotiation.id, user.id);
  new AuditLog(storage.audit).append({
    negotiationId: negotiation.id,
    userId: null,
    delegation: null,
    action: 'membership',
    detail: {
      memberUserId: user.id,
      username: user.username,
      delegation: null,
      role: null,
      previous: { delegation: previous.delegation, role: previous.role },
    },
  });
  return {
    ok: true,
    value: `${user.username} is no longer a member of "${negotiation.title}" (open drafts close within 2 s).`,
  };
}

async function createUser(
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
  if (storage.users.byUsername(command.username)) {
    return { ok: false, error: `User "${command.username}" already exists.` };
  }
  if (command.membership && !storage.negotiations.byId(command.membership.negotiationId)) {
    return { ok: false, error: `No negotiation "${command.membership.negotiationId}".` };
  }
  const password = await readPassword();
  const passwordError = checkPassword(password);
  if (passwordError) return { ok: false, error: passwordError };
  const user = storage.users.create({
    id: crypto.randomUUID(),
    username: command.username,
    displayName,
    passwordHash: await hashPassword(password),
  });
  const lines = [`Created user ${user.username} (${user.displayName}).`];
  if (command.membership) {
    const assigned = assign(storage, user, command.membership);
    if (!assigned.ok) return assigned;
    lines.push(assigned.value);
  }
  return { ok: true, value: lines.join('\n') };
}

function listUsers(storage: Storage): string {
  const rows = storage.users.list().map((user) => {
    const places = storage.negotiations
      .membershipsOfUser(user.id)
      .map((m) => `${m.negotiationId}:${m.delegation}/${m.role}`)
      .join(', ');
    return [user.username, user.displayName, user.disabled ? 'disabled' : 'active', places];
  });
  if (rows.length === 0) return 'No users.';
  return formatTable(['username', 'name', 'status', 'memberships'], rows);
}

function listNegotiations(storage: Storage): string {
  const rows = storage.negotiations
    .list()
    .map((n) => [
      n.id,
      n.title,
      n.venue,
      n.startsOn,
      n.timeZone,
      String(storage.negotiations.members(n.id).length),
    ]);
  if (rows.length === 0) return 'No negotiations.';
  return formatTable(['id', 'title', 'venue', 'starts on', 'time zone', 'members'], rows);
}

/** Sets the zone a negotiation's times are shown in; recorded in its audit log. */
function setTimeZone(storage: Storage, negotiationId: string, raw: string): CommandResult {
  const negotiation = storage.negotiations.byId(negotiationId);
  if (negotiation === undefined) {
    return {
      ok: false,
      error: `No negotiation "${negotiationId}" (see: accord-admin negotiation list).`,
    };
  }
  const parsed = parseTimeZone(raw);
  if (!parsed.ok) return parsed;
  if (parsed.value === negotiation.timeZone) {
    return { ok: true, value: `"${negotiation.title}" already uses ${parsed.value}.` };
  }
  storage.negotiations.setTimeZone(negotiation.id, parsed.value);
  new AuditLog(storage.audit).append({
    negotiationId: negotiation.id,
    userId: null,
    delegation: null,
    action: 'timeZone',
    detail: { from: negotiation.timeZone, to: parsed.value },
  });
  return {
    ok: true,
    value: `"${negotiation.title}" now shows its times in ${parsed.value} (was ${negotiation.timeZone}).`,
  };
}

function listDocuments(storage: Storage): string {
  const rows = storage.negotiations
    .list()
    .flatMap((negotiation) =>
      storage.documents
        .listByNegotiation(negotiation.id)
        .map((document) => [
          document.id,
          document.title,
          negotiation.id,
          new Date(document.updatedAt).toISOString(),
        ]),
    );
  if (rows.length === 0) return 'No drafts.';
  return formatTable(['id', 'title', 'negotiation', 'updated'], rows);
}

/** Verifies a negotiation's audit chain; a broken chain is a failed command naming the entry. */
function verifyAudit(storage: Storage, negotiationId: string): CommandResult {
  if (storage.negotiations.byId(negotiationId) === undefined) {
    return {
      ok: false,
      error: `No negotiation "${negotiationId}" (see: accord-admin negotiation list).`,
    };
  }
  const result = new AuditLog(storage.audit).verify(negotiationId);
  if (result.firstBroken) {
    return {
      ok: false,
      error: `Audit log broken at entry ${result.firstBroken.seq}: ${result.firstBroken.reason} (${result.entries} entries).`,
    };
  }
  return { ok: true, value: `Audit log intact: ${result.entries} entries verified.` };
}

/** Runs one admin command against the storage (`exportIo`: where an export is written). */
export async function runAdminCommand(
  storage: Storage,
  command: AdminCommand,
  readPassword: PasswordSource,
  exportIo: ExportIo = processExportIo(process.cwd()),
): Promise<CommandResult> {
  switch (command.kind) {
    case 'help':
      return { ok: true, value: ADMIN_USAGE };
    case 'user create':
      return createUser(storage, command, readPassword);
    case 'user list':
      return { ok: true, value: listUsers(storage) };
    case 'negotiation list':
      return { ok: true, value: listNegotiations(storage) };
    case 'negotiation time-zone':
      return setTimeZone(storage, command.negotiationId, command.timeZone);
    case 'document list':
      return { ok: true, value: listDocuments(storage) };
    case 'export':
      return runExportCommand(storage, command, exportIo);
    case 'audit verify':
      return verifyAudit(storage, command.negotiationId);
    case 'revision list':
    case 'revision show':
    case 'revision compare':
      return runRevisionCommand(storage, command, exportIo);
    default:
      break;
  }
  const user = findUser(storage, command.username);
  if (typeof user === 'string') return { ok: false, error: user };
  switch (command.kind) {
    case 'user set-password': {
      const password = await readPassword();
      const passwordError = checkPassword(password);
      if (passwordError) return { ok: false, error: passwordError };
      storage.users.setPassword(user.id, await hashPassword(password));
      // A new password ends every session opened with the old one.
      storage.sessions.deleteForUser(user.id);
      return { ok: true, value: `Password of ${user.username} changed; signed out everywhere.` };
    }
    case 'user assign':
      return assign(storage, user, command.membership);
    case 'user remove':
      return remove(storage, user, command.negotiationId);
    case 'user disable':
      storage.users.setDisabled(user.id, true);
      storage.sessions.deleteForUser(user.id);
      return { ok: true, value: `Disabled ${user.username} and ended their sessions.` };
    case 'user enable':
      storage.users.setDisabled(user.id, false);
      return { ok: true, value: `Enabled ${user.username}.` };
  }
}
