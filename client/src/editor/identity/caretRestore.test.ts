import { clauseMetaMap } from '@accord/shared/domain/clauseMeta';
import { Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { prosemirrorJSONToYXmlFragment, undo, ySyncPlugin } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Client,
  closeUndoStep,
  createClient,
  exchange,
  HeadlessView,
  idCounter,
  seedUpdate,
} from '../../testing/collabHarness';
import { startOfBlock } from '../../testing/testDocs';

/**
 * Carets stay with their characters while others edit (issue 12). y-tiptap restores the local
 * selection after every remote change from Yjs relative positions; from 3.0.6 it second-guessed
 * them whenever the caret's block text had changed and, for a block with a distinctive attribute
 * (a clause id), put the caret back at its old offset: each remote keystroke before the caret left
 * it one character further behind its words. Accord patches y-tiptap (README, "Patched libraries");
 * these tests run the real binding and fail without the patch.
 */

const OP9 = 'Commit to strengthen democratic institutions and lasting regional stability;';

function clients(...texts: string[]): [Client, Client] {
  const seed = seedUpdate(texts.map((text, i) => [`c${i}`, 'operative', text] as const));
  return [createClient(seed, idCounter('us')), createClient(seed, idCounter('ca'))];
}

/** Puts the caret (or a selection to `head`) `offset` characters into the `block`-th block. */
function place(client: Client, block: number, offset: number, headOffset = offset): void {
  const { state } = client.view;
  const start = startOfBlock(state.doc, block);
  client.view.dispatch(
    state.tr.setSelection(TextSelection.create(state.doc, start + offset, start + headOffset)),
  );
}

function type(client: Client, text: string): void {
  for (const char of text) client.view.dispatch(client.view.state.tr.insertText(char));
}

/** The caret's block with `|` where the caret is (and `^` at the anchor of a selection). */
function caretView(client: Client): string {
  const { selection } = client.view.state;
  const $head = selection.$head;
  const text = $head.parent.textContent;
  const head = $head.parentOffset;
  if (selection.empty) return `${text.slice(0, head)}|${text.slice(head)}`;
  const anchor = selection.$anchor.parentOffset;
  const [from, to] = anchor < head ? [anchor, head] : [head, anchor];
  return `${text.slice(0, from)}^${text.slice(from, to)}|${text.slice(to)}`;
}

function blockTexts(client: Client): string[] {
  const texts: string[] = [];
  client.view.state.doc.forEach((node) => {
    if (node.type.name === 'clause') texts.push(node.textContent);
  });
  return texts;
}

describe('a caret stays with its characters while others edit the same clause', () => {
  it('two delegates typing in turn, one key each, keep their words whole (the reported case)', () => {
    const [us, ca] = clients(OP9);
    place(us, 1, 'Commit to strengthen'.length);
    place(ca, 1, OP9.length - 1);
    const usWord = ' Xx Xx';
    const caWord = ' and peace';
    for (let i = 0; i < caWord.length; i++) {
      if (i < usWord.length) type(us, usWord[i] ?? '');
      exchange(us, ca);
      type(ca, caWord[i] ?? '');
      exchange(us, ca);
    }
    const expected =
      'Commit to strengthen Xx Xx democratic institutions and lasting regional stability and peace;';
    expect(blockTexts(us)).toEqual([expected]);
    expect(blockTexts(ca)).toEqual([expected]);
    expect(caretView(ca)).toBe(`${expected.slice(0, -1)}|;`);
    expect(caretView(us)).toBe(
      'Commit to strengthen Xx Xx| democratic institutions and lasting regional stability and peace;',
    );
  });

  it('control: the same turns in bare paragraphs without attributes never broke', () => {
    // Bisection: with only ySync on a schema whose paragraphs have no attributes the caret was
    // right even before the patch; an `id` attribute alone was enough to break it.
    for (const withId of [false, true]) {
      const schema = new Schema({
        nodes: {
          doc: { content: 'paragraph+' },
          paragraph: { content: 'text*', attrs: withId ? { id: { default: null } } : {} },
          text: {},
        },
      });
      const seed = new Y.Doc();
      prosemirrorJSONToYXmlFragment(
        schema,
        {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              attrs: withId ? { id: 'op9' } : {},
              content: [{ type: 'text', text: 'strengthen stability;' }],
            },
          ],
        },
        seed.getXmlFragment('draft'),
      );
      const make = (): Client => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed));
        const plugins = [ySyncPlugin(doc.getXmlFragment('draft'))];
        return { doc, view: new HeadlessView(EditorState.create({ schema, plugins })) };
      };
      const [a, b] = [make(), make()];
      place(a, 0, 'strengthen'.length);
      place(b, 0, 'strengthen stability'.length);
      for (const [x, y] of [...' Xx Xx'].map((char, i) => [char, ' peace'[i] ?? ''])) {
        type(a, x ?? '');
        exchange(a, b);
        type(b, y ?? '');
        exchange(a, b);
      }
      expect(a.view.state.doc.textContent).toBe('strengthen Xx Xx stability peace;');
    }
  });

  it('a selection keeps both ends on its words when others type before and inside it', () => {
    const [us, ca] = clients(OP9);
    const start = OP9.indexOf('democratic');
    place(ca, 1, start, start + 'democratic institutions'.length);
    place(us, 1, 'Commit'.length);
    type(us, ' firmly');
    exchange(us, ca);
    expect(caretView(ca)).toBe(
      'Commit firmly to strengthen ^democratic institutions| and lasting regional stability;',
    );
    place(us, 1, 'Commit firmly to strengthen democratic'.length);
    type(us, ' and inclusive');
    exchange(us, ca);
    expect(caretView(ca)).toBe(
      'Commit firmly to strengthen ^democratic and inclusive institutions| and lasting regional stability;',
    );
  });

  it('others deleting before the caret, or across it, leave it at the same words', () => {
    const [us, ca] = clients(OP9);
    place(ca, 1, OP9.indexOf(' regional'));
    const from = startOfBlock(us.view.state.doc, 1) + 'Commit to strengthen'.length;
    us.view.dispatch(us.view.state.tr.delete(from, from + ' democratic'.length));
    exchange(us, ca);
    expect(caretView(ca)).toBe(
      'Commit to strengthen institutions and lasting| regional stability;',
    );
    // A deletion that swallows the caret leaves it where the words were taken out (y-tiptap writes
    // a text change as a diff, so the space kept is the one before the deleted words).
    const lasting =
      startOfBlock(us.view.state.doc, 1) + 'Commit to strengthen institutions and'.length;
    us.view.dispatch(us.view.state.tr.delete(lasting, lasting + ' lasting regional'.length));
    exchange(us, ca);
    expect(caretView(ca)).toBe('Commit to strengthen institutions and |stability;');
  });

  it('a clause split before the caret: the caret follows its words into the new clause', () => {
    const [us, ca] = clients(OP9, 'Decide to meet again');
    place(ca, 1, OP9.indexOf(' regional'));
    const { state } = us.view;
    us.view.dispatch(
      state.tr.split(
        startOfBlock(state.doc, 1) + 'Commit to strengthen democratic institutions'.length,
      ),
    );
    exchange(us, ca);
    expect(blockTexts(ca)).toEqual([
      'Commit to strengthen democratic institutions',
      ' and lasting regional stability;',
      'Decide to meet again',
    ]);
    expect(caretView(ca)).toBe(' and lasting| regional stability;');
    type(ca, ' and durable');
    exchange(us, ca);
    expect(blockTexts(us)[1]).toBe(' and lasting and durable regional stability;');
  });

  it('a split that crosses a keystroke in flight: the caret still follows its words', () => {
    const [us, ca] = clients(OP9);
    place(ca, 1, OP9.indexOf(' regional'));
    type(ca, ' and');
    exchange(us, ca);
    // Canada's next key has not reached the US delegate when the US splits the clause.
    type(ca, ',');
    const { state } = us.view;
    us.view.dispatch(state.tr.split(startOfBlock(state.doc, 1) + 'Commit to strengthen'.length));
    exchange(us, ca);
    // The split re-creates the words it moved; the key it had not seen stays behind (a limit of
    // a split written as delete and insert), but the caret goes on with its words.
    expect(blockTexts(ca)).toEqual([
      'Commit to strengthen,',
      ' democratic institutions and lasting and regional stability;',
    ]);
    expect(caretView(ca)).toBe(' democratic institutions and lasting and| regional stability;');
    type(ca, ' durable');
    exchange(us, ca);
    expect(blockTexts(us)[1]).toBe(
      ' democratic institutions and lasting and durable regional stability;',
    );
  });

  it('a clause split or added above: the caret stays in its own clause', () => {
    const [us, ca] = clients('Recalling the talks', OP9);
    place(ca, 2, OP9.indexOf(' regional'));
    const { state } = us.view;
    us.view.dispatch(state.tr.split(startOfBlock(state.doc, 1) + 'Recalling'.length));
    exchange(us, ca);
    expect(caretView(ca)).toBe(
      'Commit to strengthen democratic institutions and lasting| regional stability;',
    );
  });

  it("the caret's clause merged into the one before: the caret follows its words", () => {
    const [us, ca] = clients('Recalling the talks', OP9);
    place(ca, 2, OP9.indexOf(' regional'));
    const { state } = us.view;
    us.view.dispatch(state.tr.join(startOfBlock(state.doc, 2) - 1));
    exchange(us, ca);
    expect(blockTexts(ca)).toEqual([`Recalling the talks${OP9}`]);
    expect(caretView(ca)).toBe(
      'Recalling the talksCommit to strengthen democratic institutions and lasting| regional stability;',
    );
  });

  it('the server writing clause meta moves no caret', () => {
    const [us, ca] = clients(OP9);
    place(ca, 1, 'Commit to'.length);
    us.doc.transact(() => clauseMetaMap(us.doc).set('c0', { proposedBy: 'US' }));
    exchange(us, ca);
    expect(caretView(ca)).toBe(`Commit to| ${OP9.slice('Commit to '.length)}`);
  });
});

describe('undo is local', () => {
  it('undoing a new clause keeps the words another delegation typed into it meanwhile', () => {
    const [us, ca] = clients(OP9);
    closeUndoStep(us);
    place(us, 1, OP9.length);
    us.view.dispatch(us.view.state.tr.split(us.view.state.selection.from));
    exchange(us, ca);
    place(ca, 2, 0);
    type(ca, 'Canada proposes this clause.');
    exchange(us, ca);
    closeUndoStep(us);
    expect(undo(us.view.state)).toBe(true);
    exchange(us, ca);
    expect(blockTexts(us)).toEqual([OP9, 'Canada proposes this clause.']);
    expect(blockTexts(ca)).toEqual(blockTexts(us));
  });

  it("undo with remote typing interleaved removes only one's own words and leaves the caret there", () => {
    const [us, ca] = clients(OP9);
    closeUndoStep(us);
    closeUndoStep(ca);
    place(us, 1, 'Commit to strengthen'.length);
    place(ca, 1, OP9.length - 1);
    for (const [x, y] of [...' Xx Xx'].map((char, i) => [char, ' peace'[i] ?? ''])) {
      type(us, x ?? '');
      exchange(us, ca);
      type(ca, y ?? '');
      exchange(us, ca);
    }
    closeUndoStep(ca);
    expect(undo(ca.view.state)).toBe(true);
    exchange(us, ca);
    expect(blockTexts(us)).toEqual([
      'Commit to strengthen Xx Xx democratic institutions and lasting regional stability;',
    ]);
    expect(caretView(ca)).toBe(
      'Commit to strengthen Xx Xx democratic institutions and lasting regional stability|;',
    );
    expect(caretView(us)).toBe(
      'Commit to strengthen Xx Xx| democratic institutions and lasting regional stability;',
    );
  });
});
