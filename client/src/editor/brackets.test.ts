import { TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { wrapInBrackets } from './brackets';
import { clausesOf, communiqueDoc, startOfBlock, stateWith } from './testDocs';

const doc = communiqueDoc([
  ['pp', 'preambular', 'Recognizing the ties,'],
  ['op', 'operative', 'Decide to meet again.'],
]);

function selecting(from: number, to: number) {
  const state = stateWith(doc, from);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

describe('wrapInBrackets', () => {
  it('wraps a span inside one clause in one transaction', () => {
    const start = startOfBlock(doc, 2);
    const state = selecting(start + 7, start + 14);
    let next = state;
    let transactions = 0;
    expect(
      wrapInBrackets(state, (tr) => {
        transactions += 1;
        next = state.apply(tr);
      }),
    ).toBe(true);
    expect(transactions).toBe(1);
    expect(clausesOf(next.doc)[1]).toEqual(['op', 'operative', 'Decide [to meet] again.']);
  });

  it('refuses an empty selection and a span across clauses', () => {
    const start = startOfBlock(doc, 2);
    expect(wrapInBrackets(selecting(start + 3, start + 3))).toBe(false);
    expect(wrapInBrackets(selecting(startOfBlock(doc, 1) + 3, start + 3))).toBe(false);
  });
});
