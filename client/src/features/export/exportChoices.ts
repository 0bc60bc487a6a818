import { describeBlockers, type FinalExportBlocker } from '@accord/shared/export/finalBlockers';
import { type Actor, can } from '@accord/shared/policy/policy';

/**
 * Whether the final communiqué may be exported now, and if not, why: `reasons` (one line each)
 * and the blocking clauses, one line each ("PP5: not locked, has brackets").
 */
export type FinalExportAvailability =
  | { allowed: true }
  | { allowed: false; reasons: string[]; blocking: string[] };

/**
 * What the export dialog says about the final text: only a moderator exports it, and only once
 * every clause is locked with no brackets or alternatives left (the blocking clauses listed).
 * The server checks the same rules again.
 */
export function finalExportAvailability(
  actor: Actor,
  blockers: readonly FinalExportBlocker[],
): FinalExportAvailability {
  const reasons: string[] = [];
  if (!can(actor, 'exportFinal')) reasons.push('Only a moderator can export the final communiqué.');
  if (blockers.length > 0) {
    reasons.push('Every clause must be locked, with no brackets or alternatives left. Blocking:');
  }
  return reasons.length === 0
    ? { allowed: true }
    : { allowed: false, reasons, blocking: describeBlockers(blockers) };
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header, or null. */
export function attachmentFileName(header: string | null): string | null {
  if (header === null) return null;
  const match = /filename="([^"]+)"/.exec(header);
  return match?.[1] ?? null;
}
