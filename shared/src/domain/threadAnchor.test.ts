import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type DraftJson, writeDraft } from './draft';
import { DRAFT_FRAGMENT } from './schema';
import { createThreadAnchor, resolveThreadAnchor } from './threadAnchor';

const draft: DraftJson = {
  type: 'doc',
  content: [
    { type: 'title', content: [{ type: 'text', text: 'Communiqué' }] },
    {
      type: 'clause',
      attrs: { id: 'c1', kind: 'operative' },
      content: [{ type: 'text', text: 'We agree to reduce tariffs by 2030.' }],
    },
  ],
};

function clauseText(doc: Y.Doc, index = 1): Y.XmlText {
  const clause = doc.getXmlFragment(DRAFT_FRAGMENT).get(index) as Y.XmlElement;
  return clause.get(0) as Y.XmlText;
}

function twoPeers(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  writeDraft(a, draft);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('resolveThreadAnchor', () => {
  it('resolves a fresh anchor to its clause and words', () => {
    const [doc] = twoPeers();
    const anchor = createThreadAnchor(clauseText(doc), 3, 8);
    const resolved = resolveThreadAnchor(doc, anchor);
    expect(resolved.ok && resolved.value.clauseId).toBe('c1');
    expect(resolved.ok && resolved.value.quote).toBe('agree');
  });

  it('follows its words when another peer types before them and just after them', () => {
    const [a, b] = twoPeers();
    const anchor = createThreadAnchor(clauseText(a), 3, 8);
    clauseText(b).insert(0, 'Today, ');
    clauseText(b).insert(15, ' fully');
    sync(b, a);
    const resolved = resolveThreadAnchor(a, anchor);
    expect(resolved.ok && resolved.value.quote).toBe('agree');
    expect(resolved.ok && resolved.value.from).toBe(10);
    expect(plainOf(a)).toBe('Today, We agree fully to reduce tariffs by 2030.');
  });

  it('collapses (detached) when its words are deleted, and is still found', () => {
    const [a, b] = twoPeers();
    const anchor = createThreadAnchor(clauseText(a), 3, 8);
    clauseText(b).delete(2, 7);
    sync(b, a);
    const resolved = resolveThreadAnchor(a, anchor);
    expect(resolved.ok && resolved.value.from === resolved.value.to).toBe(true);
    expect(resolved.ok && resolved.value.quote).toBe('');
  });

  it('refuses garbage, positions the document does not know, and text outside clauses', () => {
    const [a] = twoPeers();
    expect(resolveThreadAnchor(a, { start: 'not base64!', end: 'AA==' })).toEqual({
      ok: false,
      error: 'malformed',
    });
    const stranger = new Y.Doc();
    writeDraft(stranger, draft);
    const foreign = createThreadAnchor(clauseText(stranger), 0, 2);
    expect(resolveThreadAnchor(a, foreign)).toEqual({ ok: false, error: 'outside' });
    const title = createThreadAnchor(clauseText(a, 0), 0, 3);
    expect(resolveThreadAnchor(a, title)).toEqual({ ok: false, error: 'outside' });
  });

  it('refuses a position naming a root type, without creating that type in the document', () => {
    const [a] = twoPeers();
    const rootNamed = Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('planted'), 0);
    const encoded = btoa(String.fromCharCode(...Y.encodeRelativePosition(rootNamed)));
    expect(resolveThreadAnchor(a, { start: encoded, end: encoded })).toEqual({
      ok: false,
      error: 'malformed',
    });
    expect(a.share.has('planted')).toBe(false);
  });

  it('refuses an anchor whose clause was deleted', () => {
    const [a] = twoPeers();
    const anchor = createThreadAnchor(clauseText(a), 0, 2);
    a.getXmlFragment(DRAFT_FRAGMENT).delete(1, 1);
    expect(resolveThreadAnchor(a, anchor)).toEqual({ ok: false, error: 'outside' });
  });
});

function plainOf(doc: Y.Doc): string {
  return clauseText(doc).toString();
}
