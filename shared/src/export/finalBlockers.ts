import type { ClauseSummary } from '../domain/clauseSummary';
import { hasBrackets } from '../domain/status';
import { type Message, translate } from '../i18n/i18n';
import type { Locale } from '../i18n/locales';

/** Why a clause keeps the final communiqué from being exported. */
export const FINAL_BLOCK_REASONS = ['notLocked', 'brackets', 'alternatives'] as const;

/** One reason a clause blocks the final export. */
export type FinalBlockReason = (typeof FINAL_BLOCK_REASONS)[number];

/** How each reason reads, in refusals and in the export dialog. */
const FINAL_BLOCK_REASON_MESSAGES = {
  notLocked: /*i18n*/ { id: 'finalBlock.notLocked', message: 'not locked' },
  brackets: /*i18n*/ { id: 'finalBlock.brackets', message: 'has brackets' },
  alternatives: /*i18n*/ { id: 'finalBlock.alternatives', message: 'has alternatives' },
} as const satisfies Record<FinalBlockReason, Message>;

const BLOCKER_LINE: Message = /*i18n*/ {
  id: 'finalBlock.line',
  message: '{label}: {reasons}',
  comment: 'One clause that blocks the final export: "OP2: not locked, has brackets".',
};

/** How a reason reads in a language: "not locked", "no bloqueado". */
export function finalBlockReasonLabel(reason: FinalBlockReason, locale: Locale = 'en'): string {
  return translate(locale, FINAL_BLOCK_REASON_MESSAGES[reason]);
}

/** A clause that blocks the final export, with every reason it does. */
export interface FinalExportBlocker {
  /** Empty for a clause the editor has not given an id yet. */
  clauseId: string;
  label: string;
  reasons: FinalBlockReason[];
}

/**
 * The clauses that keep the final communiqué from being exported: every clause must be locked
 * and no brackets or alternatives may remain (a locked clause may still hold brackets, if it
 * was locked with them; it blocks all the same). An empty list means the final text may go out.
 */
export function finalExportBlockers(
  summaries: readonly Pick<ClauseSummary, 'id' | 'label' | 'text' | 'lock' | 'alternatives'>[],
): FinalExportBlocker[] {
  const blockers: FinalExportBlocker[] = [];
  for (const clause of summaries) {
    const reasons: FinalBlockReason[] = [];
    if (clause.lock === null) reasons.push('notLocked');
    if (hasBrackets(clause.text)) reasons.push('brackets');
    if (clause.alternatives.length > 0) reasons.push('alternatives');
    if (reasons.length > 0) blockers.push({ clauseId: clause.id, label: clause.label, reasons });
  }
  return blockers;
}

/** One line per blocking clause: "OP2: not locked, has brackets". */
export function describeBlockers(
  blockers: readonly FinalExportBlocker[],
  locale: Locale = 'en',
): string[] {
  return blockers.map((blocker) =>
    translate(locale, BLOCKER_LINE, {
      label: blocker.label,
      reasons: blocker.reasons.map((reason) => finalBlockReasonLabel(reason, locale)).join(', '),
    }),
  );
}
