import { type ClauseMeta, clauseMetaMap, emptyClauseMeta } from '@accord/shared/domain/clauseMeta';
import { communiqueSchema, DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { Fragment, Slice } from '@tiptap/pm/model';
import { AllSelection, EditorState, TextSelection } from '@tiptap/pm/state';
import { ySyncPlugin } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blockPos, dragBlock, HeadlessView, seedUpdate, settle } from '../testing/collabHarness';
import { clausesOf, startOfBlock } from '../testing/testDocs';
import { clauseLocksPlugin, lockedClauseIds, lockLabel } from './clauseLocks';
import { deleteAroundLockedClauses } from './lockedRanges';

const LOCKED: ClauseMeta = {
  ...emptyClauseMeta('h'),
  lock: { delegation: 'CHAIR', userId: 'chair', at: 1, reason: null },
};

const SEED = seedUpdate([
  ['pp', 'preambular', 'Recalling the talks'],
  ['op1', 'operative', 'Decide to meet again'],
  ['op2', 'operative', 'Agree to publish'],
  ['op3', 'operative', 'Report back'],
]);

/** The Yjs item id of the locked clause's element: it must never be replaced. */
function lockedItem(doc: Y.Doc): string {
  const element = doc
    .getXmlFragment(DRAFT_FRAGMENT)
    .toArray()
    .find((node) => node instanceof Y.XmlElement && node.getAttribute('id') === 'op1');
  const item = element?._item;
  return item ? `${item.id.client}:${item.id.clock}` : 'gone';
}

/** A headless editor over the real Yjs binding, with op1 locked in the meta map. */
async function lockedEditor(onBlocked?: (notice: string) => void) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, SEED);
  clauseMetaMap(doc).set('op1', LOCKED);
  const view = new HeadlessView(
    EditorState.create({
      schema: communiqueSchema(),
      plugins: [
        ySyncPlugin(doc.getXmlFragment(DRAFT_FRAGMENT)),
        clauseLocksPlugin(doc, onBlocked, 'UTC'),
      ],
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

const ORIGINAL = ['Recalling the talks', 'Decide to meet again', 'Agree to publish', 'Report back'];

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

  it('refuses dragging the locked clause, or another clause across it; allows the rest', async () => {
    const { doc, view } = await lockedEditor();
    const item = lockedItem(doc);
    const client = { doc, view };
    dragBlock(client, 2, 1);
    expect(texts(view)).toEqual(ORIGINAL);
    // y-tiptap would mirror this move by rewriting the locked clause's element.
    dragBlock(client, 3, 1);
    expect(texts(view)).toEqual(ORIGINAL);
    dragBlock(client, 4, 3);
    const moved = [
      'Recalling the talks',
      'Decide to meet again',
      'Report back',
      'Agree to publish',
    ];
    expect(texts(view)).toEqual(moved);
    expect(yTexts(doc)).toEqual(moved);
    expect(lockedItem(doc)).toBe(item);
  });

  it('lets edits of unlocked clauses through, right next to the locked one', async () => {
    const { doc, view } = await lockedEditor();
    const item = lockedItem(doc);
    const endOfPp = blockPos(view.state.doc, 2) - 1;
    view.dispatch(view.state.tr.insertText('.', endOfPp));
    view.dispatch(view.state.tr.insertText('We ', startOfBlock(view.state.doc, 3)));
    view.dispatch(view.state.tr.split(startOfBlock(view.state.doc, 1) + 4));
    view.dispatch(view.state.tr.delete(blockPos(view.state.doc, 2), blockPos(view.state.doc, 3)));
    const expected = ['Reca', 'Decide to meet again', 'We Agree to publish', 'Report back'];
    expect(texts(view)).toEqual(expected);
    expect(yTexts(doc)).toEqual(expected);
    expect(lockedItem(doc)).toBe(item);
  });

  it('select all, then delete: the locked clause stays, everything else goes', async () => {
    const { doc, view } = await lockedEditor();
    const item = lockedItem(doc);
    const all = view.state.tr.setSelection(new AllSelection(view.state.doc));
    view.dispatch(all);
    // The plain delete is refused as a whole…
    view.dispatch(view.state.tr.deleteSelection());
    expect(texts(view)).toEqual(ORIGINAL);
    // …and the lock-aware one deletes around it.
    const ran = deleteAroundLockedClauses(
      lockedClauseIds(view.state),
      doc.getXmlFragment(DRAFT_FRAGMENT),
    )(view.state, view.dispatch);
    expect(ran).toBe(true);
    expect(texts(view)).toEqual(['Decide to meet again']);
    expect(yTexts(doc)).toEqual(['Decide to meet again']);
    expect(view.state.doc.child(0).textContent).toBe('');
    expect(lockedItem(doc)).toBe(item);
  });

  it('a selection from inside one clause to inside another deletes only the unlocked text', async () => {
    const { doc, view } = await lockedEditor();
    const from = startOfBlock(view.state.doc, 1) + 9;
    const to = startOfBlock(view.state.doc, 3) + 6;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
    deleteAroundLockedClauses(lockedClauseIds(view.state), doc.getXmlFragment(DRAFT_FRAGMENT))(
      view.state,
      view.dispatch,
    );
    const expected = ['Recalling', 'Decide to meet again', 'to publish', 'Report back'];
    expect(texts(view)).toEqual(expected);
    expect(yTexts(doc)).toEqual(expected);
  });

  it('never filters remote changes, even inside a locked clause', async () => {
    const { doc, view } = await lockedEditor();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const clause = remote.getXmlFragment(DRAFT_FRAGMENT).get(2) as Y.XmlElement;
    (clause.get(0) as Y.XmlText).insert(0, 'Remote: ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'remote');
    expect(texts(view)[1]).toBe('Remote: Decide to meet again');
    // Even one that replaces the locked clause's element: the server decides, not the editor.
    remote.getXmlFragment(DRAFT_FRAGMENT).delete(2, 1);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'remote');
    expect(texts(view)).toEqual(['Recalling the talks', 'Agree to publish', 'Report back']);
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
      'Report back',
    ]);
  });
});

describe('the notice of a stopped edit', () => {
  it('names the locked clause and who locked it, and says nothing of allowed edits', async () => {
    const notices: string[] = [];
    const { doc, view } = await lockedEditor((notice) => notices.push(notice));
    view.dispatch(view.state.tr.insertText('NOT ', startOfBlock(view.state.doc, 2) + 3));
    expect(notices).toEqual([
      'OP1 is locked by the Chair: nobody can change it until a moderator unlocks it.',
    ]);
    view.dispatch(view.state.tr.insertText('Now ', startOfBlock(view.state.doc, 3)));
    await settle();
    expect(notices).toHaveLength(1);
    expect(yTexts(doc)[2]).toBe('Now Agree to publish');
  });
});

describe('lockLabel', () => {
  it('names who locked the clause and when, on the negotiation’s clock, with its zone', () => {
    const at = Date.UTC(2026, 10, 29, 14, 5);
    const lock = { delegation: 'CHAIR', userId: 'u', at, reason: null } as const;
    const zone = 'America/Mexico_City';
    const sameDay = lockLabel(lock, zone, Date.UTC(2026, 10, 29, 18, 0));
    expect(sameDay).toMatch(/^Locked by the Chair · 8:05\sAM CST$/);
    const later = lockLabel({ ...lock, delegation: 'MX' }, zone, Date.UTC(2026, 11, 2));
    expect(later).toMatch(/^Locked by Mexico · Nov 29, 8:05\sAM CST$/);
    expect(lockLabel(lock, 'UTC', at)).toMatch(/· 2:05\sPM UTC$/);
  });
});
