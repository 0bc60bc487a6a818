import { DELEGATIONS } from '@accord/shared/domain/delegations';
import { can } from '@accord/shared/policy/policy';
import type { AwarenessUser } from '@accord/shared/protocol/api';
import { type Editor, EditorContent, useEditor } from '@tiptap/react';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useTimeFormat } from '../app/timeZone';
import { useNarrowLayout } from '../app/useNarrowLayout';
import { type CommentTarget, commentTarget } from '../features/comments/commentSelection';
import { useFadedCarets } from '../features/presence/useFadedCarets';
import type { BracketGuard } from './brackets';
import { DRAFT_SHEET_ID, type DraftPanel, DraftTabs, type PanelLayout } from './DraftTabs';
import { EditorToolbar } from './EditorToolbar';
import { communiqueEditorExtensions } from './editorExtensions';
import { placeCaretOnFirstTap } from './tapCaret';
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
  /**
   * The column beside the page (the clause panel), given the editor once it exists; on a narrow
   * window it opens in the bottom sheet instead.
   */
  aside?: (editor: Editor | null, layout: PanelLayout) => ReactNode;
  /** The comments margin between the page and the aside (on a narrow window: in the sheet). */
  margin?: (editor: Editor | null, layout: PanelLayout) => ReactNode;
  /** Opens a new thread on the selected words; absent for those who cannot comment. */
  onComment?: (target: CommentTarget) => void;
}) {
  const narrow = useNarrowLayout();
  const [panel, setPanel] = useState<DraftPanel>('draft');
  const layout = useMemo<PanelLayout>(
    () => ({ narrow, panel, showPanel: setPanel }),
    [narrow, panel],
  );
  // On a narrow window a new thread's form is in the sheet: open it there.
  const startThread = useCallback(
    (target: CommentTarget) => {
      onComment?.(target);
      if (narrow) setPanel('comments');
    },
    [onComment, narrow],
  );
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
      onComment: onComment ? startThread : null,
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
  useEffect(() => (editor ? placeCaretOnFirstTap(editor) : undefined), [editor]);

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
                  if (target) startThread(target);
                }
              : undefined
          }
        />
      </div>
      <div
        className={`draft-body${narrow ? ' draft-body--narrow' : ''}${aside && !narrow ? ' draft-body--with-aside' : ''}${margin && !narrow ? ' draft-body--with-margin' : ''}`}
      >
        <div className="editor-shell" id="draft" tabIndex={-1}>
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
        {narrow ? (
          <>
            <section
              id={DRAFT_SHEET_ID}
              className="draft-sheet"
              data-open={panel !== 'draft'}
              aria-label={SHEET_TITLES[panel]}
              data-testid="draft-sheet"
            >
              <div className="draft-sheet__body">
                <div className="draft-sheet__pane" data-shown={panel === 'comments'}>
                  {margin ? margin(editor, layout) : null}
                </div>
                <div
                  className="draft-sheet__pane"
                  data-shown={panel === 'clause' || panel === 'consensus'}
                >
                  {aside ? aside(editor, layout) : null}
                </div>
              </div>
            </section>
            <DraftTabs panel={panel} onChange={setPanel} />
          </>
        ) : (
          <>
            {margin ? margin(editor, layout) : null}
            {aside ? aside(editor, layout) : null}
          </>
        )}
      </div>
    </>
  );
}

const SHEET_TITLES: Record<DraftPanel, string> = {
  draft: 'Panels',
  clause: 'Clause',
  consensus: 'Consensus',
  comments: 'Comments',
};
