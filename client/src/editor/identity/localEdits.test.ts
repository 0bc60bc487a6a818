import { readClauses } from '@accord/shared/domain/clauseNodes';
import { joinBackward } from '@tiptap/pm/commands';
import { describe, expect, it } from 'vitest';
import {
  blockPos,
  type Client,
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
import { createClauseEnterCommand } from '../clauseEnter';

/** One client editing a three-clause draft through the real Yjs binding. */
function threeClauses(): Client {
  return createClient(
    seedUpdate([
      ['pp', 'preambular', 'Recalling the talks'],
      ['op1', 'operative', 'Decide to meet again'],
      ['op2', 'operative', 'Agree to publish'],
    ]),
    idCounter('fresh'),
  );
}

function expectIds(client: Client, ids: string[]): void {
  expect(idsOf(client.view.state.doc)).toEqual(ids);
  expect(yjsIdsOf(client)).toEqual(ids);
  expect(idsAreUnique(client.view.state.doc)).toBe(true);
}

describe('clause identity under local edits (real ySync binding)', () => {
  it('keeps every id when clauses are renumbered by a new clause above them', () => {
    const client = threeClauses();
    const labels = () => readClauses(client.doc).map((clause) => `${clause.id}=${clause.label}`);
    expect(labels()).toEqual(['pp=PP1', 'op1=OP1', 'op2=OP2']);
    placeCaret(client, startOfBlock(client.view.state.doc, 2));
    createClauseEnterCommand(idCounter('enter'))(client.view.state, client.view.dispatch);
    expect(labels()).toEqual(['pp=PP1', 'enter-1=OP1', 'op1=OP2', 'op2=OP3']);
    expectIds(client, ['pp', 'enter-1', 'op1', 'op2']);
  });

  it('split (plain ProseMirror split, attributes copied): the first half keeps the id', () => {
    const client = threeClauses();
    const { state } = client.view;
    client.view.dispatch(state.tr.split(startOfBlock(state.doc, 2) + 'Decide to'.length));
    expect(clausesOf(client.view.state.doc).slice(1, 3)).toEqual([
      ['op1', 'operative', 'Decide to'],
      ['fresh-1', 'operative', ' meet again'],
    ]);
    expectIds(client, ['pp', 'op1', 'fresh-1', 'op2']);
  });

  it('split by Enter in the middle: the first half keeps the id', () => {
    const client = threeClauses();
    placeCaret(client, startOfBlock(client.view.state.doc, 2) + 'Decide to'.length);
    createClauseEnterCommand(idCounter('enter'))(client.view.state, client.view.dispatch);
    expect(clausesOf(client.view.state.doc)[1]).toEqual(['op1', 'operative', 'Decide to']);
    expectIds(client, ['pp', 'op1', 'enter-1', 'op2']);
  });

  it('merge by Backspace at the start of a clause keeps the previous clause id', () => {
    const client = threeClauses();
    placeCaret(client, startOfBlock(client.view.state.doc, 3));
    expect(joinBackward(client.view.state, client.view.dispatch)).toBe(true);
    expect(clausesOf(client.view.state.doc)[1]).toEqual([
      'op1',
      'operative',
      'Decide to meet againAgree to publish',
    ]);
    expectIds(client, ['pp', 'op1']);
  });

  it('paste below the original gives the copy a fresh id', () => {
    const client = threeClauses();
    const slice = copyBlock(client, 2);
    expect(slice.content.firstChild?.attrs.id).toBe('op1');
    placeCaret(client, startOfBlock(client.view.state.doc, 3));
    paste(client, slice);
    expect(clausesOf(client.view.state.doc).map(([id, , text]) => `${id}:${text}`)).toEqual([
      'pp:Recalling the talks',
      'op1:Decide to meet again',
      'fresh-1:Decide to meet again',
      'op2:Agree to publish',
    ]);
    expectIds(client, ['pp', 'op1', 'fresh-1', 'op2']);
  });

  it('paste above the original gives the copy a fresh id: the original keeps its own', () => {
    const client = threeClauses();
    const slice = copyBlock(client, 3);
    placeCaret(client, startOfBlock(client.view.state.doc, 1));
    paste(client, slice);
    const doc = client.view.state.doc;
    // The copy now sits first; the original is the one after "Decide to meet again".
    expect(clausesOf(doc).map(([id, , text]) => `${id}:${text}`)).toEqual([
      'fresh-1:Agree to publish',
      'pp:Recalling the talks',
      'op1:Decide to meet again',
      'op2:Agree to publish',
    ]);
    expect(doc.nodeAt(blockPos(doc, 4))?.attrs.id).toBe('op2');
    expectIds(client, ['fresh-1', 'pp', 'op1', 'op2']);
  });

  it('paste of several clauses into the start of the original keeps the id on its text', () => {
    const client = threeClauses();
    const { doc } = client.view.state;
    // Two whole clauses (op1, op2) as a range: replaceSelection splits the clause at the caret.
    const slice = doc.slice(blockPos(doc, 2), doc.content.size);
    placeCaret(client, startOfBlock(doc, 2));
    paste(client, slice);
    const after = clausesOf(client.view.state.doc).map(([id, , text]) => `${id}:${text}`);
    expect(after.filter((entry) => entry.startsWith('op1:'))).toEqual(['op1:Decide to meet again']);
    expect(after.filter((entry) => entry.startsWith('op2:'))).toEqual(['op2:Agree to publish']);
    expect(after.at(-1)).toBe('op2:Agree to publish');
    expect(idsAreUnique(client.view.state.doc)).toBe(true);
    expect(yjsIdsOf(client)).toEqual(idsOf(client.view.state.doc));
  });

  it('drag and drop (delete + insert of the same clause) keeps the id', () => {
    const client = threeClauses();
    dragBlock(client, 3, 1);
    expect(clausesOf(client.view.state.doc).map(([id, , text]) => `${id}:${text}`)).toEqual([
      'op2:Agree to publish',
      'pp:Recalling the talks',
      'op1:Decide to meet again',
    ]);
    expectIds(client, ['op2', 'pp', 'op1']);
  });
});
