import { type ClauseMeta, clauseMetaMap, emptyClauseMeta } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { communiqueSchema, DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { clauseOpenBracketKeys } from '@accord/shared/export/clausePieces';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { ySyncPlugin } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HeadlessView, seedUpdate, settle } from '../testing/collabHarness';
import { clausesOf, communiqueDoc, startOfBlock, stateWith } from '../testing/testDocs';
import {
  bracketChipsPlugin,
  bracketChipsPluginKey,
  closingPosition,
  forbiddenBracketDeletion,
  wrapInBrackets,
} from './brackets';

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
