import type { ClauseChangeView } from '@accord/shared/protocol/api';
import { describe, expect, it } from 'vitest';
import {
  changeKey,
  eventSummary,
  eventWordings,
  originalVersion,
  versionAfter,
} from './historyModel';

function change(at: number, textBefore: string, textAfter: string): ClauseChangeView {
  return {
    at,
    userId: `u${at}`,
    displayName: `Person ${at}`,
    delegation: 'MX',
    textBefore,
    textAfter,
    event: null,
  };
}

describe('clause versions', () => {
  const newestFirst = [change(3, 'B', 'C'), change(2, 'A', 'B')];

  it('reads the text before any recorded change from the oldest change', () => {
    expect(originalVersion(newestFirst)?.text).toBe('A');
    expect(originalVersion([])).toBeNull();
  });

  it('gives the text after a change, captioned with its author', () => {
    const [latest] = newestFirst;
    expect(latest && versionAfter(latest)).toEqual({
      key: changeKey(latest!),
      text: 'C',
      caption: 'After Person 3’s change',
      at: 3,
    });
  });
});

describe('history events', () => {
  const alternative = (id: string, delegation: 'MX' | 'US') => ({
    id,
    text: `${delegation} words`,
    delegation,
    userId: `u-${delegation}`,
    at: 1,
  });

  it('says in words what happened, or nothing for typing', () => {
    expect(eventSummary(null)).toBeNull();
    expect(eventSummary({ kind: 'deleted' })).toMatch(/^Deleted the clause/);
    expect(
      eventSummary({
        kind: 'alternativeChosen',
        chosen: alternative('a', 'MX'),
        setAside: [alternative('b', 'US')],
      }),
    ).toBe('Chose Mexico’s alternative wording; set aside: United States');
    expect(eventSummary({ kind: 'alternativeChosen', chosen: null, setAside: [] })).toBe(
      'Kept the text',
    );
  });

  it('quotes the wordings an event is about', () => {
    expect(
      eventWordings({
        kind: 'alternativeChosen',
        chosen: alternative('a', 'MX'),
        setAside: [alternative('b', 'US')],
      }).map((wording) => `${wording.label}: ${wording.text}`),
    ).toEqual(['Chosen (MX): MX words', 'Set aside (US): US words']);
    expect(eventWordings({ kind: 'restored' })).toEqual([]);
  });

  it('keys an event apart from an edit made in the same millisecond', () => {
    const edit = change(5, 'A', 'B');
    expect(changeKey(edit)).not.toBe(changeKey({ ...edit, event: { kind: 'restored' } }));
  });
});
