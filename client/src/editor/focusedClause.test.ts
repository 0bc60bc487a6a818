import { describe, expect, it } from 'vitest';
import { communiqueDoc, startOfBlock, stateWith } from '../testing/testDocs';
import { clauseIdAtSelection } from './focusedClause';

describe('clauseIdAtSelection', () => {
  const doc = communiqueDoc([
    ['a', 'preambular', 'Recognizing'],
    ['b', 'operative', 'Commit'],
    [null, 'operative', 'New'],
  ]);

  it('names the clause holding the caret', () => {
    expect(clauseIdAtSelection(stateWith(doc, startOfBlock(doc, 2) + 2))).toBe('b');
    expect(clauseIdAtSelection(stateWith(doc, startOfBlock(doc, 1)))).toBe('a');
  });

  it('is null in the title and in a clause without an id yet', () => {
    expect(clauseIdAtSelection(stateWith(doc, 1))).toBeNull();
    expect(clauseIdAtSelection(stateWith(doc, startOfBlock(doc, 3)))).toBeNull();
  });
});
