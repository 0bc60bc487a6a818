import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { type Editor, Extension } from '@tiptap/core';
import type * as Y from 'yjs';
import { type BracketGuard, bracketChipsPlugin, wrapInBrackets } from './brackets';
import { createClauseEnterCommand } from './clauseEnter';
import { clauseIdPlugin } from './clauseIds';
import { clauseLocksPlugin, type DescribeLocker, lockedClauseIds } from './clauseLocks';
import { clauseMarksPlugin } from './clauseMarks';
import { clauseNumbersPlugin } from './clauseNumbers';
import { deleteAroundLockedClauses } from './lockedRanges';
import { backspaceAfterTitle, deleteAtTitleEnd } from './titleGuard';

/** Keeps every clause's id present and unique after local edits (see clauseIds.ts). */
export const ClauseIds = Extension.create({
  name: 'accordClauseIds',
  addProseMirrorPlugins() {
    return [clauseIdPlugin()];
  },
});

/** Numbers clauses in the margin (PP1, OP1…), live (see clauseNumbers.ts). */
export const ClauseNumbers = Extension.create({
  name: 'accordClauseNumbers',
  addProseMirrorPlugins() {
    return [clauseNumbersPlugin()];
  },
});

/**
 * Marks each clause's status in the margin and the clause the side panel shows (see
 * clauseMarks.ts); the statuses are read from the doc's clause meta by the plugin itself.
 */
export const ClauseMarks = Extension.create<{ doc: Y.Doc | undefined }>({
  name: 'accordClauseMarks',
  addOptions() {
    return { doc: undefined };
  },
  addProseMirrorPlugins() {
    return [clauseMarksPlugin(this.options.doc)];
  },
});

/**
 * Brackets: Mod-[ wraps the selection, and chips show who asked for each, read from the doc's
 * clause meta by the plugin itself, so the guard holds with no clause panel (see brackets.ts).
 */
export const Brackets = Extension.create<{
  doc: Y.Doc | undefined;
  guard: BracketGuard | undefined;
}>({
  name: 'accordBrackets',
  addOptions() {
    return { doc: undefined, guard: undefined };
  },
  addProseMirrorPlugins() {
    return [bracketChipsPlugin({ doc: this.options.doc, guard: this.options.guard })];
  },
  addKeyboardShortcuts() {
    return {
      'Mod-[': ({ editor }) =>
        editor.isEditable && wrapInBrackets(editor.state, editor.view.dispatch),
    };
  },
});

/**
 * Communiqué keyboard rules: Enter makes clauses of the same kind (see clauseEnter.ts), and
 * Backspace/Delete never merge a clause into the title (see titleGuard.ts). Runs before Tiptap's
 * own keys, whose Enter would otherwise open a section heading after a clause.
 */
export const ClauseKeymap = Extension.create({
  name: 'accordClauseKeymap',
  priority: 200,
  addKeyboardShortcuts() {
    const enter = createClauseEnterCommand();
    return {
      Enter: ({ editor }) => editor.isEditable && enter(editor.state, editor.view.dispatch),
      Backspace: ({ editor }) =>
        editor.isEditable && backspaceAfterTitle(editor.state, editor.view.dispatch),
      Delete: ({ editor }) =>
        editor.isEditable && deleteAtTitleEnd(editor.state, editor.view.dispatch),
    };
  },
});

/**
 * Locked clauses (see clauseLocks.ts): shown locked, and no local edit can change them. Backspace
 * and Delete over a selection that spans locked clauses delete only the unlocked parts, so
 * select-all then delete clears everything but the locked clauses. Runs before the other keys.
 */
export const ClauseLocks = Extension.create<{
  doc: Y.Doc | null;
  onBlocked: ((notice: string) => void) | undefined;
  /** The negotiation's time zone, for the time on lock labels. */
  timeZone: string;
  /** Names who locked a clause (labels and notices); the delegation alone by default. */
  describeLocker: DescribeLocker | undefined;
}>({
  name: 'accordClauseLocks',
  priority: 300,
  addOptions() {
    return { doc: null, onBlocked: undefined, timeZone: 'UTC', describeLocker: undefined };
  },
  addProseMirrorPlugins() {
    const { doc, onBlocked, timeZone, describeLocker } = this.options;
    return doc ? [clauseLocksPlugin(doc, onBlocked, timeZone, describeLocker)] : [];
  },
  addKeyboardShortcuts() {
    const fragment = this.options.doc?.getXmlFragment(DRAFT_FRAGMENT) ?? null;
    const around =
      () =>
      ({ editor }: { editor: Editor }) =>
        fragment !== null &&
        editor.isEditable &&
        deleteAroundLockedClauses(lockedClauseIds(editor.state), fragment)(
          editor.state,
          editor.view.dispatch,
        );
    return {
      Backspace: around(),
      Delete: around(),
      'Mod-Backspace': around(),
      'Mod-Delete': around(),
    };
  },
});
