import { hashPassword } from '../auth/password';
import type { Storage, UserRecord } from '../storage/storage';
import { ADMIN_USAGE, type AdminCommand } from './adminArgs';
import type { CommandResult, PasswordSource } from './adminTypes';
import { type ExportIo, processExportIo, runExportCommand } from './exportCommand';
import { listDocuments, listNegotiations, setTimeZone, verifyAudit } from './negotiationAdmin';
import { runRevisionCommand } from './revisionCommand';
import { assign, checkPassword, createUser, listUsers, remove } from './userCommands';

export type { CommandResult, PasswordSource } from './adminTypes';

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
      return { ok: true, value: await listUsers(storage) };
    case 'negotiation list':
      return { ok: true, value: await listNegotiations(storage) };
    case 'negotiation time-zone':
      return setTimeZone(storage, command.negotiationId, command.timeZone);
    case 'document list':
      return { ok: true, value: await listDocuments(storage) };
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
  const user: UserRecord | undefined = await storage.users.byUsername(command.username);
  if (user === undefined) return { ok: false, error: `No user "${command.username}".` };
  switch (command.kind) {
    case 'user set-password': {
      const password = await readPassword();
      const passwordError = checkPassword(password);
      if (passwordError) return { ok: false, error: passwordError };
      await storage.users.setPassword(user.id, await hashPassword(password));
      // A new password ends every session opened with the old one.
      await storage.sessions.deleteForUser(user.id);
      return { ok: true, value: `Password of ${user.username} changed; signed out everywhere.` };
    }
    case 'user assign':
      return assign(storage, user, command.membership);
    case 'user remove':
      return remove(storage, user, command.negotiationId);
    case 'user disable':
      await storage.users.setDisabled(user.id, true);
      await storage.sessions.deleteForUser(user.id);
      return { ok: true, value: `Disabled ${user.username} and ended their sessions.` };
    case 'user enable':
      await storage.users.setDisabled(user.id, false);
      return { ok: true, value: `Enabled ${user.username}.` };
  }
}
