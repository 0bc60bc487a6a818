import { describeCommandError } from '../commands/commandErrorTable';
import { setTimeZone as setNegotiationTimeZone } from '../commands/negotiationCommands';
import type { Storage } from '../storage/storage';
import type { CommandResult } from './adminTypes';
import { formatTable } from './formatTable';
import { operatorAuditLog, operatorContext } from './operatorContext';

/** The negotiations, as a table. */
export async function listNegotiations(storage: Storage): Promise<string> {
  const rows: string[][] = [];
  for (const n of await storage.negotiations.list()) {
    const members = await storage.negotiations.members(n.id);
    rows.push([n.id, n.title, n.venue, n.startsOn, n.timeZone, String(members.length)]);
  }
  if (rows.length === 0) return 'No negotiations.';
  return formatTable(['id', 'title', 'venue', 'starts on', 'time zone', 'members'], rows);
}

/** Sets the zone a negotiation's times are shown in (`setTimeZone`, as the operator). */
export async function setTimeZone(
  storage: Storage,
  negotiationId: string,
  raw: string,
): Promise<CommandResult> {
  const negotiation = await storage.negotiations.byId(negotiationId);
  if (negotiation === undefined) {
    return {
      ok: false,
      error: `No negotiation "${negotiationId}" (see: accord-admin negotiation list).`,
    };
  }
  const changed = await setNegotiationTimeZone(operatorContext(storage, negotiation), {
    timeZone: raw,
  });
  if (!changed.ok) return { ok: false, error: describeCommandError(changed.error).message };
  const { from, to } = changed.value;
  if (from === to) return { ok: true, value: `"${negotiation.title}" already uses ${to}.` };
  return {
    ok: true,
    value: `"${negotiation.title}" now shows its times in ${to} (was ${from}).`,
  };
}

/** The drafts of every negotiation, as a table. */
export async function listDocuments(storage: Storage): Promise<string> {
  const rows: string[][] = [];
  for (const negotiation of await storage.negotiations.list()) {
    for (const document of await storage.documents.listByNegotiation(negotiation.id)) {
      rows.push([
        document.id,
        document.title,
        negotiation.id,
        new Date(document.updatedAt).toISOString(),
      ]);
    }
  }
  if (rows.length === 0) return 'No drafts.';
  return formatTable(['id', 'title', 'negotiation', 'updated'], rows);
}

/** Verifies a negotiation's audit chain; a broken chain is a failed command naming the entry. */
export async function verifyAudit(storage: Storage, negotiationId: string): Promise<CommandResult> {
  if ((await storage.negotiations.byId(negotiationId)) === undefined) {
    return {
      ok: false,
      error: `No negotiation "${negotiationId}" (see: accord-admin negotiation list).`,
    };
  }
  const result = await operatorAuditLog(storage).verify(negotiationId);
  if (result.firstBroken) {
    return {
      ok: false,
      error: `Audit log broken at entry ${result.firstBroken.seq}: ${result.firstBroken.reason} (${result.entries} entries).`,
    };
  }
  return { ok: true, value: `Audit log intact: ${result.entries} entries verified.` };
}
