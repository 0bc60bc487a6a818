import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseElements } from '../domain/clauseNodes';
import { writeDraft } from '../domain/draft';
import { clauseOpenBracketKeys, clausePieces, italicizeLeadWord } from './clausePieces';

function clauseWith(text: string): Y.XmlElement {
  const doc = new Y.Doc();
  writeDraft(doc, {
    type: 'doc',
    content: [
      { type: 'title', content: [{ type: 'text', text: 'T' }] },
      { type: 'clause', attrs: { id: 'c', kind: 'operative' }, content: [{ type: 'text', text }] },
    ],
  });
  const [clause] = clauseElements(doc);
  if (clause === undefined) throw new Error('no clause');
  return clause;
}

const owner = (delegation: 'MX' | 'US') => ({ delegation, userId: 'u', at: 0 });

describe('clausePieces', () => {
  it('puts each owner after the bracket its "[" opens, nested brackets included', () => {
    const clause = clauseWith('a [b [c] d] e');
    const [outer, inner] = clauseOpenBracketKeys(clause);
    const pieces = clausePieces(clause, { [outer!]: owner('MX'), [inner!]: owner('US') });
    expect(pieces).toEqual([
      { type: 'text', text: 'a [b [c]', bold: false, italic: false },
      { type: 'bracketOwner', delegation: 'US' },
      { type: 'text', text: ' d]', bold: false, italic: false },
      { type: 'bracketOwner', delegation: 'MX' },
      { type: 'text', text: ' e', bold: false, italic: false },
    ]);
  });

  it('gives a bracket never closed its owner at the end, and an unowned one none', () => {
    const clause = clauseWith('[a] [b');
    const [first, second] = clauseOpenBracketKeys(clause);
    expect(clausePieces(clause, { [second!]: owner('MX') })).toEqual([
      { type: 'text', text: '[a] [b', bold: false, italic: false },
      { type: 'bracketOwner', delegation: 'MX' },
    ]);
    expect(first).not.toBe(second);
  });

  it('skips deleted brackets when matching keys to characters', () => {
    const clause = clauseWith('[x] [y]');
    const text = clause.get(0) as Y.XmlText;
    const [, second] = clauseOpenBracketKeys(clause);
    text.delete(0, 4);
    expect(clauseOpenBracketKeys(clause)).toEqual([second]);
    expect(clausePieces(clause, { [second!]: owner('US') })).toEqual([
      { type: 'text', text: '[y]', bold: false, italic: false },
      { type: 'bracketOwner', delegation: 'US' },
    ]);
  });
});

describe('italicizeLeadWord', () => {
  const text = (value: string, bold = false, italic = false) =>
    ({ type: 'text', text: value, bold, italic }) as const;

  it('sets the lead word of the first piece in italics, keeping its other marks', () => {
    expect(italicizeLeadWord([text('Noting that trade', true)])).toEqual([
      text('Noting', true, true),
      text(' that trade', true),
    ]);
    expect(italicizeLeadWord([text('Welcoming'), text(' the report', true)])).toEqual([
      text('Welcoming', false, true),
      text(' the report', true),
    ]);
  });

  it('leaves a clause that starts blank, with a bracket, or already in italics', () => {
    for (const pieces of [
      [text(' Noting')],
      [text('[Noting] that')],
      [text('Noting', false, true)],
    ]) {
      expect(italicizeLeadWord(pieces)).toEqual(pieces);
    }
    expect(italicizeLeadWord([])).toEqual([]);
  });
});
