import { compareRevisions } from '@accord/shared/revisions/compareRevisions';
import type { RevisionClause } from '@accord/shared/revisions/revisions';
import { describe, expect, it } from 'vitest';
import { changedRanges, changeStops, comparisonView, redlineDocJson } from './redlineDoc';

function clause(id: string, label: string, text: string): RevisionClause {
  return {
    id,
    kind: 'operative',
    label,
    text,
    pieces: [{ type: 'text', text, bold: false, italic: false }],
    proposer: null,
    brackets: [],
    alternatives: [],
    positions: {},
    lock: null,
  };
}

const side = (name: string) => ({ name, symbol: null, at: 0 });

describe('the compare view model', () => {
  const comparison = compareRevisions(
    {
      title: 'T',
      clauses: [clause('a', 'OP1', 'Agree to consult ninety days;'), clause('b', 'OP2', 'Keep.')],
    },
    {
      title: 'T',
      clauses: [
        clause('n', 'OP1', 'New.'),
        clause('a', 'OP2', 'Agree to consult sixty days;'),
        clause('b', 'OP3', 'Keep.'),
      ],
    },
    { from: side('Rev.1'), to: side('Rev.2') },
  );
  const view = comparisonView(comparison);

  it('keeps deleted words in the text, where the decorations strike them', () => {
    const a = view.clauses.find((entry) => entry.id === 'a');
    const text = a?.runs.map((run) => run.text).join('') ?? '';
    expect(text).toBe('Agree to consult ninetysixty days;');
    expect(
      a && changedRanges(a).map((range) => [text.slice(range.from, range.to), range.kind]),
    ).toEqual([
      ['ninety', 'deleted'],
      ['sixty', 'inserted'],
    ]);
    expect(a?.label).toBe('OP2, formerly OP1');
  });

  it('stops next/previous change at every changed clause, renumbered ones included', () => {
    expect(changeStops(view)).toEqual(['n', 'a', 'b']);
  });

  it('builds a communiqué document of the view for the read-only editor', () => {
    const json = redlineDocJson(view) as { content: { type: string; attrs?: { id: string } }[] };
    expect(json.content.map((node) => node.attrs?.id ?? node.type)).toEqual([
      'title',
      'n',
      'a',
      'b',
    ]);
  });
});
