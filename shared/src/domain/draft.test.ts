import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseTexts, type DraftJson, readDraft, writeDraft } from './draft';

const draft: DraftJson = {
  type: 'doc',
  content: [
    { type: 'title', content: [{ type: 'text', text: 'Joint Communiqué' }] },
    {
      type: 'clause',
      attrs: { id: 'c1', kind: 'preambular' },
      content: [
        { type: 'text', text: 'Recognizing ' },
        { type: 'text', text: 'the shared', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' challenge,' },
      ],
    },
    { type: 'sectionHeading', content: [{ type: 'text', text: 'Trade' }] },
    {
      type: 'clause',
      attrs: { id: 'c2', kind: 'operative' },
      content: [{ type: 'text', text: 'Agree.' }],
    },
  ],
};

describe('writeDraft / readDraft', () => {
  it('round-trips a draft through a Yjs document, marks and clause attributes included', () => {
    const doc = new Y.Doc();
    writeDraft(doc, draft);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const read = readDraft(copy);
    expect(clauseTexts(read)).toEqual(['Recognizing the shared challenge,', 'Agree.']);
    expect(read.content[1]).toMatchObject({
      type: 'clause',
      attrs: { id: 'c1', kind: 'preambular' },
    });
    expect(read.content[1]?.content?.[1]).toMatchObject({
      text: 'the shared',
      marks: [{ type: 'italic' }],
    });
  });
});
