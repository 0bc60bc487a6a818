import { diffWords } from 'diff';
import { type DelegationCode, PARTY_CODES } from '../domain/delegations';
import type { Position } from '../domain/positions';
import { positionLabel } from '../i18n/domainWords';
import { type Message, translate } from '../i18n/i18n';
import type { Locale } from '../i18n/locales';
import type { RevisionClause, RevisionContent } from './revisions';

/**
 * Comparing two states of a draft (issue 15): two issued revisions, or a revision and the
 * current draft. Clauses are aligned by their stable ids, never by number, so that a clause
 * that moved or was renumbered is recognised as itself ("OP5, formerly OP4"). Pure.
 */

/** How a clause changed between the two sides. */
export const CLAUSE_CHANGE_KINDS = ['added', 'deleted', 'modified', 'moved', 'unchanged'] as const;

/** One kind of clause change. */
export type ClauseChangeKind = (typeof CLAUSE_CHANGE_KINDS)[number];

/** One run of a word-level redline. */
export interface RedlinePart {
  kind: 'same' | 'inserted' | 'deleted';
  text: string;
}

/** One clause of a comparison. */
export interface ClauseComparison {
  id: string;
  /**
   * `added`/`deleted`: only on one side; `modified`: its text changed (it may also have been
   * renumbered); `moved`: same text under another number; `unchanged`: same text and number
   * (its brackets, alternatives, positions or lock may still have changed: see `notes`).
   */
  change: ClauseChangeKind;
  /** Its number on the old side, or null when added. */
  oldLabel: string | null;
  /** Its number on the new side, or null when deleted. */
  newLabel: string | null;
  /** The text, word by word: inserted and deleted runs, the rest kept. */
  redline: RedlinePart[];
  /** Changes besides the text: brackets, alternatives, positions, lock. */
  notes: string[];
  /** Delegations that proposed the clause or held a position on it, on either side. */
  concerns: DelegationCode[];
}

/** What a comparison compares: a revision or the current draft. */
export interface CompareSide {
  /** "Rev.1", or "Current draft". */
  name: string;
  /** The document symbol, when the side is a revision. */
  symbol: string | null;
  /** When it was issued (or read, for the current draft), in milliseconds since the epoch. */
  at: number;
}

/** One row of the concordance table: where a clause's number went. */
export interface ConcordanceRow {
  id: string;
  oldLabel: string | null;
  newLabel: string | null;
}

/** A whole comparison: the clauses in the new side's order, deleted ones where they stood. */
export interface RevisionComparison {
  from: CompareSide;
  to: CompareSide;
  title: string;
  clauses: ClauseComparison[];
  /** Old number → new number for every clause on either side, in the old side's order. */
  concordance: ConcordanceRow[];
  counts: Record<ClauseChangeKind, number>;
}

/** Whether a compared clause shows any change at all. */
export function hasChanges(clause: ClauseComparison): boolean {
  return clause.change !== 'unchanged' || clause.notes.length > 0;
}

/** The words of a comparison's labels and notes, in every language. */
const COMPARE_NOTE_MESSAGES = {
  labelNew: /*i18n*/ { id: 'compare.label.new', message: '{label} (new)' },
  labelDeleted: /*i18n*/ { id: 'compare.label.deleted', message: 'formerly {label} (deleted)' },
  labelMoved: /*i18n*/ { id: 'compare.label.moved', message: '{label}, formerly {old}' },
  bracketsAdded: /*i18n*/ {
    id: 'compare.note.bracketsAdded',
    message: 'Brackets added by {code}: {count}',
  },
  bracketsRemoved: /*i18n*/ {
    id: 'compare.note.bracketsRemoved',
    message: 'Brackets removed ({code}): {count}',
  },
  alternativeProposed: /*i18n*/ {
    id: 'compare.note.alternativeProposed',
    message: 'Alternative proposed by {code}: “{text}”',
  },
  alternativeGone: /*i18n*/ {
    id: 'compare.note.alternativeGone',
    message: 'Alternative of {code} withdrawn or chosen: “{text}”',
  },
  noPosition: /*i18n*/ { id: 'compare.note.noPosition', message: 'no position' },
  positionChange: /*i18n*/ {
    id: 'compare.note.positionChange',
    message: '{code}: {before} → {after}',
  },
  unlocked: /*i18n*/ { id: 'compare.note.unlocked', message: 'Unlocked' },
  lockedByChair: /*i18n*/ { id: 'compare.note.lockedByChair', message: 'Locked by the Chair' },
  lockedBy: /*i18n*/ { id: 'compare.note.lockedBy', message: 'Locked by the {code}' },
} as const satisfies Record<string, Message>;

/** "OP5, formerly OP4", "OP5 (new)", "formerly OP4 (deleted)", or just "OP5". */
export function comparedLabel(clause: ClauseComparison, locale: Locale = 'en'): string {
  const m = COMPARE_NOTE_MESSAGES;
  if (clause.oldLabel === null) {
    return translate(locale, m.labelNew, { label: clause.newLabel ?? '' });
  }
  if (clause.newLabel === null)
    return translate(locale, m.labelDeleted, { label: clause.oldLabel });
  if (clause.oldLabel !== clause.newLabel) {
    return translate(locale, m.labelMoved, { label: clause.newLabel, old: clause.oldLabel });
  }
  return clause.newLabel;
}

function redline(before: string, after: string): RedlinePart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  return diffWords(before, after).map((change) => ({
    kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same',
    text: change.value,
  }));
}

function countBy(codes: readonly DelegationCode[]): Map<DelegationCode, number> {
  const counts = new Map<DelegationCode, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

function bracketNotes(
  before: readonly DelegationCode[],
  after: readonly DelegationCode[],
  locale: Locale,
): string[] {
  const old = countBy(before);
  const now = countBy(after);
  const notes: string[] = [];
  for (const code of [...PARTY_CODES, 'CHAIR'] as const) {
    const difference = (now.get(code) ?? 0) - (old.get(code) ?? 0);
    if (difference > 0) {
      notes.push(
        translate(locale, COMPARE_NOTE_MESSAGES.bracketsAdded, { code, count: difference }),
      );
    }
    if (difference < 0) {
      notes.push(
        translate(locale, COMPARE_NOTE_MESSAGES.bracketsRemoved, { code, count: -difference }),
      );
    }
  }
  return notes;
}

function alternativeNotes(before: RevisionClause, after: RevisionClause, locale: Locale): string[] {
  const oldIds = new Set(before.alternatives.map((alternative) => alternative.id));
  const newIds = new Set(after.alternatives.map((alternative) => alternative.id));
  return [
    ...after.alternatives
      .filter((alternative) => !oldIds.has(alternative.id))
      .map((alternative) =>
        translate(locale, COMPARE_NOTE_MESSAGES.alternativeProposed, {
          code: alternative.delegation,
          text: alternative.text,
        }),
      ),
    ...before.alternatives
      .filter((alternative) => !newIds.has(alternative.id))
      .map((alternative) =>
        translate(locale, COMPARE_NOTE_MESSAGES.alternativeGone, {
          code: alternative.delegation,
          text: alternative.text,
        }),
      ),
  ];
}

function positionNotes(before: RevisionClause, after: RevisionClause, locale: Locale): string[] {
  const notes: string[] = [];
  const label = (position: Position | undefined) =>
    position === undefined
      ? translate(locale, COMPARE_NOTE_MESSAGES.noPosition)
      : positionLabel(position, locale);
  for (const code of PARTY_CODES) {
    const old = before.positions[code];
    const now = after.positions[code];
    if (old === now) continue;
    notes.push(
      translate(locale, COMPARE_NOTE_MESSAGES.positionChange, {
        code,
        before: label(old),
        after: label(now),
      }),
    );
  }
  return notes;
}

function lockNotes(before: RevisionClause, after: RevisionClause, locale: Locale): string[] {
  if ((before.lock === null) === (after.lock === null)) return [];
  if (after.lock === null) return [translate(locale, COMPARE_NOTE_MESSAGES.unlocked)];
  if (after.lock.delegation === 'CHAIR') {
    return [translate(locale, COMPARE_NOTE_MESSAGES.lockedByChair)];
  }
  return [translate(locale, COMPARE_NOTE_MESSAGES.lockedBy, { code: after.lock.delegation })];
}

function concernsOf(...clauses: (RevisionClause | undefined)[]): DelegationCode[] {
  const codes = new Set<DelegationCode>();
  for (const clause of clauses) {
    if (clause === undefined) continue;
    if (clause.proposer !== null) codes.add(clause.proposer);
    for (const code of PARTY_CODES) if (clause.positions[code] !== undefined) codes.add(code);
  }
  return [...PARTY_CODES, 'CHAIR' as const].filter((code) => codes.has(code));
}

function compareClause(
  before: RevisionClause | undefined,
  after: RevisionClause | undefined,
  locale: Locale,
): ClauseComparison {
  if (before === undefined && after !== undefined) {
    return {
      id: after.id,
      change: 'added',
      oldLabel: null,
      newLabel: after.label,
      redline: after.text === '' ? [] : [{ kind: 'inserted', text: after.text }],
      notes: [],
      concerns: concernsOf(after),
    };
  }
  if (after === undefined && before !== undefined) {
    return {
      id: before.id,
      change: 'deleted',
      oldLabel: before.label,
      newLabel: null,
      redline: before.text === '' ? [] : [{ kind: 'deleted', text: before.text }],
      notes: [],
      concerns: concernsOf(before),
    };
  }
  if (before === undefined || after === undefined) throw new Error('compareClause: no clause');
  const change: ClauseChangeKind =
    before.text !== after.text ? 'modified' : before.label !== after.label ? 'moved' : 'unchanged';
  return {
    id: after.id,
    change,
    oldLabel: before.label,
    newLabel: after.label,
    redline: redline(before.text, after.text),
    notes: [
      ...bracketNotes(before.brackets, after.brackets, locale),
      ...alternativeNotes(before, after, locale),
      ...positionNotes(before, after, locale),
      ...lockNotes(before, after, locale),
    ],
    concerns: concernsOf(before, after),
  };
}

/**
 * Compares `older` with `newer`, aligned by clause id. The clauses come in the new side's
 * order; a deleted clause comes right after the clause that preceded it on the old side. The
 * notes are written in `locale` (English by default); the clauses' words never are translated.
 */
export function compareRevisions(
  older: RevisionContent,
  newer: RevisionContent,
  sides: { from: CompareSide; to: CompareSide },
  locale: Locale = 'en',
): RevisionComparison {
  const oldById = new Map(older.clauses.map((clause) => [clause.id, clause]));
  const newById = new Map(newer.clauses.map((clause) => [clause.id, clause]));
  // Deleted clauses, grouped under the nearest preceding old clause that survives (or the start).
  const deletedAfter = new Map<string | null, RevisionClause[]>();
  let anchor: string | null = null;
  for (const clause of older.clauses) {
    if (newById.has(clause.id)) {
      anchor = clause.id;
      continue;
    }
    const group = deletedAfter.get(anchor) ?? [];
    group.push(clause);
    deletedAfter.set(anchor, group);
  }
  const clauses: ClauseComparison[] = [];
  const pushDeleted = (after: string | null) => {
    for (const clause of deletedAfter.get(after) ?? [])
      clauses.push(compareClause(clause, undefined, locale));
  };
  pushDeleted(null);
  for (const clause of newer.clauses) {
    clauses.push(compareClause(oldById.get(clause.id), clause, locale));
    pushDeleted(clause.id);
  }
  const concordance: ConcordanceRow[] = [
    ...older.clauses.map((clause) => ({
      id: clause.id,
      oldLabel: clause.label,
      newLabel: newById.get(clause.id)?.label ?? null,
    })),
    ...newer.clauses
      .filter((clause) => !oldById.has(clause.id))
      .map((clause) => ({ id: clause.id, oldLabel: null, newLabel: clause.label })),
  ];
  const counts: Record<ClauseChangeKind, number> = {
    added: 0,
    deleted: 0,
    modified: 0,
    moved: 0,
    unchanged: 0,
  };
  for (const clause of clauses) counts[clause.change] += 1;
  return { ...sides, title: newer.title, clauses, concordance, counts };
}

/** The comparison narrowed to the clauses a delegation proposed or holds a position on. */
export function filterComparison(
  comparison: RevisionComparison,
  delegation: DelegationCode,
): RevisionComparison {
  const clauses = comparison.clauses.filter((clause) => clause.concerns.includes(delegation));
  const ids = new Set(clauses.map((clause) => clause.id));
  const counts = { ...comparison.counts };
  for (const kind of CLAUSE_CHANGE_KINDS) {
    counts[kind] = clauses.filter((clause) => clause.change === kind).length;
  }
  return {
    ...comparison,
    clauses,
    concordance: comparison.concordance.filter((row) => ids.has(row.id)),
    counts,
  };
}
