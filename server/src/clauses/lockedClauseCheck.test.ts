import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LockedClauseIndex } from './LockedClauseIndex';
import { lockedClauseTouched } from './lockedClauseCheck';

/** A document with a container holding a clause, so that ancestors can be tested too. */
function nestedDoc() {
  const doc = new Y.Doc();
  doc.clientID = 1;
  const fragment = doc.getXmlFragment('default');
  const section = new Y.XmlElement('section');
  const clause = new Y.XmlElement('clause');
  clause.setAttribute('id', 'c1');
  clause.insert(0, [new Y.XmlText('Locked words.')]);
  const other = new Y.XmlElement('clause');
  other.setAttribute('id', 'c2');
  other.insert(0, [new Y.XmlText('Free words.')]);
  section.insert(0, [clause, other]);
  fragment.insert(0, [section]);
  (clause.get(0) as Y.XmlText).delete(0, 1);
  return { doc, fragment, section, clause, other };
}

/** The update a change made on a copy of the document (another client) would send. */
function changeOnCopy(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  copy.clientID = 2;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  copy.on('update', (update: Uint8Array) => updates.push(update));
  Y.transact(copy, () => change(copy));
  return Y.mergeUpdates(updates);
}

function touched(doc: Y.Doc, index: LockedClauseIndex, update: Uint8Array) {
  return lockedClauseTouched(Y.decodeUpdate(update), doc, index);
}

function section(copy: Y.Doc): Y.XmlElement {
  return copy.getXmlFragment('default').get(0) as Y.XmlElement;
}

function lockedText(copy: Y.Doc): Y.XmlText {
  return (section(copy).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('lockedClauseTouched (L2)', () => {
  const scene = () => {
    const built = nestedDoc();
    const index = new LockedClauseIndex();
    index.rebuild([{ clauseId: 'c1', elements: [built.clause] }]);
    return { ...built, index };
  };

  it('finds inserts, deletes, formatting and attributes in a locked clause', async () => {
    const { doc, index } = scene();
    expect(
      touched(
        doc,
        index,
        changeOnCopy(doc, (c) => lockedText(c).insert(3, 'x')),
      ),
    ).toBe('c1');
    expect(
      touched(
        doc,
        index,
        changeOnCopy(doc, (c) => lockedText(c).delete(2, 1)),
      ),
    ).toBe('c1');
    expect(
      touched(
        doc,
        index,
        changeOnCopy(doc, (c) => lockedText(c).format(0, 2, { bold: {} })),
      ),
    ).toBe('c1');
    expect(
      touched(
        doc,
        index,
        changeOnCopy(doc, (c) => (section(c).get(0) as Y.XmlElement).setAttribute('kind', 'x')),
      ),
    ).toBe('c1');
  });

  it('finds the deletion of an ancestor that contains the locked clause', async () => {
    const { doc, index } = scene();
    const update = changeOnCopy(doc, (c) => c.getXmlFragment('default').delete(0, 1));
    expect(touched(doc, index, update)).toBe('c1');
  });

  it('lets through edits of other clauses and of other places in the container', async () => {
    const { doc, index } = scene();
    const edit = changeOnCopy(doc, (c) => {
      ((section(c).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Very ');
      section(c).insert(1, [new Y.XmlElement('clause')]);
    });
    expect(touched(doc, index, edit)).toBeUndefined();
  });

  it('ignores repeated deletions of text deleted before the lock', async () => {
    const { doc, index } = scene();
    // The copy's whole state, delete set included, as a stock client's sync step 2 sends it.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(touched(doc, index, Y.encodeStateAsUpdate(copy))).toBeUndefined();
  });

  it('is empty, and finds nothing, once every clause is unlocked', async () => {
    const { doc, index } = scene();
    index.rebuild([]);
    expect(index.empty).toBe(true);
    expect(
      touched(
        doc,
        index,
        changeOnCopy(doc, (c) => lockedText(c).insert(0, 'x')),
      ),
    ).toBe(undefined);
  });
});
