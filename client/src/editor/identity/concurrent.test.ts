import { clauseElements } from '@accord/shared/domain/clauseNodes';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Client,
  createClient,
  dragBlock,
  exchange,
  idCounter,
  idsAreUnique,
  idsOf,
  seedUpdate,
  settle,
  yjsIdsOf,
} from '../../testing/collabHarness';
import { clausesOf, startOfBlock } from '../../testing/testDocs';

const SEED = seedUpdate([
  ['pp', 'preambular', 'Recalling the talks'],
  ['op1', 'operative', 'Decide to meet again in Geneva'],
  ['op2', 'operative', 'Agree to publish'],
]);

function twoClients(): [Client, Client] {
  return [createClient(SEED, idCounter('a')), createClient(SEED, idCounter('b'))];
}

function splitClause(client: Client, index: number, offset: number): void {
  const { state } = client.view;
  client.view.dispatch(state.tr.split(startOfBlock(state.doc, index) + offset));
}

/** Both editors and both Yjs documents hold the same clauses, with unique ids. */
function expectConverged(a: Client, b: Client): void {
  expect(clausesOf(a.view.state.doc)).toEqual(clausesOf(b.view.state.doc));
  expect(yjsIdsOf(a)).toEqual(idsOf(a.view.state.doc));
  expect(yjsIdsOf(b)).toEqual(idsOf(b.view.state.doc));
  expect(idsAreUnique(a.view.state.doc)).toBe(true);
}

describe('clause identity under concurrent edits (two real ySync bindings)', () => {
  it('two clients splitting the same clause at once converge with unique ids', async () => {
    const [a, b] = twoClients();
    splitClause(a, 2, 'Decide to'.length);
    splitClause(b, 2, 'Decide to meet again'.length);
    expect(idsOf(a.view.state.doc)).toEqual(['pp', 'op1', 'a-1', 'op2']);
    expect(idsOf(b.view.state.doc)).toEqual(['pp', 'op1', 'b-1', 'op2']);
    exchange(a, b);
    await settle();
    exchange(a, b);
    expectConverged(a, b);
    const ids = idsOf(a.view.state.doc);
    // The clause both split keeps its id on the first half; each new half has its author's id.
    expect(ids[1]).toBe('op1');
    expect(clausesOf(a.view.state.doc)[1]?.[2]).toBe('Decide to');
    expect([...ids].sort()).toEqual(['a-1', 'b-1', 'op1', 'op2', 'pp']);
  });

  it('two clients splitting the same clause at the same point converge with unique ids', async () => {
    const [a, b] = twoClients();
    splitClause(a, 2, 'Decide'.length);
    splitClause(b, 2, 'Decide'.length);
    exchange(a, b);
    await settle();
    exchange(a, b);
    expectConverged(a, b);
    expect(idsOf(a.view.state.doc).filter((id) => id === 'op1')).toHaveLength(1);
  });

  it('the same clause dragged by two clients at once: duplicates are repaired identically', async () => {
    const seed = seedUpdate([
      ['c1', 'operative', 'one'],
      ['c2', 'operative', 'two'],
      ['c3', 'operative', 'three'],
      ['c4', 'operative', 'four'],
    ]);
    const a = createClient(seed, idCounter('a'));
    const b = createClient(seed, idCounter('b'));
    dragBlock(a, 4, 1);
    dragBlock(b, 4, 2);
    expect(idsOf(a.view.state.doc)).toEqual(['c4', 'c1', 'c2', 'c3']);
    expect(idsOf(b.view.state.doc)).toEqual(['c1', 'c4', 'c2', 'c3']);
    exchange(a, b);
    // Each move re-created the clause in Yjs: merged, both copies carry c4 (until the repair).
    expect(yjsIdsOf(a)).toEqual(['c4', 'c1', 'c4', 'c2', 'c3']);
    await settle();
    // Each client repaired on its own, before seeing the other's repair: same result anyway.
    expectConverged(a, b);
    exchange(a, b);
    await settle();
    expectConverged(a, b);
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    const ids = idsOf(a.view.state.doc);
    expect(ids.filter((id) => id === 'c4')).toHaveLength(1);
    expect(ids.filter((id) => id?.startsWith('y'))).toHaveLength(1);
    expect(ids.filter((id) => id === 'c1' || id === 'c2' || id === 'c3')).toHaveLength(3);
  });

  it('never rewrites a remote transaction; a separate repair follows, the same everywhere', async () => {
    const [a, b] = twoClients();
    // A client without the id rules (an old build, a script) writes a duplicate and a blank.
    const [, op1, op2] = clauseElements(a.doc);
    if (!op1 || !op2) throw new Error('seed has three clauses');
    a.doc.transact(() => {
      op2.setAttribute('id', 'op1');
      op1.removeAttribute('id');
    });
    exchange(a, b);
    // Synchronously after the remote update, the editor shows exactly what Yjs holds.
    expect(idsOf(b.view.state.doc)).toEqual(['pp', null, 'op1']);
    expect(yjsIdsOf(b)).toEqual(['pp', null, 'op1']);
    await settle();
    expectConverged(a, b);
    const ids = idsOf(b.view.state.doc);
    expect(ids[0]).toBe('pp');
    expect(ids.filter((id) => id === 'op1')).toHaveLength(1);
    expect(ids.filter((id) => id?.startsWith('y'))).toHaveLength(1);
  });
});
