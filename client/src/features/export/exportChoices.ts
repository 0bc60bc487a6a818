import { describeBlockers, type FinalExportBlocker } from '@accord/shared/export/finalBlockers';
import { type Actor, can } from '@accord/shared/policy/policy';
import { t } from '@lingui/core/macro';
import { pageLocale } from '../../i18n/domainWords';

/** A clause that blocks the final export, in words ("PP5: not locked, has brackets"). */
export interface BlockingClause {
  /** Empty for a clause the editor has not given an id yet. */
  clauseId: string;
  line: string;
}

/**
 * Whether the final communiqué may be exported now, and if not, why: `reasons` (one line each)
 * and the blocking clauses, each linked to its clause.
 */
export type FinalExportAvailability =
  | { allowed: true }
  | { allowed: false; reasons: string[]; blocking: BlockingClause[] };

/**
 * What the export dialog says about the final text: only a moderator exports it, and only once
 * every clause is locked with no brackets or alternatives left (the blocking clauses listed).
 * Someone who can never export it is told only that: a list of what a moderator still has to
 * do is no help to them. The server checks the same rules again.
 */
export function finalExportAvailability(
  actor: Actor,
  blockers: readonly FinalExportBlocker[],
): FinalExportAvailability {
  if (!can(actor, 'exportFinal')) {
    return {
      allowed: false,
      reasons: [t`Only a moderator can export the final communiqué.`],
      blocking: [],
    };
  }
  if (blockers.length === 0) return { allowed: true };
  const lines = describeBlockers(blockers, pageLocale());
  return {
    allowed: false,
    reasons: [t`Every clause must be locked, with no brackets or alternatives left. Blocking:`],
    blocking: blockers.map((blocker, index) => ({
      clauseId: blocker.clauseId,
      line: lines[index] ?? blocker.label,
    })),
  };
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header, or null. */
export function attachmentFileName(header: string | null): string | null {
  if (header === null) return null;
  const match = /filename="([^"]+)"/.exec(header);
  return match?.[1] ?? null;
}
