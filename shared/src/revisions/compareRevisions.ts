import { diffWords } from 'diff';
import { type DelegationCode, PARTY_CODES } from '../domain/delegations';
import { POSITION_LABELS } from '../domain/positions';
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

/** "OP5, formerly OP4", "OP5 (new)", "formerly OP4 (deleted)", or just "OP5". */
export function comparedLabel(clause: ClauseComparison): string {
  if (clause.oldLabel === null) return `${clause.newLabel ?? ''} (new)`;
  if (clause.newLabel === null) return `formerly ${clause.oldLabel} (deleted)`;
  if (clause.oldLabel !== clause.newLabel) return `${clause.newLabel}, formerly ${clause.oldLabel}`;
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
): string[] {
  const old = countBy(before);
  const now = countBy(after);
  const notes: string[] = [];
  for (const code of [...PARTY_CODES, 'CHAIR'] as const) {
    const difference = (now.get(code) ?? 0) - (old.get(code) ?? 0);
    if (difference > 0) notes.push(`Brackets added by ${code}: ${difference}`);
    if (difference < 0) notes.push(`Brackets removed (${code}): ${-difference}`);
  }
  return notes;
}

function alternativeNotes(before: RevisionClause, after: RevisionClause): string[] {
  const oldIds = new Set(before.alternatives.map((alternative) => alternative.id));
  const newIds = new Set(after.alternatives.map((alternative) => alternative.id));
  return [
    ...after.alternatives
      .filter((alternative) => !oldIds.has(alternative.id))
      .map(
        (alternative) => `Alternative proposed by ${alternative.delegation}: “${alternative.text}”`,
      ),
    ...before.alternatives
      .filter((alternative) => !newIds.has(alternative.id))
      .map(
        (alternative) =>
          `Alternative of ${alternative.delegation} withdrawn or chosen: “${alternative.text}”`,
      ),
  ];
}

function positionNotes(before: RevisionClause, after: RevisionClause): string[] {
  const notes: string[] = [];
  for (const code of PARTY_CODES) {
    const old = before.positions[code];
    const now = after.positions[code];
    if (old === now) continue;
    if (now === undefined) notes.push(`${code}: ${POSITION_LABELS[old ?? 'agree']} → no position`);
    else if (old === undefined) notes.push(`${code}: no position → ${POSITION_LABELS[now]}`);
    else notes.push(`${code}: ${POSITION_LABELS[old]} → ${POSITION_LABELS[now]}`);
  }
  return notes;
}

function lockNotes(before: RevisionClause, after: RevisionClause): string[] {
  if ((before.lock === null) === (after.lock === null)) return [];
  if (after.lock === null) return ['Unlocked'];
  return [`Locked by the ${after.lock.delegation === 'CHAIR' ? 'Chair' : after.lock.delegation}`];
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
      ...bracketNotes(before.brackets, after.brackets),
      ...alternativeNotes(before, after),
      ...positionNotes(before, after),
      ...lockNotes(before, after),
    ],
    concerns: concernsOf(before, after),
  };
}

/**
 * Compares `older` with `newer`, aligned by clause id. The clauses come in the new side's
 * order; a deleted clause comes right after the clause that preceded it on the old side.
 */
export function compareRevisions(
  older: RevisionContent,
  newer: RevisionContent,
  sides: { from: CompareSide; to: CompareSide },
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
      clauses.push(compareClause(clause, undefined));
  };
  pushDeleted(null);
  for (const clause of newer.clauses) {
    clauses.push(compareClause(oldById.get(clause.id), clause));
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
