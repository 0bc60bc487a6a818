import { writeDraft } from '@accord/shared/domain/draft';
import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import type { ThreadView } from '@accord/shared/protocol/threads';
import { TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { communiqueDoc, startOfBlock, stateWith, type TestClause } from '../testing/testDocs';
import { commentableRange, commentTarget } from './commentSelection';
import { resolveRanges } from './threadHighlights';

const clauses: TestClause[] = [
  ['c1', 'operative', 'Agree to consult before imposing new tariffs.'],
  ['c2', 'operative', 'Resolve to expand vocational training.'],
];

function ydocOf(list: readonly TestClause[]): Y.Doc {
  const doc = new Y.Doc();
  writeDraft(doc, communiqueDoc(list).toJSON() as Parameters<typeof writeDraft>[1]);
  return doc;
}

function selecting(list: readonly TestClause[], block: number, from: number, to: number) {
  const doc = communiqueDoc(list);
  const start = startOfBlock(doc, block);
  const state = stateWith(doc, start);
  return state.apply(state.tr.setSelection(TextSelection.create(doc, start + from, start + to)));
}

function threadWith(anchor: ThreadView['anchor']): ThreadView {
  return {
    id: 't',
    documentId: 'd',
    clauseId: 'c1',
    visibility: 'public',
    delegation: 'MX',
    anchor,
    quote: 'new tariffs',
    createdAt: 1,
    resolved: null,
    messages: [],
    unread: 0,
  };
}

function yText(doc: Y.Doc, index: number): Y.XmlText {
  return (doc.getXmlFragment(DRAFT_FRAGMENT).get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('commenting on a selection', () => {
  it('takes words inside one clause, and nothing else', () => {
    const words = clauses[0]?.[2].indexOf('new tariffs') ?? 0;
    expect(commentableRange(selecting(clauses, 1, words, words + 11))).toEqual({
      clauseId: 'c1',
      from: words,
      to: words + 11,
      quote: 'new tariffs',
    });
    expect(commentableRange(selecting(clauses, 1, 3, 3))).toBeNull();
    expect(commentableRange(selecting(clauses, 0, 0, 4))).toBeNull();
    const doc = communiqueDoc(clauses);
    const across = stateWith(doc, 2);
    const spanning = across.apply(
      across.tr.setSelection(
        TextSelection.create(doc, startOfBlock(doc, 1) + 2, startOfBlock(doc, 2) + 2),
      ),
    );
    expect(commentableRange(spanning)).toBeNull();
  });

  it('anchors the words in Yjs, finds them after edits before them, and detaches when they go', () => {
    const ydoc = ydocOf(clauses);
    const words = clauses[0]?.[2].indexOf('new tariffs') ?? 0;
    const target = commentTarget(selecting(clauses, 1, words, words + 11), ydoc);
    expect(target?.quote).toBe('new tariffs');
    const thread = threadWith(target?.anchor ?? { start: '', end: '' });

    yText(ydoc, 1).insert(0, 'Moreover, ');
    const edited: TestClause[] = [
      ['c1', 'operative', `Moreover, ${clauses[0]?.[2]}`],
      clauses[1] as TestClause,
    ];
    const doc = communiqueDoc(edited);
    const range = resolveRanges(doc, ydoc, [thread]).get('t');
    expect(range && doc.textBetween(range.from, range.to)).toBe('new tariffs');

    yText(ydoc, 1).delete(words + 10, 11);
    expect(resolveRanges(doc, ydoc, [thread]).get('t')).toBeNull();
  });
});
