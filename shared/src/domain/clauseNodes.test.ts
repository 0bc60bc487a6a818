import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseIdOf, enclosingClause, plainText, readClauses } from './clauseNodes';
import { type DraftJson, writeDraft } from './draft';
import { DRAFT_FRAGMENT } from './schema';

const draft: DraftJson = {
  type: 'doc',
  content: [
    { type: 'title', content: [{ type: 'text', text: 'Communiqué' }] },
    {
      type: 'clause',
      attrs: { id: 'c1', kind: 'preambular' },
      content: [
        { type: 'text', text: 'Recognizing ' },
        { type: 'text', text: 'the shared', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' challenge,' },
      ],
    },
    { type: 'sectionHeading', content: [{ type: 'text', text: 'Trade' }] },
    {
      type: 'clause',
      attrs: { id: 'c2', kind: 'operative' },
      content: [{ type: 'text', text: 'Agree.' }],
    },
    { type: 'clause', attrs: { id: 'c3', kind: 'preambular' } },
  ],
};

function draftDoc(): Y.Doc {
  const doc = new Y.Doc();
  writeDraft(doc, draft);
  return doc;
}

describe('readClauses', () => {
  it('lists clauses in order with labels and plain text, formatting left out', () => {
    expect(readClauses(draftDoc())).toEqual([
      { id: 'c1', kind: 'preambular', label: 'PP1', text: 'Recognizing the shared challenge,' },
      { id: 'c2', kind: 'operative', label: 'OP1', text: 'Agree.' },
      { id: 'c3', kind: 'preambular', label: 'PP2', text: '' },
    ]);
  });
});

describe('enclosingClause', () => {
  it('finds the clause around a text, and nothing for headings or the fragment', () => {
    const doc = draftDoc();
    const fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
    const [title, first, heading] = fragment.toArray() as Y.XmlElement[];
    const text = first!.get(0) as Y.XmlText;
    expect(enclosingClause(text, fragment)).toBe(first);
    expect(enclosingClause(first!, fragment)).toBe(first);
    expect(enclosingClause(heading!.get(0) as Y.XmlText, fragment)).toBeNull();
    expect(enclosingClause(title!, fragment)).toBeNull();
    expect(enclosingClause(fragment, fragment)).toBeNull();
    expect(clauseIdOf(first!)).toBe('c1');
    expect(plainText(first!)).toBe('Recognizing the shared challenge,');
  });
});
