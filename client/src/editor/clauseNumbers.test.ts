import { describe, expect, it } from 'vitest';
import { communiqueDoc, startOfBlock, stateWith } from '../testing/testDocs';
import {
  clauseNumbersPlugin,
  clauseNumbersPluginKey,
  leadWordRange,
  numberClauses,
} from './clauseNumbers';

describe('numberClauses', () => {
  it('labels preambular and operative clauses separately, skipping the title', () => {
    const doc = communiqueDoc([
      ['a', 'preambular', 'Recognizing'],
      ['b', 'operative', 'Commit'],
      ['c', 'preambular', 'Noting'],
    ]);
    expect(numberClauses(doc).map((clause) => clause.label)).toEqual(['PP1', 'OP1', 'PP2']);
    expect(doc.nodeAt(numberClauses(doc)[1]?.pos ?? -1)?.textContent).toBe('Commit');
  });
});

describe('leadWordRange', () => {
  it('finds the first word, accents included', () => {
    const doc = communiqueDoc([['a', 'preambular', 'Reconociendo además que']]);
    const clause = doc.child(1);
    expect(leadWordRange(clause)).toEqual([0, 'Reconociendo'.length]);
  });

  it('is null for a clause that starts blank', () => {
    const doc = communiqueDoc([['a', 'preambular', '']]);
    expect(leadWordRange(doc.child(1))).toBeNull();
  });
});

describe('clauseNumbersPlugin', () => {
  it('renumbers when a clause is removed', () => {
    const doc = communiqueDoc([
      ['a', 'operative', 'first'],
      ['b', 'operative', 'second'],
    ]);
    const state = stateWith(doc, 1, [clauseNumbersPlugin()]);
    const widgets = (s: typeof state) =>
      clauseNumbersPluginKey
        .getState(s)
        ?.find()
        .map((decoration) => (decoration.spec as { key?: string }).key)
        .filter(Boolean);
    expect(widgets(state)).toEqual(['clause-number-OP1', 'clause-number-OP2']);
    const first = startOfBlock(doc, 1) - 1;
    const after = state.apply(state.tr.delete(first, first + doc.child(1).nodeSize));
    expect(widgets(after)).toEqual(['clause-number-OP1']);
  });
});
