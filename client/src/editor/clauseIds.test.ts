import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { clausesOf, communiqueDoc, startOfBlock, stateWith } from '../testing/testDocs';
import {
  assignClauseIds,
  clauseIdPlugin,
  clausesNeedingIds,
  repairMergedClauseIds,
} from './clauseIds';

function counter(): () => string {
  let n = 0;
  return () => `fresh-${++n}`;
}

describe('clausesNeedingIds', () => {
  it('flags missing ids and every repeat after the first occurrence', () => {
    const doc = communiqueDoc([
      ['a', 'preambular', 'one'],
      [null, 'preambular', 'two'],
      ['a', 'operative', 'three'],
      ['b', 'operative', 'four'],
    ]);
    const flagged = clausesNeedingIds(doc).map((pos) => doc.nodeAt(pos)?.textContent);
    expect(flagged).toEqual(['two', 'three']);
  });
});

describe('assignClauseIds', () => {
  it('returns null when every clause has a unique id', () => {
    const doc = communiqueDoc([
      ['a', 'preambular', 'one'],
      ['b', 'operative', 'two'],
    ]);
    expect(assignClauseIds(stateWith(doc, 1), counter())).toBeNull();
  });

  it('keeps the first occurrence and renames the duplicate', () => {
    const doc = communiqueDoc([
      ['a', 'preambular', 'one'],
      ['a', 'preambular', 'copy'],
    ]);
    const tr = assignClauseIds(stateWith(doc, 1), counter());
    expect(tr && clausesOf(tr.doc)).toEqual([
      ['a', 'preambular', 'one'],
      ['fresh-1', 'preambular', 'copy'],
    ]);
  });
});

describe('assignClauseIds with the edit that made the duplicate', () => {
  it('keeps the id on the clause whose text the edit carried, even below its copy', () => {
    const doc = communiqueDoc([['a', 'preambular', 'one']]);
    const state = stateWith(doc, 1);
    const original = doc.child(1);
    const tr = state.tr.insert(doc.child(0).nodeSize, original.copy(original.content));
    const after = state.apply(tr);
    const fixed = assignClauseIds(after, counter(), { before: doc, mapping: tr.mapping });
    expect(fixed && clausesOf(fixed.doc).map((c) => c[0])).toEqual(['fresh-1', 'a']);
  });
});

describe('repairMergedClauseIds', () => {
  it('does nothing without a Yjs binding to derive shared ids from', () => {
    const doc = communiqueDoc([
      ['a', 'preambular', 'one'],
      ['a', 'preambular', 'two'],
    ]);
    expect(repairMergedClauseIds(stateWith(doc, 1))).toBeNull();
  });
});

describe('clauseIdPlugin', () => {
  it('gives the second half of a split clause a fresh id and leaves the first its own', () => {
    const doc = communiqueDoc([['keep', 'operative', 'Decide to meet again']]);
    const state = stateWith(doc, 1, [clauseIdPlugin(counter())]);
    // A plain ProseMirror split copies the attributes, id included: the duplicate to repair.
    const splitAt = startOfBlock(doc, 1) + 'Decide to'.length;
    const plain = stateWith(doc, 1);
    const next = plain.apply(plain.tr.split(splitAt));
    const { state: withIds } = state.applyTransaction(state.tr.split(splitAt));
    expect(clausesOf(next.doc).map((clause) => clause[0])).toEqual(['keep', 'keep']);
    expect(clausesOf(withIds.doc)).toEqual([
      ['keep', 'operative', 'Decide to'],
      ['fresh-1', 'operative', ' meet again'],
    ]);
  });

  it('gives a new clause without an id one', () => {
    const doc = communiqueDoc([['a', 'preambular', 'one']]);
    const state = stateWith(doc, 1, [clauseIdPlugin(counter())]);
    const clause = state.schema.nodes.clause?.create({ kind: 'operative' });
    if (!clause) throw new Error('schema has no clause');
    const { state: after } = state.applyTransaction(state.tr.insert(doc.content.size, clause));
    expect(clausesOf(after.doc).map((c) => c[0])).toEqual(['a', 'fresh-1']);
  });

  it('never rewrites ids in transactions that come from Yjs', () => {
    const doc = communiqueDoc([['a', 'preambular', 'one']]);
    const state = stateWith(doc, 1, [clauseIdPlugin(counter())]);
    const remote = state.tr.split(startOfBlock(doc, 1) + 1);
    remote.setMeta(ySyncPluginKey, { isChangeOrigin: true });
    const { state: after } = state.applyTransaction(remote);
    expect(clausesOf(after.doc).map((c) => c[0])).toEqual(['a', 'a']);
  });

  it('leaves transactions that do not change the document alone', () => {
    const doc = communiqueDoc([[null, 'preambular', 'one']]);
    const state = stateWith(doc, 1, [clauseIdPlugin(counter())]);
    const { transactions } = state.applyTransaction(state.tr.setMeta('focus', true));
    expect(transactions).toHaveLength(1);
  });
});
