import { joinBackward } from '@tiptap/pm/commands';
import { redo, undo } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import {
  type Client,
  closeUndoStep,
  copyBlock,
  createClient,
  dragBlock,
  idCounter,
  idsAreUnique,
  idsOf,
  paste,
  placeCaret,
  seedUpdate,
  yjsIdsOf,
} from '../../testing/collabHarness';
import { clausesOf, startOfBlock } from '../../testing/testDocs';

const ORIGINAL = ['pp', 'op1', 'op2'];

function threeClauses(): Client {
  const client = createClient(
    seedUpdate([
      ['pp', 'preambular', 'Recalling the talks'],
      ['op1', 'operative', 'Decide to meet again'],
      ['op2', 'operative', 'Agree to publish'],
    ]),
    idCounter('fresh'),
  );
  closeUndoStep(client);
  return client;
}

function expectIds(client: Client, ids: string[]): void {
  expect(idsOf(client.view.state.doc)).toEqual(ids);
  expect(yjsIdsOf(client)).toEqual(ids);
  expect(idsAreUnique(client.view.state.doc)).toBe(true);
}

function undoOnce(client: Client): void {
  closeUndoStep(client);
  expect(undo(client.view.state)).toBe(true);
}

function redoOnce(client: Client): void {
  expect(redo(client.view.state)).toBe(true);
}

describe('clause identity under undo/redo (y-tiptap yUndoPlugin)', () => {
  it('undo of a split restores the one clause; redo brings back the same second id', () => {
    const client = threeClauses();
    const { state } = client.view;
    client.view.dispatch(state.tr.split(startOfBlock(state.doc, 2) + 'Decide'.length));
    expectIds(client, ['pp', 'op1', 'fresh-1', 'op2']);
    undoOnce(client);
    expectIds(client, ORIGINAL);
    expect(clausesOf(client.view.state.doc)[1]).toEqual([
      'op1',
      'operative',
      'Decide to meet again',
    ]);
    redoOnce(client);
    // A redo that minted a new id (fresh-2) would orphan everything bound to fresh-1.
    expectIds(client, ['pp', 'op1', 'fresh-1', 'op2']);
  });

  it('undo of a merge restores the joined clause with its own id', () => {
    const client = threeClauses();
    placeCaret(client, startOfBlock(client.view.state.doc, 3));
    joinBackward(client.view.state, client.view.dispatch);
    expectIds(client, ['pp', 'op1']);
    undoOnce(client);
    expectIds(client, ORIGINAL);
    expect(clausesOf(client.view.state.doc)[2]).toEqual(['op2', 'operative', 'Agree to publish']);
    redoOnce(client);
    expectIds(client, ['pp', 'op1']);
  });

  it('undo of a paste above removes the copy and leaves the original its id', () => {
    const client = threeClauses();
    const slice = copyBlock(client, 3);
    placeCaret(client, startOfBlock(client.view.state.doc, 1));
    paste(client, slice);
    expectIds(client, ['fresh-1', 'pp', 'op1', 'op2']);
    undoOnce(client);
    expectIds(client, ORIGINAL);
    redoOnce(client);
    expectIds(client, ['fresh-1', 'pp', 'op1', 'op2']);
  });

  it('undo of a drag puts the clause back with its id', () => {
    const client = threeClauses();
    dragBlock(client, 3, 1);
    expectIds(client, ['op2', 'pp', 'op1']);
    undoOnce(client);
    expectIds(client, ORIGINAL);
    redoOnce(client);
    expectIds(client, ['op2', 'pp', 'op1']);
  });
});
