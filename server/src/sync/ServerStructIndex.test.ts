import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ServerStructIndex } from './ServerStructIndex';

describe('ServerStructIndex', () => {
  it('knows which server structs are live as values are replaced and deleted', async () => {
    const doc = new Y.Doc();
    const map = doc.getMap('accord');
    map.set('a', 1); // clock 0
    map.set('b', 1); // clock 1
    const index = new ServerStructIndex(doc);
    index.addClient(doc.clientID);
    doc.on('update', (_u: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) =>
      index.afterTransaction(tr),
    );
    const live = (clock: number) => index.hasLiveIn(doc.clientID, clock, clock + 1);
    expect([live(0), live(1)]).toEqual([true, true]);
    map.set('a', 2); // clock 2 replaces clock 0
    expect([live(0), live(1), live(2)]).toEqual([false, true, true]);
    map.delete('b');
    expect([live(1), live(2)]).toEqual([false, true]);
    expect(index.hasLiveIn(doc.clientID, 0, 2)).toBe(false);
    expect(index.hasLiveIn(doc.clientID, 0, 3)).toBe(true);
    expect(index.hasLiveIn(12345, 0, 100)).toBe(false);
  });

  it('indexes what a transaction adds and deletes within one multi-struct value', async () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const index = new ServerStructIndex(doc);
    index.addClient(doc.clientID);
    doc.on('update', (_u: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) =>
      index.afterTransaction(tr),
    );
    text.insert(0, 'abcdef'); // clocks 0–5, one struct
    text.delete(2, 2); // deletes clocks 2–3: the struct is split
    expect(index.hasLiveIn(doc.clientID, 2, 4)).toBe(false);
    expect(index.hasLiveIn(doc.clientID, 1, 3)).toBe(true);
    expect(index.hasLiveIn(doc.clientID, 3, 5)).toBe(true);
  });
});
