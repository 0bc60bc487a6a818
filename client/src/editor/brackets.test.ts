import { parseBracketCharKey } from '@accord/shared/domain/bracketChars';
import { type ClauseMeta, clauseMetaMap, emptyClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { communiqueSchema, DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { clauseOpenBracketKeys } from '@accord/shared/export/clausePieces';
import { joinBackward, joinForward } from '@tiptap/pm/commands';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { ySyncPlugin } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HeadlessView, idCounter, seedUpdate, settle } from '../testing/collabHarness';
import { clausesOf, communiqueDoc, startOfBlock, stateWith } from '../testing/testDocs';
import {
  bracketChipsPlugin,
  bracketChipsPluginKey,
  closingPosition,
  forbiddenBracketDeletion,
  wrapInBrackets,
} from './brackets';
import { createClauseEnterCommand } from './clauseEnter';

const doc = communiqueDoc([
  ['pp', 'preambular', 'Recognizing the ties,'],
  ['op', 'operative', 'Decide to meet again.'],
]);

function selecting(from: number, to: number) {
  const state = stateWith(doc, from);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

describe('wrapInBrackets', () => {
  it('wraps a span inside one clause in one transaction', () => {
    const start = startOfBlock(doc, 2);
    const state = selecting(start + 7, start + 14);
    let next = state;
    let transactions = 0;
    expect(
      wrapInBrackets(state, (tr) => {
        transactions += 1;
        next = state.apply(tr);
      }),
    ).toBe(true);
    expect(transactions).toBe(1);
    expect(clausesOf(next.doc)[1]).toEqual(['op', 'operative', 'Decide [to meet] again.']);
  });

  it('refuses an empty selection and a span across clauses', () => {
    const start = startOfBlock(doc, 2);
    expect(wrapInBrackets(selecting(start + 3, start + 3))).toBe(false);
    expect(wrapInBrackets(selecting(startOfBlock(doc, 1) + 3, start + 3))).toBe(false);
  });
});

describe('forbiddenBracketDeletion', () => {
  const bracketed = communiqueDoc([['op', 'operative', 'Decide [to meet] again.']]);
  const start = startOfBlock(bracketed, 1);
  const open = start + 'Decide '.length;
  const brackets = [{ position: open, owner: 'MX' as const }];
  const onlyOwn = (owner: string) => owner === 'US';

  it("names the owner when an edit deletes another delegation's '['", () => {
    const state = stateWith(bracketed, open);
    expect(forbiddenBracketDeletion(state.tr.delete(open, open + 1), brackets, onlyOwn)).toBe('MX');
    // Typing over a selection that holds it deletes it too.
    expect(
      forbiddenBracketDeletion(state.tr.insertText('x', open - 2, open + 3), brackets, onlyOwn),
    ).toBe('MX');
  });

  it("lets edits around the '[' through, and its owner or a moderator delete it", () => {
    const state = stateWith(bracketed, open);
    expect(forbiddenBracketDeletion(state.tr.insertText('x', open), brackets, onlyOwn)).toBeNull();
    expect(
      forbiddenBracketDeletion(state.tr.delete(open + 1, open + 3), brackets, onlyOwn),
    ).toBeNull();
    expect(forbiddenBracketDeletion(state.tr.delete(open - 2, open), brackets, onlyOwn)).toBeNull();
    expect(
      forbiddenBracketDeletion(state.tr.delete(open, open + 1), brackets, () => true),
    ).toBeNull();
  });

  it("guards the ']' that closes the '[': brackets are pairs", () => {
    const close = start + 'Decide [to meet'.length;
    expect(closingPosition(bracketed, open)).toBe(close);
    const nested = communiqueDoc([['op', 'operative', '[a [b] c] d']]);
    const nestedStart = startOfBlock(nested, 1);
    expect(closingPosition(nested, nestedStart)).toBe(nestedStart + '[a [b] c'.length);
    const pair = [...brackets, { position: close, owner: 'MX' as const }];
    const state = stateWith(bracketed, close);
    expect(forbiddenBracketDeletion(state.tr.delete(close, close + 1), pair, onlyOwn)).toBe('MX');
    expect(
      forbiddenBracketDeletion(state.tr.delete(close, close + 1), pair, () => true),
    ).toBeNull();
  });
});

/**
 * The guard must hold with nothing but the editor and its Y.Doc: on a phone the clause panel
 * may never be mounted, and it used to be the panel that told the editor who owns which '['.
 */
describe('the bracket guard reads the clause meta itself (no clause panel mounted)', () => {
  const TEXT = 'Decide [to meet] again.';
  const SEED = seedUpdate([['op', 'operative', TEXT]]);

  /** Meta naming MX as the owner of the clause's '[' (as the server writes it). */
  function metaOwnedBy(doc: Y.Doc, owner: DelegationCode): ClauseMeta {
    const element = doc.getXmlFragment(DRAFT_FRAGMENT).get(1);
    if (!(element instanceof Y.XmlElement)) throw new Error('no clause element');
    const [key] = clauseOpenBracketKeys(element);
    if (key === undefined) throw new Error("no '[' in the clause");
    return {
      ...emptyClauseMeta('h'),
      brackets: { [key]: { delegation: owner, userId: 'u', at: 1 } },
    };
  }

  /** A headless editor over the real Yjs binding whose person (US) may remove only US brackets. */
  async function usEditor(doc: Y.Doc) {
    const blocked: DelegationCode[] = [];
    const view = new HeadlessView(
      EditorState.create({
        schema: communiqueSchema(),
        plugins: [
          ySyncPlugin(doc.getXmlFragment(DRAFT_FRAGMENT)),
          bracketChipsPlugin({
            doc,
            guard: {
              mayRemove: (owner) => owner === 'US',
              onBlocked: (owner) => blocked.push(owner),
            },
          }),
        ],
      }),
    );
    await settle();
    return { view, blocked };
  }

  const textOf = (view: HeadlessView) => clausesOf(view.state.doc)[0]?.[2];

  it("refuses deleting another delegation's '[' or its ']', and shows the chip", async () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, SEED);
    clauseMetaMap(doc).set('op', metaOwnedBy(doc, 'MX'));
    const { view, blocked } = await usEditor(doc);
    const start = startOfBlock(view.state.doc, 1);
    const open = start + 'Decide '.length;
    const close = start + 'Decide [to meet'.length;

    expect(bracketChipsPluginKey.getState(view.state)?.decorations.find()).toHaveLength(1);
    view.dispatch(view.state.tr.delete(open, open + 1));
    view.dispatch(view.state.tr.delete(close, close + 1));
    expect(textOf(view)).toBe(TEXT);
    expect(blocked).toEqual(['MX', 'MX']);
    // Nothing reached the Y.Doc, so nothing goes to the server to be refused there.
    expect(doc.getXmlFragment(DRAFT_FRAGMENT).get(1)?.toString()).toContain(TEXT);
    // Edits beside the bracket still pass.
    view.dispatch(view.state.tr.insertText('now ', start + 'Decide [to '.length));
    expect(textOf(view)).toBe('Decide [to now meet] again.');
  });

  it('follows the meta live: an owner written after the editor opened guards from then on', async () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, SEED);
    const { view, blocked } = await usEditor(doc);
    clauseMetaMap(doc).set('op', metaOwnedBy(doc, 'MX'));
    await settle();
    const open = startOfBlock(view.state.doc, 1) + 'Decide '.length;
    view.dispatch(view.state.tr.delete(open, open + 1));
    expect(textOf(view)).toBe(TEXT);
    expect(blocked).toEqual(['MX']);

    // Its own bracket is US's to remove.
    clauseMetaMap(doc).set('op', metaOwnedBy(doc, 'US'));
    await settle();
    view.dispatch(view.state.tr.delete(open, open + 1));
    expect(textOf(view)).toBe('Decide to meet] again.');
    expect(blocked).toEqual(['MX']);
  });
});

/**
 * A join (Backspace at a clause's start, Delete at its end) or a split (Enter inside a clause)
 * only moves a block boundary in ProseMirror, but y-prosemirror writes it as a delete and a
 * re-insert of a clause's text: a '[' in that text is deleted in Yjs, and the server refuses
 * the whole update (B2). The guard must see that too.
 */
describe('the bracket guard stops joins and splits that would move a foreign bracket', () => {
  const FIRST = 'Recall the talks.';
  const SECOND = 'Decide [to meet] again.';
  const THIRD = 'Welcome it.';
  const SEED = seedUpdate([
    ['op-a', 'operative', FIRST],
    ['op-b', 'operative', SECOND],
    ['op-c', 'operative', THIRD],
  ]);
  const texts = (view: HeadlessView) => clausesOf(view.state.doc).map(([, , text]) => text);

  /** A Y.Doc seeded with both clauses, MX owning the '[' of `op-b` as the server records it. */
  function seededDoc(owned = true): { doc: Y.Doc; key: string } {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, SEED);
    const element = doc.getXmlFragment(DRAFT_FRAGMENT).get(2);
    if (!(element instanceof Y.XmlElement)) throw new Error('no clause element');
    const [key] = clauseOpenBracketKeys(element);
    if (key === undefined) throw new Error("no '[' in the clause");
    if (owned) {
      clauseMetaMap(doc).set('op-b', {
        ...emptyClauseMeta('h'),
        brackets: { [key]: { delegation: 'MX', userId: 'u', at: 1 } },
      });
    }
    return { doc, key };
  }

  /** A headless editor over the real Yjs binding; `mayRemove` says whose brackets this person may remove. */
  async function editor(doc: Y.Doc, mayRemove: (owner: DelegationCode) => boolean) {
    const blocked: string[] = [];
    const view = new HeadlessView(
      EditorState.create({
        schema: communiqueSchema(),
        plugins: [
          ySyncPlugin(doc.getXmlFragment(DRAFT_FRAGMENT)),
          bracketChipsPlugin({
            doc,
            guard: { mayRemove, onBlocked: (owner, reason) => blocked.push(`${owner}:${reason}`) },
          }),
        ],
      }),
    );
    await settle();
    return { view, blocked };
  }
  const onlyUs = (owner: DelegationCode) => owner === 'US';
  const anyone = () => true; // the Chair (a moderator)

  /** Whether the Yjs character named by `key` is deleted in the doc. */
  function deletedInYjs(doc: Y.Doc, key: string): boolean {
    const id = parseBracketCharKey(key);
    if (id === null) throw new Error('bad key');
    return Y.isDeleted(
      Y.createDeleteSetFromStructStore(doc.store),
      Y.createID(id.client, id.clock),
    );
  }

  function withCaret(view: HeadlessView, position: number): void {
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, position)));
  }

  /** Backspace at the start of the second clause (ProseMirror's joinBackward). */
  function backspaceJoin(view: HeadlessView): boolean {
    withCaret(view, startOfBlock(view.state.doc, 2));
    return joinBackward(view.state, view.dispatch);
  }

  /** Enter right before the '[' of the second clause (the editor's split of a clause). */
  function enterBeforeBracket(view: HeadlessView): boolean {
    withCaret(view, startOfBlock(view.state.doc, 2) + 'Decide '.length);
    return createClauseEnterCommand(idCounter('new'))(view.state, view.dispatch);
  }

  it("blocks a US delegate's Backspace-join of a clause holding Mexico's '['", async () => {
    const { doc, key } = seededDoc();
    const { view, blocked } = await editor(doc, onlyUs);
    const state = Y.encodeStateAsUpdate(doc);
    let updates = 0;
    doc.on('update', () => {
      updates += 1;
    });

    backspaceJoin(view);
    expect(blocked).toEqual(['MX:move']);
    expect(texts(view)).toEqual([FIRST, SECOND, THIRD]);
    // Nothing reached the Y.Doc: no update, the same state, the '[' alive.
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
    expect(deletedInYjs(doc, key)).toBe(false);
  });

  it('blocks Delete at the end of the previous clause (joinForward) the same way', async () => {
    const { doc, key } = seededDoc();
    const { view, blocked } = await editor(doc, onlyUs);
    const state = Y.encodeStateAsUpdate(doc);
    const first = startOfBlock(view.state.doc, 1);
    withCaret(view, first + view.state.doc.child(1).content.size);
    joinForward(view.state, view.dispatch);
    expect(blocked).toEqual(['MX:move']);
    expect(texts(view)).toEqual([FIRST, SECOND, THIRD]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
    expect(deletedInYjs(doc, key)).toBe(false);
  });

  it("lets the Chair make the same join (and y-prosemirror does delete the '[' in Yjs)", async () => {
    const { doc, key } = seededDoc();
    const { view, blocked } = await editor(doc, anyone);
    expect(backspaceJoin(view)).toBe(true);
    expect(blocked).toEqual([]);
    expect(texts(view)).toEqual([FIRST + SECOND, THIRD]);
    // The reason the guard must stop it for others: the server would see this '[' deleted.
    expect(deletedInYjs(doc, key)).toBe(true);
  });

  it('lets a join of clauses without foreign brackets through', async () => {
    const { doc } = seededDoc(false);
    const { view, blocked } = await editor(doc, onlyUs);
    expect(backspaceJoin(view)).toBe(true);
    expect(blocked).toEqual([]);
    expect(texts(view)).toEqual([FIRST + SECOND, THIRD]);
    expect(doc.getXmlFragment(DRAFT_FRAGMENT).toString()).toContain(FIRST + SECOND);
  });

  it("lets a US delegate join the next clause into Mexico's: that clause's text stays in place in Yjs", async () => {
    const { doc, key } = seededDoc();
    const { view, blocked } = await editor(doc, onlyUs);
    withCaret(view, startOfBlock(view.state.doc, 3));
    expect(joinBackward(view.state, view.dispatch)).toBe(true);
    expect(blocked).toEqual([]);
    expect(texts(view)).toEqual([FIRST, SECOND + THIRD]);
    // y-prosemirror edits the first clause's Yjs text in place: Mexico's '[' is not deleted.
    expect(deletedInYjs(doc, key)).toBe(false);
  });

  it("blocks a US delegate's split between Mexico's '[' and its ']' (the ']' would move)", async () => {
    const { doc } = seededDoc();
    const { view, blocked } = await editor(doc, onlyUs);
    const state = Y.encodeStateAsUpdate(doc);
    withCaret(view, startOfBlock(view.state.doc, 2) + 'Decide [to'.length);
    createClauseEnterCommand(idCounter('new'))(view.state, view.dispatch);
    expect(blocked).toEqual(['MX:move']);
    expect(texts(view)).toEqual([FIRST, SECOND, THIRD]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
    // After the pair, nothing of Mexico's moves: the split goes through.
    withCaret(view, startOfBlock(view.state.doc, 2) + 'Decide [to meet] '.length);
    expect(createClauseEnterCommand(idCounter('new'))(view.state, view.dispatch)).toBe(true);
    expect(blocked).toEqual(['MX:move']);
    expect(texts(view)).toEqual([FIRST, 'Decide [to meet] ', 'again.', THIRD]);
  });

  it("blocks a US delegate's split before Mexico's '[': y-prosemirror rewrites the moved text", async () => {
    // With the Chair, the split goes through, and the '[' struct is deleted in Yjs (it is
    // written again as part of the new clause's text).
    const chair = seededDoc();
    const { view: chairView } = await editor(chair.doc, anyone);
    expect(enterBeforeBracket(chairView)).toBe(true);
    expect(texts(chairView)).toEqual([FIRST, 'Decide ', '[to meet] again.', THIRD]);
    expect(deletedInYjs(chair.doc, chair.key)).toBe(true);

    // So for the US delegate it is stopped, and nothing changes in the Y.Doc.
    const { doc, key } = seededDoc();
    const { view, blocked } = await editor(doc, onlyUs);
    const state = Y.encodeStateAsUpdate(doc);
    enterBeforeBracket(view);
    expect(blocked).toEqual(['MX:move']);
    expect(texts(view)).toEqual([FIRST, SECOND, THIRD]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
    expect(deletedInYjs(doc, key)).toBe(false);
  });
});
