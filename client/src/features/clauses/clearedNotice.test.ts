import type { ClearedPosition } from '@accord/shared/domain/clauseMeta';
import { describe, expect, it } from 'vitest';
import { clearedMessages, describeAuthor } from './clearedNotice';

const names = new Map([
  ['u-us', 'Elena Marsh'],
  ['u-chair', 'Amb. Ruth Okafor'],
]);
const nameOf = (userId: string) => names.get(userId) ?? null;

const entry: ClearedPosition = {
  delegation: 'MX',
  position: 'agree',
  at: 1,
  reason: 'textChanged',
  byDelegation: 'US',
  byUserId: 'u-us',
};

describe('clearedMessages', () => {
  it('says whose position, which one, and who changed the text', () => {
    expect(clearedMessages([entry], nameOf)).toEqual([
      {
        key: '1-u-us-textChanged',
        at: 1,
        text: "MX's Agree was cleared when Elena Marsh (US) changed the text",
      },
    ]);
  });

  it('makes one sentence of the positions one change cleared, and one per change', () => {
    const texts = clearedMessages(
      [
        { ...entry, delegation: 'CA', position: 'object' },
        entry,
        { ...entry, delegation: 'SV', position: 'agreeAdRef' },
        { ...entry, delegation: 'GT', at: 2, byUserId: 'u-chair', byDelegation: 'CHAIR' },
      ],
      nameOf,
    ).map((message) => message.text);
    expect(texts).toEqual([
      "CA's Object, MX's Agree and SV's Agree ad ref. were cleared when Elena Marsh (US) changed the text",
      "GT's Agree was cleared when Amb. Ruth Okafor (Chair) changed the text",
    ]);
  });

  it('names the delegation when the person is not known to this client', () => {
    expect(clearedMessages([{ ...entry, byUserId: 'u-gone' }], nameOf)[0]?.text).toBe(
      "MX's Agree was cleared when the United States delegation changed the text",
    );
  });
});

describe('describeAuthor', () => {
  it('labels the Chair in words', () => {
    expect(describeAuthor('u-chair', 'CHAIR', nameOf)).toBe('Amb. Ruth Okafor (Chair)');
    expect(describeAuthor('u-x', 'CHAIR', nameOf)).toBe('the Chair');
  });
});
