import { clauseMetaMap, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { readClauses } from '@accord/shared/domain/clauseNodes';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { draftDocWith, metaWithPositions, writeMeta } from '../testing/testClauses';
import { buildClauseViews, memoizedTextHasher } from './clauseViews';

const FIVE_AGREE = { US: 'agree', CA: 'agree', MX: 'agree', SV: 'agree', GT: 'agree' } as const;

function viewsOf(doc: Y.Doc) {
  const meta = clauseMetaMap(doc);
  return buildClauseViews(readClauses(doc), (id) => readClauseMeta(meta, id), memoizedTextHasher());
}

describe('buildClauseViews', () => {
  it("numbers clauses and reads the Chair's draft as proposed by no delegation", () => {
    const doc = draftDocWith([
      ['a', 'preambular', 'Recognizing the region,'],
      ['b', 'operative', 'Agree [to meet];'],
    ]);
    const views = viewsOf(doc);
    expect(views.map((view) => [view.id, view.label, view.status, view.proposer])).toEqual([
      ['a', 'PP1', 'open', null],
      ['b', 'OP1', 'bracketed', null],
    ]);
  });

  it('derives agreed from five positions on the current text, and shows the proposer', () => {
    const doc = draftDocWith([['a', 'operative', 'Commit to invest;']]);
    writeMeta(doc, 'a', {
      ...metaWithPositions('Commit to invest;', FIVE_AGREE),
      proposer: { delegation: 'MX', userId: 'u-mx', at: 5 },
    });
    const [view] = viewsOf(doc);
    expect(view?.status).toBe('agreed');
    expect(view?.proposer?.delegation).toBe('MX');
    expect(Object.keys(view?.positions ?? {})).toEqual(['US', 'CA', 'MX', 'SV', 'GT']);
  });

  it('drops positions given on other text before the server clears them', () => {
    const doc = draftDocWith([['a', 'operative', 'Commit to invest more;']]);
    writeMeta(doc, 'a', metaWithPositions('Commit to invest;', FIVE_AGREE));
    const [view] = viewsOf(doc);
    expect(view?.positions).toEqual({});
    expect(view?.status).toBe('open');
  });

  it('keeps the clearing record, but not for a delegation that has stated a position since', () => {
    const doc = draftDocWith([['a', 'operative', 'Text']]);
    const cleared = (delegation: 'MX' | 'US') => ({
      delegation,
      position: 'agree' as const,
      at: 7,
      reason: 'textChanged' as const,
      byDelegation: 'CA' as const,
      byUserId: 'u-ca',
    });
    writeMeta(doc, 'a', {
      ...metaWithPositions('Text', { US: 'reserve' }),
      cleared: [cleared('MX'), cleared('US')],
    });
    expect(viewsOf(doc)[0]?.cleared.map((entry) => entry.delegation)).toEqual(['MX']);
  });

  it('leaves out clauses without an id and repeated ids, and ignores unreadable meta', () => {
    const doc = draftDocWith([
      ['a', 'operative', 'One'],
      ['a', 'operative', 'Copy of one'],
      ['', 'operative', 'No id yet'],
    ]);
    doc.getMap('accord').set('a', { positions: 'forged' });
    const views = viewsOf(doc);
    expect(views.map((view) => view.text)).toEqual(['One']);
    expect(views[0]?.positions).toEqual({});
  });
});

describe('memoizedTextHasher', () => {
  it('gives the server hash and reuses it', () => {
    const hashOf = memoizedTextHasher();
    const first = hashOf('Agree.');
    expect(hashOf('Agree.')).toBe(first);
    expect(hashOf('Agree!')).not.toBe(first);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
  });
});
