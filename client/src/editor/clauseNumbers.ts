import { leadWordLength } from '@accord/shared/domain/leadWord';
import { clauseLabels } from '@accord/shared/domain/numbering';
import { type ClauseKind, NODE_NAMES } from '@accord/shared/domain/schema';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** One clause's number and where the clause starts. */
export interface NumberedClause {
  /** Position just before the clause node. */
  pos: number;
  label: string;
  kind: ClauseKind;
}

/** Every clause of a document with its derived label (PP1…, OP1…), in document order. */
export function numberClauses(doc: ProseMirrorNode): NumberedClause[] {
  const clauses: { pos: number; kind: ClauseKind }[] = [];
  doc.forEach((node, offset) => {
    if (node.type.name !== NODE_NAMES.clause) return;
    clauses.push({
      pos: offset,
      kind: node.attrs.kind === 'preambular' ? 'preambular' : 'operative',
    });
  });
  const labels = clauseLabels(clauses.map((clause) => clause.kind));
  return clauses.map((clause, index) => ({ ...clause, label: labels[index] ?? '' }));
}

/**
 * The first word of a preambular clause ("Recognizing", "Noting"), which communiqués set in
 * italics; as [from, to] inside the clause's content, or null when the clause starts blank.
 */
export function leadWordRange(clause: ProseMirrorNode): [number, number] | null {
  const text = clause.textBetween(0, Math.min(clause.content.size, 64), undefined, ' ');
  const length = leadWordLength(text);
  return length > 0 ? [0, length] : null;
}

function numberWidget(label: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'clause-number';
  element.dataset.testid = 'clause-number';
  element.contentEditable = 'false';
  element.textContent = label;
  return element;
}

function buildDecorations(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = [];
  for (const clause of numberClauses(doc)) {
    decorations.push(
      Decoration.widget(clause.pos + 1, () => numberWidget(clause.label), {
        side: -1,
        ignoreSelection: true,
        key: `clause-number-${clause.label}`,
      }),
    );
    const node = doc.nodeAt(clause.pos);
    const lead = clause.kind === 'preambular' && node ? leadWordRange(node) : null;
    if (lead) {
      decorations.push(
        Decoration.inline(clause.pos + 1 + lead[0], clause.pos + 1 + lead[1], {
          class: 'clause-lead',
        }),
      );
    }
  }
  return DecorationSet.create(doc, decorations);
}

/** The clause-number plugin's key. */
export const clauseNumbersPluginKey = new PluginKey<DecorationSet>('accordClauseNumbers');

/**
 * Shows each clause's number in the margin and sets a preambular clause's lead word in italics.
 * Numbers are recomputed from the document on every change, whoever made it, so they follow
 * clauses added, moved or removed by anyone; they are decorations, never part of the text.
 */
export function clauseNumbersPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: clauseNumbersPluginKey,
    state: {
      init: (_config, state) => buildDecorations(state.doc),
      apply: (tr, previous) => (tr.docChanged ? buildDecorations(tr.doc) : previous),
    },
    props: {
      decorations: (state) => clauseNumbersPluginKey.getState(state),
    },
  });
}
