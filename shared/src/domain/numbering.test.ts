import { describe, expect, it } from 'vitest';
import { clauseLabels } from './numbering';

describe('clauseLabels', () => {
  it('counts preambular and operative paragraphs separately, in order', () => {
    expect(clauseLabels(['preambular', 'preambular', 'operative', 'operative'])).toEqual([
      'PP1',
      'PP2',
      'OP1',
      'OP2',
    ]);
  });

  it('keeps counting each kind across interleaving', () => {
    expect(clauseLabels(['operative', 'preambular', 'operative'])).toEqual(['OP1', 'PP1', 'OP2']);
  });

  it('labels nothing when there are no clauses', () => {
    expect(clauseLabels([])).toEqual([]);
  });
});
