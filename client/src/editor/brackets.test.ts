import { TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { clausesOf, communiqueDoc, startOfBlock, stateWith } from '../testing/testDocs';
import { closingPosition, forbiddenBracketDeletion, wrapInBrackets } from './brackets';

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

describe('forbiddenBracketDeletion', () => {
  const bracketed = communiqueDoc([['op', 'operative', 'Decide [to meet] again.']]);
  const start = startOfBlock(bracketed, 1);
  const open = start + 'Decide '.length;
  const brackets = [{ position: open, owner: 'MX' as const }];
  const onlyOwn = (owner: string) => owner === 'US';

  it("names the owner when an edit deletes another delegation's '['", () => {
    const state = stateWith(bracketed, open);
    expect(forbiddenBracketDeletion(state.tr.delete(open, open + 1), brackets, onlyOwn)).toBe('MX');
    // Typing over a selection that holds it deletes it too.
    expect(
      forbiddenBracketDeletion(state.tr.insertText('x', open - 2, open + 3), brackets, onlyOwn),
    ).toBe('MX');
  });

  it("lets edits around the '[' through, and its owner or a moderator delete it", () => {
    const state = stateWith(bracketed, open);
    expect(forbiddenBracketDeletion(state.tr.insertText('x', open), brackets, onlyOwn)).toBeNull();
    expect(
      forbiddenBracketDeletion(state.tr.delete(open + 1, open + 3), brackets, onlyOwn),
    ).toBeNull();
    expect(forbiddenBracketDeletion(state.tr.delete(open - 2, open), brackets, onlyOwn)).toBeNull();
    expect(
      forbiddenBracketDeletion(state.tr.delete(open, open + 1), brackets, () => true),
    ).toBeNull();
  });

  it("guards the ']' that closes the '[': brackets are pairs", () => {
    const close = start + 'Decide [to meet'.length;
    expect(closingPosition(bracketed, open)).toBe(close);
    const nested = communiqueDoc([['op', 'operative', '[a [b] c] d']]);
    const nestedStart = startOfBlock(nested, 1);
    expect(closingPosition(nested, nestedStart)).toBe(nestedStart + '[a [b] c'.length);
    const pair = [...brackets, { position: close, owner: 'MX' as const }];
    const state = stateWith(bracketed, close);
    expect(forbiddenBracketDeletion(state.tr.delete(close, close + 1), pair, onlyOwn)).toBe('MX');
    expect(
      forbiddenBracketDeletion(state.tr.delete(close, close + 1), pair, () => true),
    ).toBeNull();
  });
});
