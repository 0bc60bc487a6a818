import { type ClauseKind, NODE_NAMES } from '@accord/shared/domain/schema';
import { useLingui } from '@lingui/react/macro';
import { type Editor, useEditorState } from '@tiptap/react';
import type { ReactNode } from 'react';
import { wrapInBrackets } from './brackets';
import { commentableRange } from './commentSelection';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

/**
 * Formatting for delegates and the Chair: bold, italic, the current clause's kind, undo/redo.
 * Hidden for those who cannot edit; `aside` carries the read-only badge then.
 */
export function EditorToolbar({
  editor,
  editable,
  aside,
  onComment,
}: {
  editor: Editor | null;
  editable: boolean;
  aside?: ReactNode;
  /** Opens a thread on the selected words (absent: no Comment button). */
  onComment?: (() => void) | undefined;
}) {
  const { t } = useLingui();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      if (!current) return null;
      const parent = current.state.selection.$from.parent;
      const kind: ClauseKind | null =
        parent.type.name === NODE_NAMES.clause
          ? parent.attrs.kind === 'preambular'
            ? 'preambular'
            : 'operative'
          : null;
      return {
        bold: current.isActive('bold'),
        italic: current.isActive('italic'),
        kind,
        canBracket: wrapInBrackets(current.state),
        canComment: commentableRange(current.state) !== null,
        canUndo: current.can().undo(),
        canRedo: current.can().redo(),
      };
    },
  });

  if (!editable || !editor || !state) {
    return <div className="editor-toolbar editor-toolbar--readonly">{aside}</div>;
  }

  const setKind = (kind: ClauseKind) =>
    editor.chain().focus().updateAttributes(NODE_NAMES.clause, { kind }).run();

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t`Formatting`}>
      <div className="editor-toolbar__group">
        <ToolButton
          label={t`Bold`}
          shortcut={`${mod}B`}
          pressed={state.bold}
          onClick={() => editor.chain().focus().toggleBold().run()}
        >
          <strong>B</strong>
        </ToolButton>
        <ToolButton
          label={t`Italic`}
          shortcut={`${mod}I`}
          pressed={state.italic}
          onClick={() => editor.chain().focus().toggleItalic().run()}
        >
          <em>I</em>
        </ToolButton>
      </div>
      <fieldset className="editor-toolbar__group">
        <legend className="visually-hidden">{t`Clause kind`}</legend>
        <ToolButton
          label={t`PP, preambular paragraph`}
          pressed={state.kind === 'preambular'}
          disabled={state.kind === null}
          onClick={() => setKind('preambular')}
        >
          PP
        </ToolButton>
        <ToolButton
          label={t`OP, operative paragraph`}
          pressed={state.kind === 'operative'}
          disabled={state.kind === null}
          onClick={() => setKind('operative')}
        >
          OP
        </ToolButton>
      </fieldset>
      <div className="editor-toolbar__group">
        <ToolButton
          label={t({
            message: 'Bracket',
            context: 'Toolbar button: put the selection in square brackets',
          })}
          shortcut={`${mod}[`}
          disabled={!state.canBracket}
          onClick={() => {
            wrapInBrackets(editor.state, editor.view.dispatch);
            editor.view.focus();
          }}
        >
          [ ]
        </ToolButton>
      </div>
      {onComment ? (
        <div className="editor-toolbar__group">
          <ToolButton
            label={t({ message: 'Comment', context: 'Toolbar button: comment on the selection' })}
            shortcut={isMac ? '⌥⌘M' : 'Ctrl+Alt+M'}
            disabled={!state.canComment}
            onClick={onComment}
          >
            {t({ message: 'Comment', context: 'Toolbar button: comment on the selection' })}
          </ToolButton>
        </div>
      ) : null}
      <div className="editor-toolbar__group">
        <ToolButton
          label={t`Undo`}
          shortcut={`${mod}Z`}
          disabled={!state.canUndo}
          onClick={() => editor.chain().focus().undo().run()}
        >
          ↶
        </ToolButton>
        <ToolButton
          label={t`Redo`}
          shortcut={isMac ? '⇧⌘Z' : 'Ctrl+Y'}
          disabled={!state.canRedo}
          onClick={() => editor.chain().focus().redo().run()}
        >
          ↷
        </ToolButton>
      </div>
      {aside ? <div className="editor-toolbar__aside">{aside}</div> : null}
    </div>
  );
}

function ToolButton({
  label,
  shortcut,
  pressed,
  disabled = false,
  onClick,
  children,
}: {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      // Keep the editor's selection: a mouse-down on the button would otherwise blur it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
