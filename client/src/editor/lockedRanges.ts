import { NODE_NAMES } from '@accord/shared/domain/schema';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type Command, TextSelection, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, AttrStep, RemoveMarkStep, type Step } from '@tiptap/pm/transform';

/** Where a locked clause sits in a ProseMirror document: `[from, to)` of the whole node. */
export interface LockedRange {
  clauseId: string;
  from: number;
  to: number;
}

/** The locked clauses of a document, in order. Clauses are top-level blocks: O(blocks). */
export function lockedRanges(doc: ProseMirrorNode, lockedIds: ReadonlySet<string>): LockedRange[] {
  const ranges: LockedRange[] = [];
  if (lockedIds.size === 0) return ranges;
  doc.forEach((node, offset) => {
    const id: unknown = node.attrs.id;
    if (node.type.name === NODE_NAMES.clause && typeof id === 'string' && lockedIds.has(id)) {
      ranges.push({ clauseId: id, from: offset, to: offset + node.nodeSize });
    }
  });
  return ranges;
}

/**
 * Whether changing `[from, to)` of a document changes a locked clause: an insertion (from ===
 * to) strictly inside one, or a replaced range that overlaps one. Inserting right before or
 * after a locked clause does not change it.
 */
function rangeTouches(ranges: readonly LockedRange[], from: number, to: number): boolean {
  return ranges.some((range) =>
    from === to ? from > range.from && from < range.to : from < range.to && to > range.from,
  );
}

/** The ranges of its input document a step changes (marks and attributes included). */
function stepRanges(step: Step): [number, number][] {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
    return [[step.from, step.to]];
  }
  if (step instanceof AttrStep) return [[step.pos, step.pos + 1]];
  const ranges: [number, number][] = [];
  step.getMap().forEach((oldStart, oldEnd) => {
    ranges.push([oldStart, oldEnd]);
  });
  return ranges;
}

/**
 * Whether any step of a transaction would change a locked clause: its text, its marks, its
 * attributes, or the clause itself (deleted, moved, split or joined). Each step is checked
 * against the document it applies to.
 */
export function touchesLockedClause(tr: Transaction, lockedIds: ReadonlySet<string>): boolean {
  if (lockedIds.size === 0) return false;
  return tr.steps.some((step, index) => {
    const doc = tr.docs[index];
    if (doc === undefined) return false;
    const ranges = lockedRanges(doc, lockedIds);
    return stepRanges(step).some(([from, to]) => rangeTouches(ranges, from, to));
  });
}

/**
 * Deletes a selection that spans locked clauses as if they were not selected: every unlocked
 * block wholly inside it goes, the selected parts of partly covered blocks go, locked clauses
 * stay intact. The title is never removed, only emptied. Returns false (does nothing) when the
 * selection is empty or touches no locked clause, so that the ordinary delete runs.
 */
export function deleteAroundLockedClauses(lockedIds: ReadonlySet<string>): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    if (empty) return false;
    const ranges = lockedRanges(state.doc, lockedIds);
    if (!rangeTouches(ranges, from, to)) return false;
    if (!dispatch) return true;
    const deletions: [number, number][] = [];
    state.doc.forEach((node, offset) => {
      const end = offset + node.nodeSize;
      if (end <= from || offset >= to) return;
      if (ranges.some((range) => range.from === offset)) return;
      const whole = from <= offset && to >= end;
      if (whole && node.type.name !== NODE_NAMES.title) {
        deletions.push([offset, end]);
        return;
      }
      const start = Math.max(from, offset + 1);
      const stop = Math.min(to, end - 1);
      if (stop > start) deletions.push([start, stop]);
    });
    const tr = state.tr;
    // From the end, so that earlier positions stay valid.
    for (const [start, stop] of deletions.reverse()) tr.delete(start, stop);
    const caret = Math.min(tr.mapping.map(from, -1), tr.doc.content.size);
    tr.setSelection(TextSelection.near(tr.doc.resolve(caret)));
    dispatch(tr.scrollIntoView());
    return true;
  };
}
