import { type DraftJson, writeDraft } from '@accord/shared/domain/draft';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClauseIndex } from './ClauseIndex';

const draft: DraftJson = {
  type: 'doc',
  content: [
    { type: 'title', content: [{ type: 'text', text: 'Communiqué' }] },
    {
      type: 'clause',
      attrs: { id: 'c1', kind: 'preambular' },
      content: [{ type: 'text', text: 'One.' }],
    },
    {
      type: 'clause',
      attrs: { id: 'c2', kind: 'operative' },
      content: [{ type: 'text', text: 'Two.' }],
    },
  ],
};

/** A server doc with the index, and a client doc whose updates are applied as a client's. */
function setup() {
  const server = new Y.Doc();
  writeDraft(server, draft);
  const index = new ClauseIndex(server);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  client.on('update', (update: Uint8Array) => Y.applyUpdate(server, update, 'connection'));
  const clause = (id: string) =>
    client
      .getXmlFragment('default')
      .toArray()
      .find(
        (node) => node instanceof Y.XmlElement && node.getAttribute('id') === id,
      ) as Y.XmlElement;
  return { index, client, clause };
}

describe('ClauseIndex (C3)', () => {
  it('reports a clause whose text a client changed, with the text before and after', async () => {
    const { index, clause } = setup();
    (clause('c2').get(0) as Y.XmlText).insert(0, 'Also ');
    expect(index.takeChanges()).toEqual([
      { clauseId: 'c2', textBefore: 'Two.', textAfter: 'Also Two.' },
    ]);
    expect(index.takeChanges()).toEqual([]);
    expect(index.currentText('c2')).toBe('Also Two.');
  });

  it('reports nothing when only formatting changed', async () => {
    const { index, clause } = setup();
    (clause('c1').get(0) as Y.XmlText).format(0, 3, { bold: {} });
    expect(index.takeChanges()).toEqual([]);
  });

  it('reports a new clause without text before, and a removed one with its last text', async () => {
    const { index, client } = setup();
    const added = new Y.XmlElement('clause');
    client.transact(() => {
      client.getXmlFragment('default').insert(3, [added]);
      added.setAttribute('id', 'c3');
      added.insert(0, [new Y.XmlText('Three.')]);
    });
    expect(index.takeChanges()).toEqual([
      { clauseId: 'c3', textBefore: undefined, textAfter: 'Three.' },
    ]);
    client.getXmlFragment('default').delete(1, 1);
    expect(index.takeChanges()).toEqual([
      { clauseId: 'c1', textBefore: 'One.', textAfter: '', removed: true },
    ]);
    expect(index.currentText('c1')).toBeUndefined();
    expect(index.currentText('c3')).toBe('Three.');
  });

  it('reports a removed clause that comes back (an undo) as restored, once', async () => {
    const { index, client } = setup();
    const undo = new Y.UndoManager(client.getXmlFragment('default'));
    client.getXmlFragment('default').delete(2, 1);
    expect(index.takeChanges()).toEqual([
      { clauseId: 'c2', textBefore: 'Two.', textAfter: '', removed: true },
    ]);
    undo.undo();
    expect(index.takeChanges()).toEqual([
      { clauseId: 'c2', textBefore: '', textAfter: 'Two.', restored: true },
    ]);
    expect(index.currentText('c2')).toBe('Two.');
  });

  it('does not report a clause moved elsewhere (deleted and inserted again) as removed', async () => {
    const { index, client } = setup();
    const moved = new Y.XmlElement('clause');
    client.transact(() => {
      const fragment = client.getXmlFragment('default');
      fragment.delete(1, 1);
      fragment.insert(2, [moved]);
      moved.setAttribute('id', 'c1');
      moved.insert(0, [new Y.XmlText('One.')]);
    });
    expect(index.takeChanges()).toEqual([]);
    expect(index.currentText('c1')).toBe('One.');
  });

  it('keeps the text of a clause replaced by a new element with the same id (a paste)', async () => {
    const { index, client } = setup();
    const replacement = new Y.XmlElement('clause');
    client.transact(() => {
      const fragment = client.getXmlFragment('default');
      fragment.delete(2, 1);
      fragment.insert(2, [replacement]);
      replacement.setAttribute('id', 'c2');
      replacement.insert(0, [new Y.XmlText('Two, pasted.')]);
    });
    expect(index.takeChanges()).toEqual([
      { clauseId: 'c2', textBefore: 'Two.', textAfter: 'Two, pasted.' },
    ]);
  });

  it('ignores the server’s own (local) transactions', async () => {
    const server = new Y.Doc();
    writeDraft(server, draft);
    const index = new ClauseIndex(server);
    const first = server.getXmlFragment('default').get(1) as Y.XmlElement;
    (first.get(0) as Y.XmlText).insert(0, 'Server ');
    expect(index.takeChanges()).toEqual([]);
  });
});
