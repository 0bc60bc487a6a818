import type { ClauseKind } from '@accord/shared/domain/schema';
import {
  type ClauseComparison,
  comparedLabel,
  hasChanges,
  type RevisionComparison,
} from '@accord/shared/revisions/compareRevisions';
import type { RevisionContent } from '@accord/shared/revisions/revisions';

/** One run of a read-only clause: its text, how it changed, and its marks. */
export interface RedlineRun {
  text: string;
  kind: 'same' | 'inserted' | 'deleted';
  bold: boolean;
  italic: boolean;
}

/** One clause of a read-only view (a revision, or a comparison). */
export interface RedlineClause {
  id: string;
  kind: ClauseKind;
  /** "OP5, formerly OP4", or just "OP5". */
  label: string;
  /** Whether the clause changed at all (a change bar, a stop of next/previous change). */
  changed: boolean;
  /** `added`, `deleted`… for a comparison; `unchanged` in a revision's view. */
  change: ClauseComparison['change'];
  runs: RedlineRun[];
  notes: string[];
}

/** A read-only view's content. */
export interface RedlineView {
  title: string;
  clauses: RedlineClause[];
}

/** A revision as a read-only view: its clauses with their marks, nothing changed. */
export function revisionView(content: RevisionContent): RedlineView {
  return {
    title: content.title,
    clauses: content.clauses.map((clause) => ({
      id: clause.id,
      kind: clause.kind,
      label: clause.label,
      changed: false,
      change: 'unchanged',
      runs: clause.pieces.flatMap((piece) =>
        piece.type === 'text' && piece.text !== ''
          ? [{ text: piece.text, kind: 'same' as const, bold: piece.bold, italic: piece.italic }]
          : [],
      ),
      notes: [],
    })),
  };
}

/** A comparison as a read-only view: deleted words kept in place, to be struck through. */
export function comparisonView(comparison: RevisionComparison): RedlineView {
  return {
    title: comparison.title,
    clauses: comparison.clauses.map((clause) => ({
      id: clause.id,
      kind:
        clause.oldLabel?.startsWith('PP') || clause.newLabel?.startsWith('PP')
          ? 'preambular'
          : 'operative',
      label: comparedLabel(clause),
      changed: hasChanges(clause),
      change: clause.change,
      runs: clause.redline
        .filter((part) => part.text !== '')
        .map((part) => ({ text: part.text, kind: part.kind, bold: false, italic: false })),
      notes: clause.notes,
    })),
  };
}

/** The ProseMirror JSON of a view: a title and one clause node per clause, text as runs. */
export function redlineDocJson(view: RedlineView): Record<string, unknown> {
  const text = (value: string) => (value === '' ? [] : [{ type: 'text', text: value }]);
  return {
    type: 'doc',
    content: [
      { type: 'title', content: text(view.title) },
      ...view.clauses.map((clause) => ({
        type: 'clause',
        attrs: { id: clause.id, kind: clause.kind },
        content: clause.runs.map((run) => ({
          type: 'text',
          text: run.text,
          ...(run.bold || run.italic
            ? {
                marks: [
                  ...(run.bold ? [{ type: 'bold' }] : []),
                  ...(run.italic ? [{ type: 'italic' }] : []),
                ],
              }
            : {}),
        })),
      })),
    ],
  };
}

/** Where each changed run lies inside its clause's text: offsets from the clause's start. */
export function changedRanges(
  clause: RedlineClause,
): { from: number; to: number; kind: 'inserted' | 'deleted' }[] {
  const ranges: { from: number; to: number; kind: 'inserted' | 'deleted' }[] = [];
  let offset = 0;
  for (const run of clause.runs) {
    const end = offset + run.text.length;
    if (run.kind !== 'same') ranges.push({ from: offset, to: end, kind: run.kind });
    offset = end;
  }
  return ranges;
}

/** The ids of the clauses that changed, in order: the stops of next/previous change. */
export function changeStops(view: RedlineView): string[] {
  return view.clauses.filter((clause) => clause.changed).map((clause) => clause.id);
}
