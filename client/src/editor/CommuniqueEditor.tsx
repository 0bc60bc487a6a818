import { DELEGATIONS } from '@accord/shared/domain/delegations';
import { can } from '@accord/shared/policy/policy';
import type { AwarenessUser } from '@accord/shared/protocol/api';
import { type Editor, EditorContent, useEditor } from '@tiptap/react';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTimeFormat } from '../app/timeZone';
import { type CommentTarget, commentTarget } from '../features/comments/commentSelection';
import { useFadedCarets } from '../features/presence/useFadedCarets';
import type { BracketGuard } from './brackets';
import { EditorToolbar } from './EditorToolbar';
import { communiqueEditorExtensions } from './editorExtensions';
import type { SyncSession } from './useSyncSession';

/**
 * The communiqué editor bound to one sync session. It is created once per session: the page
 * keys it on `session.key`, so a fresh Y.Doc always gets a fresh editor.
 */
export function CommuniqueEditor({
  session,
  user,
  editable,
  toolbarAside,
  banner,
  aside,
  margin,
  onComment,
}: {
  session: SyncSession;
  user: AwarenessUser;
  editable: boolean;
  toolbarAside?: ReactNode;
  /** Notices about the sync channel, shown between the toolbar and the page. */
  banner?: ReactNode;
  /** The column beside the page (the clause panel), given the editor once it exists. */
  aside?: (editor: Editor | null) => ReactNode;
  /** The comments margin between the page and the aside, given the editor once it exists. */
  margin?: (editor: Editor | null) => ReactNode;
  /** Opens a new thread on the selected words; absent for those who cannot comment. */
  onComment?: (target: CommentTarget) => void;
}) {
  const [blocked, setBlocked] = useState<string | null>(null);
  const bracketGuard = useMemo<BracketGuard>(
    () => ({
      mayRemove: (owner) => can(user, 'removeBracket', { delegation: owner }),
      onBlocked: (owner) =>
        setBlocked(
          `That would remove a bracket asked for by ${DELEGATIONS[owner].name}: only ${DELEGATIONS[owner].name} or the Chair can remove it.`,
        ),
    }),
    [user],
  );
  useEffect(() => {
    if (blocked === null) return;
    const timer = setTimeout(() => setBlocked(null), 8_000);
    return () => clearTimeout(timer);
  }, [blocked]);

  const { timeZone } = useTimeFormat();
  const editor = useEditor({
    // Collaboration brings its own Yjs-aware undo; the schema has no UndoRedo to disable.
    extensions: communiqueEditorExtensions({
      doc: session.doc,
      provider: session.provider,
      user,
      bracketGuard,
      onBlocked: setBlocked,
      onComment: onComment ?? null,
      timeZone,
    }),
    editable,
    editorProps: {
      attributes: {
        class: 'communique',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Draft communiqué',
        spellcheck: 'true',
      },
    },
  });

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);
  useFadedCarets(editor, session.provider.awareness);

  return (
    <>
      <div
        className={
          aside ? 'editor-toolbar-bar editor-toolbar-bar--with-aside' : 'editor-toolbar-bar'
        }
      >
        <EditorToolbar
          editor={editor}
          editable={editable}
          aside={toolbarAside}
          onComment={
            onComment && editor
              ? () => {
                  const target = commentTarget(editor.state, session.doc);
                  if (target) onComment(target);
                }
              : undefined
          }
        />
      </div>
      <div
        className={`draft-body${aside ? ' draft-body--with-aside' : ''}${margin ? ' draft-body--with-margin' : ''}`}
      >
        <div className="editor-shell">
          {banner}
          {blocked ? (
            <div className="notice notice--info" role="status" data-testid="edit-blocked-notice">
              <p className="notice__text">{blocked}</p>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setBlocked(null)}
              >
                Dismiss
              </button>
            </div>
          ) : null}
          <div className="paper" data-testid="editor">
            <EditorContent editor={editor} />
          </div>
        </div>
        {margin ? margin(editor) : null}
        {aside ? aside(editor) : null}
      </div>
    </>
  );
}
