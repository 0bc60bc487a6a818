import type { Command, EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { clausesOf, communiqueDoc, startOfBlock, stateWith } from '../testing/testDocs';
import { backspaceAfterTitle, deleteAtTitleEnd } from './titleGuard';

function press(command: Command, state: EditorState): { handled: boolean; state: EditorState } {
  let next = state;
  const handled = command(state, (tr) => {
    next = state.apply(tr);
  });
  return { handled, state: next };
}

describe('backspaceAfterTitle', () => {
  it('never merges the first clause into the title', () => {
    const doc = communiqueDoc([
      ['a', 'preambular', 'Recognizing'],
      ['b', 'operative', 'Decide'],
    ]);
    const result = press(backspaceAfterTitle, stateWith(doc, startOfBlock(doc, 1)));
    expect(result.handled).toBe(true);
    expect(result.state.doc.eq(doc)).toBe(true);
  });

  it('removes an empty first clause and puts the caret at the end of the title', () => {
    const doc = communiqueDoc([
      ['a', 'preambular', ''],
      ['b', 'operative', 'Decide'],
    ]);
    const result = press(backspaceAfterTitle, stateWith(doc, startOfBlock(doc, 1)));
    expect(clausesOf(result.state.doc)).toEqual([['b', 'operative', 'Decide']]);
    expect(result.state.selection.$from.parent.type.name).toBe('title');
  });

  it('leaves Backspace elsewhere to the default', () => {
    const doc = communiqueDoc([
      ['a', 'preambular', 'one'],
      ['b', 'operative', 'two'],
    ]);
    expect(press(backspaceAfterTitle, stateWith(doc, startOfBlock(doc, 2))).handled).toBe(false);
    expect(press(backspaceAfterTitle, stateWith(doc, startOfBlock(doc, 1) + 2)).handled).toBe(
      false,
    );
  });
});

describe('deleteAtTitleEnd', () => {
  it('never pulls the first clause into the title', () => {
    const doc = communiqueDoc([
      ['a', 'preambular', 'Recognizing'],
      ['b', 'operative', 'Decide'],
    ]);
    const end = startOfBlock(doc, 0) + doc.child(0).content.size;
    const result = press(deleteAtTitleEnd, stateWith(doc, end));
    expect(result.handled).toBe(true);
    expect(result.state.doc.eq(doc)).toBe(true);
  });

  it('removes an empty first block when others remain', () => {
    const doc = communiqueDoc([
      ['a', 'preambular', ''],
      ['b', 'operative', 'Decide'],
    ]);
    const end = startOfBlock(doc, 0) + doc.child(0).content.size;
    expect(clausesOf(press(deleteAtTitleEnd, stateWith(doc, end)).state.doc)).toEqual([
      ['b', 'operative', 'Decide'],
    ]);
  });
});
