import { Extension } from '@tiptap/core';
import type * as Y from 'yjs';
import { type CommentTarget, commentTarget } from './commentSelection';
import { threadHighlightsPlugin } from './threadHighlights';

/** Options of the comments extension. */
export interface CommentsExtensionOptions {
  doc: Y.Doc | null;
  /** Opens the new-thread form for the selected words; absent for those who cannot comment. */
  onComment: ((target: CommentTarget) => void) | null;
}

/** Thread highlights in the text, and Mod-Alt-M to comment on the selected words. */
export const Comments = Extension.create<CommentsExtensionOptions>({
  name: 'accordComments',
  addOptions() {
    return { doc: null, onComment: null };
  },
  addProseMirrorPlugins() {
    return this.options.doc ? [threadHighlightsPlugin(this.options.doc)] : [];
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': ({ editor }) => {
        const { doc, onComment } = this.options;
        if (!doc || !onComment) return false;
        const target = commentTarget(editor.state, doc);
        if (!target) return false;
        onComment(target);
        return true;
      },
    };
  },
});
