import { communiqueSchema, DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { EditorState } from '@tiptap/pm/state';
import { ySyncPlugin } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { HeadlessView, settle } from '../testing/collabHarness';
import { draftDocWith, metaWithPositions, writeMeta } from '../testing/testClauses';
import { communiqueDoc, startOfBlock, stateWith } from '../testing/testDocs';
import { clauseMarkDecorations, clauseMarksPlugin, clauseMarksPluginKey } from './clauseMarks';

describe('clauseMarkDecorations', () => {
  it('gives known clauses their status and marks the focused one', () => {
    const doc = communiqueDoc([
      ['a', 'operative', 'first'],
      ['b', 'operative', 'second'],
      ['c', 'operative', 'third'],
    ]);
    const set = clauseMarkDecorations(doc, {
      statuses: new Map([
        ['a', 'agreed'],
        ['b', 'bracketed'],
      ]),
      focusedId: 'b',
    });
    const specs = set.find().map((decoration) => ({
      text: doc.nodeAt(decoration.from)?.textContent,
      spec: decoration.spec,
    }));
    expect(specs).toEqual([
      { text: 'first', spec: { status: 'agreed', focused: false } },
      { text: 'second', spec: { status: 'bracketed', focused: true } },
    ]);
  });
});

describe('clauseMarksPlugin', () => {
  it('keeps marks on their clauses when the text around them changes', () => {
    const doc = communiqueDoc([
      ['a', 'operative', 'first'],
      ['b', 'operative', 'second'],
    ]);
    let state = stateWith(doc, 1, [clauseMarksPlugin()]);
    state = state.apply(
      state.tr.setMeta(clauseMarksPluginKey, {
        statuses: new Map([['b', 'agreed']]),
        focusedId: null,
      }),
    );
    state = state.apply(state.tr.insertText('much longer ', startOfBlock(doc, 1)));
    const decorations = clauseMarksPluginKey.getState(state)?.decorations.find() ?? [];
    expect(decorations.map((decoration) => state.doc.nodeAt(decoration.from)?.textContent)).toEqual(
      ['second'],
    );
  });
});

describe('clauseMarksPlugin over a live Y.Doc (no clause panel mounted)', () => {
  it("follows each clause's status from the meta itself; the panel only names the focused one", async () => {
    const doc = draftDocWith([
      ['a', 'operative', 'Commit to invest;'],
      ['b', 'operative', 'Agree [to meet];'],
    ]);
    const view = new HeadlessView(
      EditorState.create({
        schema: communiqueSchema(),
        plugins: [ySyncPlugin(doc.getXmlFragment(DRAFT_FRAGMENT)), clauseMarksPlugin(doc)],
      }),
    );
    const marks = () =>
      (clauseMarksPluginKey.getState(view.state)?.decorations.find() ?? []).map((decoration) => [
        view.state.doc.nodeAt(decoration.from)?.attrs.id,
        decoration.spec,
      ]);
    await settle();
    expect(marks()).toEqual([
      ['a', { status: 'open', focused: false }],
      ['b', { status: 'bracketed', focused: false }],
    ]);

    writeMeta(
      doc,
      'a',
      metaWithPositions('Commit to invest;', {
        US: 'agree',
        CA: 'agree',
        MX: 'agree',
        SV: 'agree',
        GT: 'agree',
      }),
    );
    view.dispatch(view.state.tr.setMeta(clauseMarksPluginKey, { focusedId: 'b' }));
    await settle();
    expect(marks()).toEqual([
      ['a', { status: 'agreed', focused: false }],
      ['b', { status: 'bracketed', focused: true }],
    ]);
  });
});
