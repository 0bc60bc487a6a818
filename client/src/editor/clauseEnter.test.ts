import type { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { clausesOf, communiqueDoc, startOfBlock, stateWith } from '../testing/testDocs';
import { createClauseEnterCommand } from './clauseEnter';

function counter(): () => string {
  let n = 0;
  return () => `fresh-${++n}`;
}

function pressEnter(state: EditorState): EditorState {
  let next = state;
  const handled = createClauseEnterCommand(counter())(state, (tr) => {
    next = state.apply(tr);
  });
  expect(handled).toBe(true);
  return next;
}

const doc = communiqueDoc([
  ['pp', 'preambular', 'Recognizing the ties,'],
  ['op', 'operative', 'Decide to meet again.'],
]);

describe('Enter in a clause', () => {
  it('at the end opens a new clause of the same kind, with the caret in it', () => {
    const end = startOfBlock(doc, 1) + 'Recognizing the ties,'.length;
    const after = pressEnter(stateWith(doc, end));
    expect(clausesOf(after.doc)).toEqual([
      ['pp', 'preambular', 'Recognizing the ties,'],
      ['fresh-1', 'preambular', ''],
      ['op', 'operative', 'Decide to meet again.'],
    ]);
    expect(after.selection.$from.parent.attrs.id).toBe('fresh-1');
  });

  it('in the middle splits, the first half keeping the identity', () => {
    const middle = startOfBlock(doc, 2) + 'Decide to'.length;
    const after = pressEnter(stateWith(doc, middle));
    expect(clausesOf(after.doc).slice(1)).toEqual([
      ['op', 'operative', 'Decide to'],
      ['fresh-1', 'operative', ' meet again.'],
    ]);
  });

  it('at the start opens an empty clause above and the text keeps its identity', () => {
    const after = pressEnter(stateWith(doc, startOfBlock(doc, 2)));
    expect(clausesOf(after.doc).slice(1)).toEqual([
      ['fresh-1', 'operative', ''],
      ['op', 'operative', 'Decide to meet again.'],
    ]);
    expect(after.selection.$from.parent.attrs.id).toBe('op');
  });
});

describe('Enter in the title', () => {
  it('opens a first clause of the kind that follows, without splitting the title', () => {
    const after = pressEnter(stateWith(doc, startOfBlock(doc, 0) + 3));
    expect(after.doc.child(0).textContent).toBe('Communiqué');
    expect(clausesOf(after.doc)[0]).toEqual(['fresh-1', 'preambular', '']);
  });
});
