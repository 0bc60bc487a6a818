import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clausesOf, clauseText, seedUpdate } from './draftModel';
import { type ClockRange, structRanges } from './structIds';

/** What a state vector gained between `before` and `after`, as clock ranges. */
function stateDelta(before: Map<number, number>, after: Map<number, number>): ClockRange[] {
  const delta: ClockRange[] = [];
  for (const [client, to] of after) {
    const from = before.get(client) ?? 0;
    if (to > from) delta.push({ client, from, to });
  }
  return delta;
}

const byClient = (ranges: ClockRange[]) => [...ranges].sort((a, b) => a.client - b.client);

function typeInto(doc: Y.Doc, text: string): void {
  const clause = clausesOf(doc)[0];
  const target = clause === undefined ? undefined : clauseText(clause);
  if (target === undefined) throw new Error('the seed has no clause text');
  for (const char of text) target.insert(0, char);
}

describe('structRanges', () => {
  it('reads the ids of a single keystroke update as the sender state vector moved', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seedUpdate());
    const before = Y.decodeStateVector(Y.encodeStateVector(doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    typeInto(doc, 'a');
    expect(updates).toHaveLength(1);
    const after = Y.decodeStateVector(Y.encodeStateVector(doc));
    expect(structRanges(updates[0] ?? new Uint8Array())).toEqual(stateDelta(before, after));
    expect(structRanges(updates[0] ?? new Uint8Array())).toEqual([
      { client: doc.clientID, from: 0, to: 1 },
    ]);
  });

  it('reads every client of a merged update of several docs, seed included', () => {
    const seed = seedUpdate();
    const empty = new Map<number, number>();
    const docs = [11, 22, 33].map((clientID) => {
      const doc = new Y.Doc();
      doc.clientID = clientID;
      Y.applyUpdate(doc, seed);
      return doc;
    });
    docs.forEach((doc, index) => {
      typeInto(doc, 'xyz'.slice(0, index + 1));
    });
    const merged = new Y.Doc();
    for (const doc of docs) Y.applyUpdate(merged, Y.encodeStateAsUpdate(doc));
    const sv = Y.decodeStateVector(Y.encodeStateVector(merged));
    expect(byClient(structRanges(Y.encodeStateAsUpdate(merged)))).toEqual(
      byClient(stateDelta(empty, sv)),
    );
    expect(sv.get(33)).toBe(3);
  });

  it('reads a diff against a state vector as the range between the two states', () => {
    const doc = new Y.Doc();
    doc.clientID = 7;
    Y.applyUpdate(doc, seedUpdate());
    typeInto(doc, 'abc');
    const middle = Y.encodeStateVector(doc);
    typeInto(doc, 'defg');
    const diff = Y.encodeStateAsUpdate(doc, middle);
    const after = Y.decodeStateVector(Y.encodeStateVector(doc));
    expect(structRanges(diff)).toEqual(stateDelta(Y.decodeStateVector(middle), after));
    expect(structRanges(diff)).toEqual([{ client: 7, from: 3, to: 7 }]);
  });
});
