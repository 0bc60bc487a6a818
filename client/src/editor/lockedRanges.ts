import { NODE_NAMES } from '@accord/shared/domain/schema';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Command, Transaction } from '@tiptap/pm/state';
import { AddMarkStep, AttrStep, RemoveMarkStep, type Step } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

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
 * The locked clause that changing `[from, to)` of a document changes, if any: an insertion
 * (from === to) strictly inside one, or a replaced range that overlaps one. Inserting right
 * before or after a locked clause does not change it.
 */
function rangeTouches(
  ranges: readonly LockedRange[],
  from: number,
  to: number,
): LockedRange | undefined {
  return ranges.find((range) =>
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
 * The first locked clause a transaction would change, or null: its text, its marks, its
 * attributes, or the clause itself (deleted, moved, split or joined). Each step is checked
 * against the document it applies to.
 */
export function lockedClauseTouched(
  tr: Transaction,
  lockedIds: ReadonlySet<string>,
): string | null {
  if (lockedIds.size === 0) return null;
  for (const [index, step] of tr.steps.entries()) {
    const doc = tr.docs[index];
    if (doc === undefined) continue;
    const ranges = lockedRanges(doc, lockedIds);
    for (const [from, to] of stepRanges(step)) {
      const touched = rangeTouches(ranges, from, to);
      if (touched !== undefined) return touched.clauseId;
    }
  }
  return null;
}

/** Whether any step of a transaction would change a locked clause (`lockedClauseTouched`). */
export function touchesLockedClause(tr: Transaction, lockedIds: ReadonlySet<string>): boolean {
  return lockedClauseTouched(tr, lockedIds) !== null;
}

/** Whether two blocks' inline content is the same node objects (identity) or equal. */
function sameInline(a: ProseMirrorNode, b: ProseMirrorNode, identity: boolean): boolean {
  if (a.childCount !== b.childCount) return false;
  for (let index = 0; index < a.childCount; index++) {
    const left = a.child(index);
    const right = b.child(index);
    if (identity ? left !== right : !left.eq(right)) return false;
  }
  return true;
}

/**
 * y-tiptap's `computeChildEqualityFactor` for a block of text only (clauses, headings, the
 * title), whose inline content y-tiptap keeps as one XmlText.
 */
function childEquality(y: ProseMirrorNode, p: ProseMirrorNode) {
  if (y.childCount === 0 || p.childCount === 0) return { factor: 0, found: false };
  if (sameInline(y, p, true)) return { factor: 1, found: true };
  return { factor: sameInline(y, p, false) ? 1 : 0, found: false };
}

/**
 * Whether y-tiptap, mirroring a local transaction into Yjs, keeps every locked clause's element
 * untouched. It diffs the top-level blocks: unchanged ones are matched from the start and from
 * the end, then the unmatched Yjs elements are rewritten in place to fit the new blocks (or
 * deleted and replaced). A locked clause among them (a clause dragged across it, blocks deleted
 * on both sides of it) would have its element rewritten or replaced, which the server refuses.
 * This replays y-tiptap's `updateYFragment` at the top level, on the blocks before and after:
 * the Yjs elements are the blocks of `before`, which y-tiptap's mapping ties them to.
 */
export function keepsLockedClausesInPlace(
  before: ProseMirrorNode,
  after: ProseMirrorNode,
  lockedIds: ReadonlySet<string>,
): boolean {
  const locked = new Set<number>();
  before.forEach((node, _offset, index) => {
    const id: unknown = node.attrs.id;
    if (node.type.name === NODE_NAMES.clause && typeof id === 'string' && lockedIds.has(id)) {
      locked.add(index);
    }
  });
  if (locked.size === 0) return true;
  const yCount = before.childCount;
  const pCount = after.childCount;
  const minCount = Math.min(yCount, pCount);
  const same = (a: ProseMirrorNode, b: ProseMirrorNode) => a === b || a.eq(b);
  const kept = new Set<number>();
  let left = 0;
  while (left < minCount && same(before.child(left), after.child(left))) kept.add(left++);
  let right = 0;
  while (
    right + left + 1 < minCount &&
    same(before.child(yCount - right - 1), after.child(pCount - right - 1))
  ) {
    kept.add(yCount - ++right);
  }
  while (yCount - left - right > 0 && pCount - left - right > 0) {
    const leftY = before.child(left);
    const leftP = after.child(left);
    const rightY = before.child(yCount - right - 1);
    const rightP = after.child(pCount - right - 1);
    let updateLeft = leftY.type === leftP.type;
    let updateRight = rightY.type === rightP.type;
    if (updateLeft && updateRight) {
      const equalityLeft = childEquality(leftY, leftP);
      const equalityRight = childEquality(rightY, rightP);
      if (equalityLeft.found && !equalityRight.found) updateRight = false;
      else if (!equalityLeft.found && equalityRight.found) updateLeft = false;
      else if (equalityLeft.factor < equalityRight.factor) updateLeft = false;
      else updateRight = false;
    }
    if (updateLeft) {
      if (leftY.eq(leftP)) kept.add(left);
      left += 1;
    } else if (updateRight) {
      if (rightY.eq(rightP)) kept.add(yCount - right - 1);
      right += 1;
    } else {
      left += 1;
    }
  }
  return [...locked].every((index) => kept.has(index));
}

/**
 * Deletes a selection that spans locked clauses as if they were not selected: every unlocked
 * block wholly inside it goes, the selected text of partly covered blocks goes, locked clauses
 * stay intact, and the title is emptied, never removed. It edits the Yjs document directly, in
 * one transaction with y-tiptap's origin (so that undo covers it): done through ProseMirror,
 * y-tiptap's diff could rewrite a locked clause's element to fit a neighbour (see
 * `keepsLockedClausesInPlace`). The editor then renders the result from Yjs. Returns false (does
 * nothing) when the selection is empty or touches no locked clause, so the ordinary delete runs.
 */
export function deleteAroundLockedClauses(
  lockedIds: ReadonlySet<string>,
  fragment: Y.XmlFragment,
): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    if (empty) return false;
    const ranges = lockedRanges(state.doc, lockedIds);
    if (!rangeTouches(ranges, from, to)) return false;
    if (!dispatch) return true;
    const wholeBlocks: number[] = [];
    const textCuts: { index: number; offset: number; length: number }[] = [];
    state.doc.forEach((node, offset, index) => {
      const end = offset + node.nodeSize;
      if (end <= from || offset >= to) return;
      if (ranges.some((range) => range.from === offset)) return;
      if (from <= offset && to >= end && node.type.name !== NODE_NAMES.title) {
        wholeBlocks.push(index);
        return;
      }
      const start = Math.max(from, offset + 1);
      const stop = Math.min(to, end - 1);
      if (stop > start) textCuts.push({ index, offset: start - offset - 1, length: stop - start });
    });
    const doc = fragment.doc;
    if (doc === null || fragment.length !== state.doc.childCount) return true;
    doc.transact(() => {
      for (const cut of textCuts) {
        const block = fragment.get(cut.index);
        const text = block instanceof Y.XmlElement ? block.get(0) : null;
        if (text instanceof Y.XmlText) text.delete(cut.offset, cut.length);
      }
      // From the end, so that earlier indexes stay valid.
      for (const index of wholeBlocks.reverse()) fragment.delete(index, 1);
    }, ySyncPluginKey);
    return true;
  };
}
