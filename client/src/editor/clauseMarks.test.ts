import { describe, expect, it } from 'vitest';
import { communiqueDoc, startOfBlock, stateWith } from '../testing/testDocs';
import { clauseMarkDecorations, clauseMarksPlugin, clauseMarksPluginKey } from './clauseMarks';

describe('clauseMarkDecorations', () => {
  it('gives known clauses their status and marks the focused one', () => {
    const doc = communiqueDoc([
      ['a', 'operative', 'first'],
      ['b', 'operative', 'second'],
      ['c', 'operative', 'third'],
    ]);
    const set = clauseMarkDecorations(doc, {
      statuses: new Map([
        ['a', 'agreed'],
        ['b', 'bracketed'],
      ]),
      focusedId: 'b',
    });
    const specs = set.find().map((decoration) => ({
      text: doc.nodeAt(decoration.from)?.textContent,
      spec: decoration.spec,
    }));
    expect(specs).toEqual([
      { text: 'first', spec: { status: 'agreed', focused: false } },
      { text: 'second', spec: { status: 'bracketed', focused: true } },
    ]);
  });
});

describe('clauseMarksPlugin', () => {
  it('keeps marks on their clauses when the text around them changes', () => {
    const doc = communiqueDoc([
      ['a', 'operative', 'first'],
      ['b', 'operative', 'second'],
    ]);
    let state = stateWith(doc, 1, [clauseMarksPlugin()]);
    state = state.apply(
      state.tr.setMeta(clauseMarksPluginKey, {
        statuses: new Map([['b', 'agreed']]),
        focusedId: null,
      }),
    );
    state = state.apply(state.tr.insertText('much longer ', startOfBlock(doc, 1)));
    const decorations = clauseMarksPluginKey.getState(state)?.decorations.find() ?? [];
    expect(decorations.map((decoration) => state.doc.nodeAt(decoration.from)?.textContent)).toEqual(
      ['second'],
    );
  });
});
