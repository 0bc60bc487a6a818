import { describeBlockers, type FinalExportBlocker } from '@accord/shared/export/finalBlockers';
import { type Actor, can } from '@accord/shared/policy/policy';

/** Whether the final communiqué may be exported now, and if not, why (one line each). */
export type FinalExportAvailability = { allowed: true } | { allowed: false; reasons: string[] };

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
    reasons.push(
      `Every clause must be locked, with no brackets or alternatives left. Blocking: ${describeBlockers(blockers).join('; ')}.`,
    );
  }
  return reasons.length === 0 ? { allowed: true } : { allowed: false, reasons };
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header, or null. */
export function attachmentFileName(header: string | null): string | null {
  if (header === null) return null;
  const match = /filename="([^"]+)"/.exec(header);
  return match?.[1] ?? null;
}
