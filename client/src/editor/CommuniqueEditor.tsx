import type { ClauseLock } from '@accord/shared/domain/clauseMeta';
import { can } from '@accord/shared/policy/policy';
import type { AwarenessUser } from '@accord/shared/protocol/api';
import { t } from '@lingui/core/macro';
import { useLingui } from '@lingui/react';
import { type Editor, EditorContent, useEditor } from '@tiptap/react';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTimeFormat } from '../app/timeZone';
import { useNarrowLayout } from '../app/useNarrowLayout';
import { lockerWithNameFor } from '../i18n/domainWords';
import type { SyncSession } from '../sync/useSyncSession';
import type { BracketGuard } from './brackets';
import { refreshLockLabels } from './clauseLocks';
import { type CommentTarget, commentTarget } from './commentSelection';
import { DRAFT_SHEET_ID, type DraftPanel, DraftTabs, type PanelLayout } from './DraftTabs';
import { EditorToolbar } from './EditorToolbar';
import { communiqueEditorExtensions } from './editorExtensions';
import { type Refusal, RefusalToast } from './RefusalToast';
import { bracketRefusalText, clauseLabelAtSelection } from './refusalText';
import { placeCaretOnFirstTap } from './tapCaret';
import { useFadedCarets } from './useFadedCarets';
import './CommuniqueEditor.css';

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
  nameOf,
}: {
  /** A member's display name by user id (null while unknown), to name who locked a clause. */
  nameOf?: (userId: string) => string | null;
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
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // A refusal replaces the one on screen; the same one again (a held key) only stays longer.
  const refuse = useCallback((text: string) => setRefusal({ text, at: Date.now() }), []);
  const dismissRefusal = useCallback(() => setRefusal(null), []);
  const editorRef = useRef<Editor | null>(null);
  const bracketGuard = useMemo<BracketGuard>(
    () => ({
      mayRemove: (owner) => can(user, 'removeBracket', { delegation: owner }),
      onBlocked: (owner, reason) => {
        const state = editorRef.current?.state;
        refuse(bracketRefusalText(owner, state ? clauseLabelAtSelection(state) : null, reason));
      },
    }),
    [user, refuse],
  );
  // Read through a ref: the editor is built once, and names arrive after it.
  const nameOfRef = useRef(nameOf);
  nameOfRef.current = nameOf;
  const describeLocker = useCallback(
    (lock: ClauseLock) => lockerWithNameFor(lock, nameOfRef.current?.(lock.userId) ?? null),
    [],
  );

  const { timeZone } = useTimeFormat();
  const { i18n } = useLingui();
  const editor = useEditor({
    // Collaboration brings its own Yjs-aware undo; the schema has no UndoRedo to disable.
    extensions: communiqueEditorExtensions({
      doc: session.doc,
      provider: session.provider,
      user,
      bracketGuard,
      onBlocked: refuse,
      describeLocker,
      onComment: onComment ? startThread : null,
      timeZone,
    }),
    editable,
    editorProps: {
      attributes: {
        class: 'communique',
        // The skip link's target: the text itself, ready for the keyboard.
        id: 'draft',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': t`Draft communiqué`,
        spellcheck: 'true',
      },
    },
  });

  editorRef.current = editor;
  // On a narrow window the sheet covers the lower part of the draft: when it opens, bring the
  // chosen clause up above it, under the toolbar, so the panel and its clause are seen together.
  useEffect(() => {
    if (!narrow || panel === 'draft' || !editor || editor.isDestroyed) return;
    const frame = requestAnimationFrame(() => {
      const clause = editor.view.dom.querySelector('p.clause.clause--focused');
      const sheet = document.getElementById(DRAFT_SHEET_ID);
      const toolbar = document.querySelector('.editor-toolbar-bar');
      if (!clause || !sheet || !toolbar) return;
      const box = clause.getBoundingClientRect();
      const top = toolbar.getBoundingClientRect().bottom + 8;
      if (box.top >= top && box.top + Math.min(box.height, 60) <= sheet.getBoundingClientRect().top)
        return;
      window.scrollBy({ top: box.top - top });
    });
    return () => cancelAnimationFrame(frame);
  }, [narrow, panel, editor]);
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);
  // Lock labels name the person once the member names are known, and speak the page's language.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new locale is a reason to redraw
  useEffect(() => {
    if (editor && !editor.isDestroyed && nameOf) refreshLockLabels(editor.view, session.doc);
  }, [editor, nameOf, session.doc, i18n.locale]);
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
        <div className="editor-shell">
          {banner}
          <div className="paper" data-testid="editor">
            <EditorContent editor={editor} />
          </div>
        </div>
        <RefusalToast refusal={refusal} onDismiss={dismissRefusal} />
        {narrow ? (
          <>
            <section
              id={DRAFT_SHEET_ID}
              className="draft-sheet"
              data-open={panel !== 'draft'}
              aria-label={sheetTitle(panel)}
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

/** The title of the narrow window's sheet for each panel. */
function sheetTitle(panel: DraftPanel): string {
  switch (panel) {
    case 'draft':
      return t`Panels`;
    case 'clause':
      return t({ message: 'Clause', context: 'Tab: the clause panel' });
    case 'consensus':
      return t({ message: 'Consensus', context: 'Tab' });
    case 'comments':
      return t({ message: 'Comments', context: 'Tab' });
  }
}
