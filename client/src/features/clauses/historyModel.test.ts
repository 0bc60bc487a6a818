import type { ClauseChangeView } from '@accord/shared/protocol/api';
import { describe, expect, it } from 'vitest';
import { changeKey, originalVersion, versionAfter } from './historyModel';

function change(at: number, textBefore: string, textAfter: string): ClauseChangeView {
  return {
    at,
    userId: `u${at}`,
    displayName: `Person ${at}`,
    delegation: 'MX',
    textBefore,
    textAfter,
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
