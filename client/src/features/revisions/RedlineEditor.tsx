import { communiqueExtensions } from '@accord/shared/domain/schema';
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { EditorContent, useEditor } from '@tiptap/react';
import { useMemo } from 'react';
import { changedRanges, type RedlineView, redlineDocJson } from './redlineDoc';
import '../../editor/CommuniqueEditor.css';
import './RedlineEditor.css';

function labelWidget(text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'redline-label';
  span.textContent = text;
  span.contentEditable = 'false';
  return span;
}

function notesWidget(notes: readonly string[]): HTMLElement {
  const list = document.createElement('span');
  list.className = 'redline-notes';
  list.contentEditable = 'false';
  for (const note of notes) {
    const item = document.createElement('span');
    item.className = 'redline-note';
    item.textContent = note;
    list.append(item);
  }
  return list;
}

/** The decorations of a view: labels, inserted and deleted runs, change bars, notes. */
function redlineDecorations(doc: PmNode, view: RedlineView): DecorationSet {
  const byId = new Map(view.clauses.map((clause) => [clause.id, clause]));
  const decorations: Decoration[] = [];
  doc.forEach((node, offset) => {
    if (node.type.name !== 'clause') return;
    const clause = byId.get(String(node.attrs.id));
    if (clause === undefined) return;
    const start = offset + 1;
    decorations.push(
      Decoration.node(offset, offset + node.nodeSize, {
        class: `redline-clause redline-clause--${clause.change}${clause.changed ? ' redline-clause--changed' : ''}`,
      }),
      Decoration.widget(start, () => labelWidget(clause.label), {
        side: -1,
        key: `label-${clause.id}`,
      }),
    );
    for (const range of changedRanges(clause)) {
      decorations.push(
        Decoration.inline(start + range.from, start + range.to, {
          class: range.kind === 'inserted' ? 'redline-ins' : 'redline-del',
          nodeName: range.kind === 'inserted' ? 'ins' : 'del',
        }),
      );
    }
    if (clause.notes.length > 0) {
      decorations.push(
        Decoration.widget(start + node.content.size, () => notesWidget(clause.notes), {
          side: 1,
          key: `notes-${clause.id}`,
        }),
      );
    }
  });
  return DecorationSet.create(doc, decorations);
}

/** A Tiptap extension that draws a view's redline over the read-only document. */
function redlineExtension(view: RedlineView) {
  return Extension.create({
    name: 'redline',
    addProseMirrorPlugins: () => [
      new Plugin({
        key: new PluginKey('redline'),
        props: { decorations: (state) => redlineDecorations(state.doc, view) },
      }),
    ],
  });
}

/**
 * A revision or a comparison in a read-only editor (the communiqué's own schema): inserted
 * words underlined, deleted ones struck, a bar beside each changed clause, its number as it
 * was and is ("OP5, formerly OP4") and its bracket, alternative and position changes.
 */
export function RedlineEditor({ view, label }: { view: RedlineView; label: string }) {
  const extensions = useMemo(() => [...communiqueExtensions, redlineExtension(view)], [view]);
  const editor = useEditor(
    {
      extensions,
      content: redlineDocJson(view),
      editable: false,
      editorProps: {
        attributes: { class: 'communique redline', 'aria-label': label, 'aria-readonly': 'true' },
      },
    },
    [extensions],
  );
  return <EditorContent editor={editor} className="redline-editor" data-testid="redline-editor" />;
}
