import { communiqueExtensions, DRAFT_FRAGMENT, NODE_NAMES } from '@accord/shared/domain/schema';
import type { AwarenessUser } from '@accord/shared/protocol/api';
import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import {
  Brackets,
  ClauseIds,
  ClauseKeymap,
  ClauseLocks,
  ClauseMarks,
  ClauseNumbers,
} from './accordExtensions';
import type { BracketGuard } from './brackets';
import { renderCaret, renderSelection } from './caret';
import type { DescribeLocker } from './clauseLocks';
import { Comments } from './commentExtension';
import type { CommentTarget } from './commentSelection';

/**
 * Blocks an undo never deletes while they hold text. Yjs undo reverts one's own changes, but
 * deleting a block one created also deletes what others typed into it since: undoing the Enter
 * that opened a clause would take another delegation's new wording with it. y-tiptap protects
 * only `paragraph` by default; a communiqué has no paragraphs.
 */
export const UNDO_PROTECTED_NODES: ReadonlySet<string> = new Set([
  NODE_NAMES.title,
  NODE_NAMES.heading,
  NODE_NAMES.clause,
]);

/** What the communiqué editor is bound to, and whom it tells about stopped edits and comments. */
export interface EditorBinding {
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: AwarenessUser;
  bracketGuard: BracketGuard;
  onBlocked: (notice: string) => void;
  onComment: ((target: CommentTarget) => void) | null;
  /** The negotiation's time zone, for the times the editor writes (lock labels). */
  timeZone: string;
  /** Names who locked a clause, on its label and in refusal notices. */
  describeLocker?: DescribeLocker;
}

/**
 * Every extension of the communiqué editor, in order: the schema, Yjs collaboration (text and
 * carets) and Accord's own. The page's editor and the co-editing fuzz test build the same list.
 */
export function communiqueEditorExtensions(binding: EditorBinding): AnyExtension[] {
  return [
    ...communiqueExtensions,
    // Collaboration brings its own Yjs-aware undo; the schema has no UndoRedo to disable.
    Collaboration.configure({
      document: binding.doc,
      field: DRAFT_FRAGMENT,
      yUndoOptions: { protectedNodes: new Set(UNDO_PROTECTED_NODES) },
    }),
    CollaborationCaret.configure({
      provider: binding.provider,
      // The server stamps identity into awareness; this only keeps our own state sane.
      user: { ...binding.user },
      render: renderCaret,
      selectionRender: renderSelection,
    }),
    ClauseIds,
    ClauseNumbers,
    ClauseMarks.configure({ doc: binding.doc }),
    ClauseKeymap,
    Brackets.configure({ doc: binding.doc, guard: binding.bracketGuard }),
    ClauseLocks.configure({
      doc: binding.doc,
      onBlocked: binding.onBlocked,
      timeZone: binding.timeZone,
      describeLocker: binding.describeLocker,
    }),
    Comments.configure({ doc: binding.doc, onComment: binding.onComment }),
  ];
}
