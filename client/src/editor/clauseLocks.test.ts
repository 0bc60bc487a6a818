import { type ClauseMeta, clauseMetaMap, emptyClauseMeta } from '@accord/shared/domain/clauseMeta';
import { communiqueSchema, DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { Fragment, Slice } from '@tiptap/pm/model';
import { AllSelection, EditorState, TextSelection } from '@tiptap/pm/state';
import { ySyncPlugin } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clauseLocksPlugin, lockedClauseIds } from './clauseLocks';
import { blockPos, dragBlock, HeadlessView, seedUpdate, settle } from './identity/collabHarness';
import { deleteAroundLockedClauses } from './lockedRanges';
import { clausesOf, startOfBlock } from './testDocs';

const LOCKED: ClauseMeta = {
  ...emptyClauseMeta('h'),
  lock: { delegation: 'CHAIR', userId: 'chair', at: 1, reason: null },
};

const SEED = seedUpdate([
  ['pp', 'preambular', 'Recalling the talks'],
  ['op1', 'operative', 'Decide to meet again'],
  ['op2', 'operative', 'Agree to publish'],
]);

/** A headless editor over the real Yjs binding, with op1 locked in the meta map. */
async function lockedEditor() {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, SEED);
  clauseMetaMap(doc).set('op1', LOCKED);
  const view = new HeadlessView(
    EditorState.create({
      schema: communiqueSchema(),
      plugins: [ySyncPlugin(doc.getXmlFragment(DRAFT_FRAGMENT)), clauseLocksPlugin(doc)],
    }),
  );
  await settle();
  return { doc, view };
}

function texts(view: HeadlessView): string[] {
  return clausesOf(view.state.doc).map(([, , text]) => text);
}

/** The clause texts as Yjs (and so the server) holds them. */
function yTexts(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(DRAFT_FRAGMENT)
    .toArray()
    .slice(1)
    .map((node) => (node instanceof Y.XmlElement ? node.toString().replace(/<[^>]+>/g, '') : ''));
}

const ORIGINAL = ['Recalling the talks', 'Decide to meet again', 'Agree to publish'];

describe('locked clauses in the editor (real ySync binding)', () => {
  it('refuses typing, deleting, formatting, attributes and paste inside a locked clause', async () => {
    const { doc, view } = await lockedEditor();
    const inside = startOfBlock(view.state.doc, 2) + 3;
    const schema = view.state.schema;
    const attempts = [
      () => view.state.tr.insertText('NOT ', inside),
      () => view.state.tr.delete(inside, inside + 4),
      () => view.state.tr.addMark(inside, inside + 4, schema.marks.bold!.create()),
      () =>
        view.state.tr.setNodeMarkup(blockPos(view.state.doc, 2), undefined, {
          id: 'op1',
          kind: 'preambular',
        }),
      () =>
        view.state.tr
          .setSelection(TextSelection.create(view.state.doc, inside))
          .replaceSelection(new Slice(Fragment.from(schema.text('pasted')), 0, 0)),
      // Enter inside it would split it; Backspace at its start would join it to the one before.
      () => view.state.tr.split(inside),
      () => view.state.tr.join(blockPos(view.state.doc, 2)),
      () => view.state.tr.join(blockPos(view.state.doc, 3)),
    ];
    for (const attempt of attempts) {
      view.dispatch(attempt());
      expect(texts(view)).toEqual(ORIGINAL);
      expect(yTexts(doc)).toEqual(ORIGINAL);
    }
  });

  it('refuses dragging the locked clause away, but lets others move around it', async () => {
    const { view } = await lockedEditor();
    const { doc } = { doc: new Y.Doc() };
    dragBlock({ doc, view }, 2, 1);
    expect(texts(view)).toEqual(ORIGINAL);
    dragBlock({ doc, view }, 3, 1);
    expect(texts(view)).toEqual([
      'Agree to publish',
      'Recalling the talks',
      'Decide to meet again',
    ]);
  });

  it('lets edits of unlocked clauses through, right next to the locked one', async () => {
    const { doc, view } = await lockedEditor();
    const endOfPp = blockPos(view.state.doc, 2) - 1;
    view.dispatch(view.state.tr.insertText('.', endOfPp));
    view.dispatch(view.state.tr.insertText('We ', startOfBlock(view.state.doc, 3)));
    const expected = ['Recalling the talks.', 'Decide to meet again', 'We Agree to publish'];
    expect(texts(view)).toEqual(expected);
    expect(yTexts(doc)).toEqual(expected);
  });

  it('select all, then delete: the locked clause stays, everything else goes', async () => {
    const { doc, view } = await lockedEditor();
    const all = view.state.tr.setSelection(new AllSelection(view.state.doc));
    view.dispatch(all);
    // The plain delete is refused as a whole…
    view.dispatch(view.state.tr.deleteSelection());
    expect(texts(view)).toEqual(ORIGINAL);
    // …and the lock-aware one deletes around it.
    const ran = deleteAroundLockedClauses(lockedClauseIds(view.state))(view.state, view.dispatch);
    expect(ran).toBe(true);
    expect(texts(view)).toEqual(['Decide to meet again']);
    expect(yTexts(doc)).toEqual(['Decide to meet again']);
    expect(view.state.doc.child(0).textContent).toBe('');
  });

  it('never filters remote changes, even inside a locked clause', async () => {
    const { doc, view } = await lockedEditor();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const clause = remote.getXmlFragment(DRAFT_FRAGMENT).get(2) as Y.XmlElement;
    (clause.get(0) as Y.XmlText).insert(0, 'Remote: ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'remote');
    expect(texts(view)[1]).toBe('Remote: Decide to meet again');
  });

  it('follows locks and unlocks as the meta map changes', async () => {
    const { doc, view } = await lockedEditor();
    clauseMetaMap(doc).set('op2', LOCKED);
    clauseMetaMap(doc).set('op1', { ...LOCKED, lock: null });
    await settle();
    expect([...lockedClauseIds(view.state)]).toEqual(['op2']);
    view.dispatch(view.state.tr.insertText('X', startOfBlock(view.state.doc, 3) + 1));
    view.dispatch(view.state.tr.insertText('Y', startOfBlock(view.state.doc, 2) + 1));
    expect(texts(view)).toEqual([
      'Recalling the talks',
      'DYecide to meet again',
      'Agree to publish',
    ]);
  });
});
