import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bracketCharKey } from './bracketChars';
import type { ClauseBracket } from './clauseMeta';
import { clauseBracketOwners, isLiveChar } from './liveBrackets';

/** A doc with one text, where `client` typed `text`; returns the doc and the text type. */
function typed(text: string, client = 7) {
  const doc = new Y.Doc();
  doc.clientID = client;
  const ytext = doc.getText('t');
  ytext.insert(0, text);
  return { doc, ytext };
}

const bracket = (delegation: ClauseBracket['delegation']): ClauseBracket => ({
  delegation,
  userId: `u-${delegation}`,
  at: 1,
});

describe('isLiveChar', () => {
  it('knows a character still there from one deleted or never made', () => {
    const { doc, ytext } = typed('ab[c]');
    expect(isLiveChar(doc, { client: 7, clock: 2 })).toBe(true);
    ytext.delete(2, 1);
    expect(isLiveChar(doc, { client: 7, clock: 2 })).toBe(false);
    expect(isLiveChar(doc, { client: 7, clock: 99 })).toBe(false);
    expect(isLiveChar(doc, { client: 8, clock: 0 })).toBe(false);
  });
});

describe('clauseBracketOwners', () => {
  it('counts live brackets by delegation, in the canonical order, and the rest as unowned', () => {
    // "[a] [b] [c] [d]": MX asked for the 1st and 3rd, US for the 2nd, the 4th is the Chair's draft.
    const { doc } = typed('[a] [b] [c] [d]');
    const brackets = {
      [bracketCharKey({ client: 7, clock: 0 })]: bracket('MX'),
      [bracketCharKey({ client: 7, clock: 4 })]: bracket('US'),
      [bracketCharKey({ client: 7, clock: 8 })]: bracket('MX'),
    };
    expect(clauseBracketOwners(doc, '[a] [b] [c] [d]', brackets)).toEqual({
      byDelegation: [
        { delegation: 'US', count: 1 },
        { delegation: 'MX', count: 2 },
      ],
      unowned: 1,
    });
  });

  it('leaves out an entry whose bracket was deleted since, and keys that are not ids', () => {
    const { doc, ytext } = typed('[a] [b]');
    const brackets = {
      [bracketCharKey({ client: 7, clock: 0 })]: bracket('SV'),
      [bracketCharKey({ client: 7, clock: 4 })]: bracket('GT'),
      'not-a-key': bracket('CA'),
    };
    ytext.delete(4, 3);
    expect(clauseBracketOwners(doc, '[a] ', brackets)).toEqual({
      byDelegation: [{ delegation: 'SV', count: 1 }],
      unowned: 0,
    });
  });
});
